import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { LiftLine } from './backtest-tables';

/** What each fit criterion and intent signal was worth: win rates with and without it, the lift and a verdict. */
@Component({
  selector: 'accord-signal-value-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <table [attr.aria-label]="label()">
        <caption>
          {{
            label()
          }}: win rate with and without each criterion and signal
        </caption>
        <thead>
          <tr>
            <th scope="col">Criterion or signal</th>
            <th scope="col">Points</th>
            <th scope="col">Leads with it</th>
            <th scope="col">Won with</th>
            <th scope="col">Won without</th>
            <th scope="col">Lift</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          @for (line of lines(); track line.kind + line.label) {
            <tr>
              <th scope="row">
                {{ line.label }} <span class="muted">{{ line.kind }}</span>
                @if (line.added) {
                  <span class="added"> · new in this version</span>
                }
              </th>
              <td>{{ line.points }}</td>
              <td>{{ line.withLeads.toLocaleString('en-US') }}</td>
              <td>{{ line.winWith.text }}</td>
              <td>{{ line.winWithout.text }}</td>
              <td>{{ line.lift }}</td>
              <td>{{ line.verdict }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    <p class="muted">
      Win rate: won ÷ the window's leads with (or without) it, handed over or not. Lift: with ÷ without. It
      counts as evidence only when the two 95% intervals do not overlap.
    </p>
  `,
  styleUrl: './backtest.css',
  styles: `
    .added {
      font-style: italic;
      color: var(--mat-sys-primary);
    }
  `,
})
export class SignalValueTableComponent {
  /** The table's accessible name, and the start of its caption. */
  readonly label = input.required<string>();
  readonly lines = input.required<LiftLine[]>();
}

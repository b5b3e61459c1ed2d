import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { GradeLine } from './backtest-tables';

/** Acceptance and win rates per grade or temperature, each with its 95% interval; small samples are marked. */
@Component({
  selector: 'accord-rates-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table [attr.aria-label]="caption()">
      <caption>
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ keyHeading() }}</th>
          <th scope="col">Handed over</th>
          <th scope="col">Accepted</th>
          <th scope="col">Won</th>
          <th scope="col">Cycle (first touch → win)</th>
        </tr>
      </thead>
      <tbody>
        @for (line of lines(); track line.key) {
          <tr>
            <th scope="row">{{ line.key }}</th>
            <td>{{ line.handedOver.toLocaleString('en-US') }}</td>
            <td>
              {{ line.acceptance.text }} <span class="interval">{{ line.acceptance.interval }}</span>
              @if (line.acceptance.small) {
                <span class="small"> · small sample</span>
              }
            </td>
            <td>
              {{ line.win.text }} <span class="interval">{{ line.win.interval }}</span>
              @if (line.win.small) {
                <span class="small"> · small sample</span>
              }
            </td>
            <td>{{ line.cycle }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styleUrl: './backtest.css',
  styles: `
    .interval,
    .small {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.85em;
    }
    .small {
      font-style: italic;
    }
  `,
})
export class RatesTableComponent {
  readonly caption = input.required<string>();
  readonly keyHeading = input('Grade');
  readonly lines = input.required<GradeLine[]>();
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';

import { BacktestStore, backtestHeadline } from '@accord/web/agreement/data-access';
import { AuthStore, injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import { FormAlertComponent } from '@accord/web/shared/ui';

import { formatDay } from '../shared/wording';
import { publishNote, unknownOutcomeNote } from './backtest-notes';
import { comparisonRows, gradeLines, liftLines } from './backtest-tables';
import { RatesTableComponent } from './rates-table.component';
import { SignalValueTableComponent } from './signal-value-table.component';

/**
 * A version's backtest beside the version in force, in the proposal: what it would have produced over the last
 * twelve months, with a button to run it (again) and its progress, and a stale marker once the version moved on.
 */
@Component({
  selector: 'accord-backtest-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [BacktestStore],
  imports: [MatButton, MatProgressBar, FormAlertComponent, RatesTableComponent, SignalValueTableComponent],
  template: `
    <section aria-labelledby="backtest-heading">
      <div class="heading">
        <h2 id="backtest-heading">Backtest</h2>
        @if (canRun()) {
          <button
            mat-stroked-button
            type="button"
            [disabled]="store.call.pending() || store.running()"
            (click)="store.start(versionId())"
          >
            {{ store.run() ? 'Run backtest again' : 'Run backtest' }}
          </button>
        }
      </div>
      <accord-form-alert [message]="store.call.error() ?? store.loadError()?.message ?? null" />
      @if (store.run(); as run) {
        @if (store.running()) {
          <p role="status">
            @if (run.status === 'QUEUED' || run.total === 0) {
              Backtesting revision {{ run.revision }}: queued…
            } @else {
              Backtesting revision {{ run.revision }}: {{ run.processed.toLocaleString('en-US') }} of
              {{ run.total.toLocaleString('en-US') }} leads read
            }
          </p>
          <mat-progress-bar mode="determinate" [value]="run.progress * 100" aria-label="Backtest progress" />
        } @else if (run.status === 'FAILED') {
          <p class="warning">The backtest failed: {{ run.error }}</p>
        }
        @if (run.stale && run.status === 'DONE') {
          <p class="stale" role="note">
            <strong>Stale:</strong> these results are for revision {{ run.revision }} against v{{
              run.baselineVersionNumber
            }}; the version has changed since. Run the backtest again.
          </p>
        }
        @if (run.result; as result) {
          <p class="muted">
            Revision {{ run.revision }} against v{{ run.baselineVersionNumber }} ({{ baselineWord() }}), over
            the leads of {{ day(result.window.from) }} to {{ day(result.window.to) }} ({{
              result.leadsInWindow.toLocaleString('en-US')
            }}
            leads), each scored with only the signals it had at the time.
          </p>
          @if (unknownNote(); as note) {
            <p class="unknown"><strong>Outcome unknown:</strong> {{ note }}</p>
          }
          @if (!decided() && onPublishNote(); as note) {
            <p class="publish"><strong>On publishing:</strong> {{ note }}</p>
          }
          <div class="scroll">
            <table class="comparison" aria-label="Backtest against the version in force">
              <thead>
                <tr>
                  <th scope="col">Over the window</th>
                  <th scope="col">This version</th>
                  <th scope="col">v{{ run.baselineVersionNumber }} ({{ baselineWord() }})</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                @for (row of rows(); track row.label) {
                  <tr>
                    <th scope="row" [attr.title]="row.hint ?? null" [class.explained]="!!row.hint">
                      {{ row.label }}
                    </th>
                    <td>{{ row.draft }}</td>
                    <td>{{ row.inForce }}</td>
                    <td>{{ row.change }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <p class="muted">
            A dotted line says what it counts when you point at it. “… accepted by sales” counts the version's
            MQLs in the window that sales accepted; “Accepted leads it would have missed”, accepted leads it
            would never have handed over. A lead it would have handed over before the window began is in
            neither, so the first can fall while the second stays 0.
          </p>
          <accord-rates-table caption="Rates by grade under this version" [lines]="grades()" />
          <accord-signal-value-table label="Signal value under this version" [lines]="lift()" />
        }
      } @else if (!store.loading()) {
        <p class="muted">
          Not backtested yet: run it to see what this version would have produced over the last 12 months.
        </p>
      }
    </section>
  `,
  styleUrl: './backtest.css',
  styles: `
    .stale,
    .warning {
      color: var(--mat-sys-error);
    }
    .unknown,
    .publish {
      border-left: 4px solid var(--mat-sys-tertiary);
      padding-left: 8px;
    }
    /* A dotted label has a tooltip saying what it counts. */
    .explained {
      text-decoration: underline dotted;
      text-underline-offset: 3px;
      cursor: help;
    }
  `,
})
export class BacktestPanelComponent {
  protected readonly store = inject(BacktestStore);
  private readonly auth = inject(AuthStore);

  readonly versionId = input.required<string>();
  /** Whether the member may start a backtest. */
  readonly canRun = input(false);
  /**
   * The version is published (or was superseded): its backtest is the record of the comparison made before, so it
   * names the version then in force as such and no longer forecasts what publishing would do.
   */
  readonly decided = input(false);
  protected readonly baselineWord = computed(() => (this.decided() ? 'in force when it ran' : 'in force'));
  private readonly timeZone = injectWorkspaceTimeZone();

  protected day(iso: string): string {
    return formatDay(iso, this.timeZone());
  }

  protected readonly rows = computed(() => {
    const result = this.store.run()?.result;
    // Amounts in the workspace's reporting currency, as the dashboard shows them.
    return result ? comparisonRows(result, this.auth.workspace()?.currency ?? null) : [];
  });
  protected readonly grades = computed(() => {
    const result = this.store.run()?.result;
    return result ? gradeLines(result.draft.calibration.byGrade) : [];
  });
  protected readonly unknownNote = computed(() => {
    const run = this.store.run();
    return run?.result
      ? unknownOutcomeNote(backtestHeadline(run.result).unknown, `v${run.baselineVersionNumber}`)
      : null;
  });
  protected readonly onPublishNote = computed(() => {
    const run = this.store.run();
    return run?.result
      ? publishNote(run.result.draft, run.result.baseline, `v${run.baselineVersionNumber}`)
      : null;
  });
  /** The draft's criteria and signals, those the version in force lacks marked: no one has seen them work yet. */
  protected readonly lift = computed(() => {
    const result = this.store.run()?.result;
    return result ? liftLines(result.draft.signalValue, result.baseline.signalValue) : [];
  });

  constructor() {
    effect(() => {
      const id = this.versionId();
      untracked(() => void this.store.loadLatest(id));
    });
  }
}

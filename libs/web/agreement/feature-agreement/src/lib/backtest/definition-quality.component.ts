import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';

import { BacktestStore } from '@accord/web/agreement/data-access';
import { injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import { FormAlertComponent } from '@accord/web/shared/ui';

import { formatDay } from '../shared/wording';
import { gradeLines, inversionText, liftLines } from './backtest-tables';
import { RatesTableComponent } from './rates-table.component';
import { SignalValueTableComponent } from './signal-value-table.component';

/**
 * Is the version in force any good? Its calibration (an A should convert better than a B), what each criterion
 * and signal earns, and the edits rejections suggest — from its newest backtest against its own history.
 */
@Component({
  selector: 'accord-definition-quality',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [BacktestStore],
  imports: [MatButton, MatProgressBar, FormAlertComponent, RatesTableComponent, SignalValueTableComponent],
  template: `
    <section aria-labelledby="quality-heading">
      <div class="heading">
        <h2 id="quality-heading">Definition quality</h2>
        @if (canRun()) {
          <button
            mat-stroked-button
            type="button"
            [disabled]="store.call.pending() || store.running()"
            (click)="store.start(inForceId())"
          >
            Measure now
          </button>
        }
      </div>
      <accord-form-alert [message]="store.call.error() ?? store.loadError()?.message ?? null" />
      @if (store.running()) {
        <mat-progress-bar
          mode="determinate"
          [value]="(store.run()?.progress ?? 0) * 100"
          aria-label="Measuring"
        />
      }
      @if (store.run()?.result; as result) {
        <p class="muted">
          v{{ store.run()?.versionNumber }} over {{ day(result.window.from) }} to {{ day(result.window.to) }}:
          leads graded as they stood when they were handed over.
        </p>
        @if (result.draft.calibration.inversions.length) {
          <ul class="inversions" aria-label="Inversions">
            @for (inversion of result.draft.calibration.inversions; track $index) {
              <li>{{ text(inversion) }}</li>
            }
          </ul>
        } @else {
          <p>No inversions: every grade and temperature converts at least as well as the one below it.</p>
        }
        <div class="tables">
          <accord-rates-table caption="Calibration by grade" [lines]="grades()" />
          <accord-rates-table
            caption="Calibration by temperature"
            keyHeading="Temperature"
            [lines]="heat()"
          />
        </div>
        <accord-signal-value-table label="Signal value" [lines]="lift()" />
        <h3>Suggested edits from rejections</h3>
        @if (result.draft.suggestions.length) {
          <ul aria-label="Suggested edits">
            @for (
              suggestion of result.draft.suggestions;
              track suggestion.kind + suggestion.key + suggestion.reasonKey
            ) {
              <li>{{ suggestion.text }}</li>
            }
          </ul>
        } @else {
          <p class="muted">No rejection reason clusters on one criterion or source.</p>
        }
      } @else if (!store.loading() && !store.running()) {
        <p class="muted">Not measured yet since this version took effect.</p>
      }
    </section>
  `,
  styleUrl: './backtest.css',
  styles: `
    .inversions {
      color: var(--mat-sys-error);
    }
    .tables {
      display: flex;
      flex-wrap: wrap;
      gap: 24px;
    }
  `,
})
export class DefinitionQualityComponent implements OnInit {
  private readonly timeZone = injectWorkspaceTimeZone();

  protected readonly store = inject(BacktestStore);

  /** The version in force. */
  readonly inForceId = input.required<string>();
  readonly canRun = input(false);

  protected day(iso: string): string {
    return formatDay(iso, this.timeZone());
  }

  protected readonly grades = computed(() =>
    gradeLines(this.store.run()?.result?.draft.calibration.byGrade ?? []),
  );
  protected readonly heat = computed(() =>
    gradeLines(this.store.run()?.result?.draft.calibration.byTemperature ?? []),
  );
  protected readonly lift = computed(() => liftLines(this.store.run()?.result?.draft.signalValue ?? []));
  protected readonly text = inversionText;

  ngOnInit(): void {
    void this.store.loadDefinitionQuality();
  }
}

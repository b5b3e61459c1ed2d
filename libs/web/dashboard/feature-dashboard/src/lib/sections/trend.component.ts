import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import {
  type DashboardMetric,
  formatMetricValue,
  formatTarget,
  metricTrend,
  targetLine,
  targetTrend,
} from '@accord/web/dashboard/data-access';
import type { DashboardGranularity, DashboardTargetScope } from '@accord/web/shared/data-access';

import { TARGET_COLOR } from '../charts/chart-colors';
import { LineChartComponent } from '../charts/line-chart.component';

const BUCKET_WORDS: Readonly<Record<DashboardGranularity, string>> = {
  WEEK: 'week',
  MONTH: 'month',
  QUARTER: 'quarter',
};

/** One metric's trend over the period at a time (units differ), with its target where a line makes sense. */
@Component({
  selector: 'accord-trend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormField, MatInput, MatLabel, LineChartComponent],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Metric</mat-label>
      <select matNativeControl [title]="chosen()?.name ?? ''" (change)="pick($event)">
        @for (metric of metrics(); track metric.key) {
          <option [value]="metric.key" [selected]="metric.key === chosen()?.key">{{ metric.name }}</option>
        }
      </select>
    </mat-form-field>
    @if (chosen(); as metric) {
      @if (chart(); as chart) {
        <accord-line-chart
          [chart]="chart"
          [references]="references()"
          [targets]="targets()"
          [format]="format()"
          [label]="label()"
        />
        @if (targets().length > 0) {
          <p class="legend">
            <svg width="24" height="8" aria-hidden="true" focusable="false">
              <line
                x1="0"
                y1="4"
                x2="24"
                y2="4"
                [attr.stroke]="targetColor"
                stroke-width="2"
                stroke-dasharray="6 4"
              />
            </svg>
            {{ targetName() }}: each {{ bucketWord() }}'s share of the agreement's target, up to now
          </p>
        }
      } @else {
        <p class="empty">No values for {{ metric.name }} in this selection.</p>
      }
    }
  `,
  styles: `
    /* Wide enough for the longest built-in name, "Sales cycle (opportunity → close)"; a longer one the agreement
       words ends in an ellipsis short of the arrow (Material keeps its 15 px clear) rather than being cut under it,
       and reads in full in the title. */
    mat-form-field {
      width: min(400px, 100%);
      margin-bottom: 8px;
    }
    select {
      text-overflow: ellipsis;
    }
    .empty {
      padding: 16px 0;
    }
    .legend {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TrendComponent {
  readonly metrics = input.required<DashboardMetric[]>();
  readonly timeZone = input.required<string>();
  readonly granularity = input.required<DashboardGranularity>();
  /** The currency amounts are in (ISO 4217), named on an amount's axis, tooltips and description. */
  readonly currency = input<string | null>(null);
  /** WORKSPACE under a segment, owner or team filter: the reference line is the whole workspace's target. */
  readonly targetScope = input<DashboardTargetScope>('SELECTION');

  /** The metric shown: kept across reloads while it exists, else the first. */
  protected readonly chosenKey = linkedSignal<DashboardMetric[], string | null>({
    source: this.metrics,
    computation: (metrics, previous) =>
      metrics.some((metric) => metric.key === previous?.value)
        ? (previous?.value ?? null)
        : (metrics[0]?.key ?? null),
  });
  protected readonly chosen = computed(
    () => this.metrics().find((metric) => metric.key === this.chosenKey()) ?? null,
  );
  /** The chosen metric's trend, or null when no bucket has a value. */
  protected readonly chart = computed(() => {
    const metric = this.chosen();
    const chart = metric && metricTrend(metric, this.timeZone(), this.granularity());
    return chart && chart.lines.length > 0 ? chart : null;
  });
  protected readonly targetColor = TARGET_COLOR;
  /** "Workspace target" under a segment, owner or team filter, whose numbers are not held to it. */
  protected readonly targetName = computed(() =>
    this.targetScope() === 'WORKSPACE' ? 'Workspace target' : 'Target',
  );
  protected readonly references = computed(() => {
    const metric = this.chosen();
    return metric ? targetLine(metric, this.targetName()) : [];
  });
  /** A count's or amount's target, bucket by bucket, while the metric has a line to read it against. */
  protected readonly targets = computed(() => {
    const metric = this.chosen();
    if (!metric || !this.chart()) return [];
    return targetTrend(metric, this.timeZone(), this.granularity(), this.targetName());
  });
  protected readonly bucketWord = computed(() => BUCKET_WORDS[this.granularity()]);
  protected readonly format = computed(() => {
    const unit = this.chosen()?.unit ?? 'COUNT';
    const currency = this.currency();
    return (value: number) => formatMetricValue(value, unit, currency);
  });
  protected readonly label = computed(() => {
    const metric = this.chosen();
    if (!metric) return '';
    const format = this.format();
    // The buckets with a value, by their full labels ("2026-11-23 (partial)"), whatever the axis abbreviates; with
    // a count's target, each bucket's share of it.
    const targets = this.targets().length > 0 ? metric.trend.slice(-(this.chart()?.buckets.length ?? 0)) : [];
    const points = (this.chart()?.buckets ?? []).flatMap((bucket, index) => {
      if (bucket.value === null) return [];
      const target = targets[index]?.target;
      const due =
        target === null || target === undefined
          ? ''
          : ` (${this.targetName().toLowerCase()} ${formatTarget(target, metric.unit, this.currency())})`;
      return [`${bucket.label}: ${format(bucket.value)}${due}`];
    });
    return `Trend of ${metric.name}. ${points.join(', ')}`;
  });

  protected pick(event: Event): void {
    this.chosenKey.set((event.target as HTMLSelectElement).value);
  }
}

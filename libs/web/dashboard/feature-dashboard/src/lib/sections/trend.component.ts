import { ChangeDetectionStrategy, Component, computed, input, linkedSignal } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import {
  type DashboardMetric,
  formatMetricValue,
  metricTrend,
  targetLine,
} from '@accord/web/dashboard/data-access';
import type { DashboardGranularity } from '@accord/web/shared/data-access';

import { LineChartComponent } from '../charts/line-chart.component';

/** One metric's trend over the period at a time (units differ), with its target where a line makes sense. */
@Component({
  selector: 'accord-trend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormField, MatInput, MatLabel, LineChartComponent],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>Metric</mat-label>
      <select matNativeControl (change)="pick($event)">
        @for (metric of metrics(); track metric.key) {
          <option [value]="metric.key" [selected]="metric.key === chosen()?.key">{{ metric.name }}</option>
        }
      </select>
    </mat-form-field>
    @if (chosen(); as metric) {
      @if (series()[0].series.length > 0) {
        <accord-line-chart
          [series]="series()"
          [references]="references()"
          [format]="format()"
          [label]="label()"
        />
      } @else {
        <p class="empty">No values for {{ metric.name }} in this period.</p>
      }
    }
  `,
  styles: `
    mat-form-field {
      width: min(320px, 100%);
      margin-bottom: 8px;
    }
    .empty {
      padding: 16px 0;
    }
  `,
})
export class TrendComponent {
  readonly metrics = input.required<DashboardMetric[]>();
  readonly timeZone = input.required<string>();
  readonly granularity = input.required<DashboardGranularity>();
  /** The currency amounts are in (ISO 4217), named on an amount's axis, tooltips and description. */
  readonly currency = input<string | null>(null);

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
  protected readonly series = computed(() => {
    const metric = this.chosen();
    return metric ? metricTrend(metric, this.timeZone(), this.granularity()) : [{ name: '', series: [] }];
  });
  protected readonly references = computed(() => {
    const metric = this.chosen();
    return metric ? targetLine(metric) : [];
  });
  protected readonly format = computed(() => {
    const unit = this.chosen()?.unit ?? 'COUNT';
    const currency = this.currency();
    return (value: number) => formatMetricValue(value, unit, currency);
  });
  protected readonly label = computed(() => {
    const metric = this.chosen();
    if (!metric) return '';
    const format = this.format();
    const points = this.series()[0].series.map((point) => `${point.name}: ${format(point.value)}`);
    return `Trend of ${metric.name}. ${points.join(', ')}`;
  });

  protected pick(event: Event): void {
    this.chosenKey.set((event.target as HTMLSelectElement).value);
  }
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LineChartModule } from '@swimlane/ngx-charts';

import { type ChartDatum, type TrendChart, type TrendLine, trendBucketAt } from '@accord/domain/dashboard';

import { SINGLE_COLOR, TARGET_COLOR } from './chart-colors';
import { keepOutOfTabOrder, whenChartDrawn } from './chart-dom';

let nextMarkerId = 0;

const TARGET_DASH = '6 4';

/**
 * A trend already shaped by the domain's `trendChart`: every bucket on the x axis, a line per run of buckets with
 * a value, and a dot on every point — ngx-charts draws points only under the mouse, so a lone point (a week of
 * one bucket, a value between gaps) would otherwise not show at all. Optional reference lines (a rate's target),
 * and target lines at the trend's own points (a count's target, each bucket's share of it), dashed and without dots.
 */
@Component({
  selector: 'accord-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule],
  template: `
    <figure class="chart" role="img" [attr.aria-label]="label()">
      <ngx-charts-line-chart
        [results]="series()"
        [scheme]="colors"
        [customColors]="targetColors()"
        [xAxis]="true"
        [yAxis]="true"
        [xScaleMin]="chart().xMin"
        [xScaleMax]="chart().xMax"
        [xAxisTicks]="chart().ticks"
        [xAxisTickFormatting]="tickLabel()"
        [trimXAxisTicks]="false"
        [autoScale]="false"
        [roundDomains]="true"
        [referenceLines]="references()"
        [showRefLines]="references().length > 0"
        [showRefLabels]="true"
        [yAxisTickFormatting]="tickFormat()"
        [animations]="false"
      >
        <!-- ngx-charts writes raw numbers and axis positions in its tooltips; these write the bucket and the value
             as the axis does ("2026-11-23 (partial)", "125,000 USD"). -->
        <ng-template #tooltipTemplate let-model="model">
          <span class="tooltip-label"
            >{{ seriesName()(model.series) }} • {{ bucketLabel()(model.name) }}</span
          >
          <span class="tooltip-val">{{ tickFormat()(model.value) }}</span>
        </ng-template>
        <ng-template #seriesTooltipTemplate let-model="model">
          <div class="area-tooltip-container">
            @for (item of model; track item.series) {
              <div class="tooltip-item">{{ bucketLabel()(item.name) }}</div>
              <div class="tooltip-item">
                <span class="tooltip-item-color" [style.background-color]="item.color"></span>
                {{ seriesName()(item.series) }}: {{ tickFormat()(item.value) }}
              </div>
            }
          </div>
        </ng-template>
      </ngx-charts-line-chart>
      <!-- After the chart, whose svg stays the figure's first. -->
      <svg class="marker-defs" aria-hidden="true" focusable="false">
        <defs>
          <marker
            [attr.id]="markerId"
            viewBox="0 0 10 10"
            refX="5"
            refY="5"
            markerWidth="9"
            markerHeight="9"
            markerUnits="userSpaceOnUse"
          >
            <circle cx="5" cy="5" r="4" [attr.fill]="colors.domain[0]" />
          </marker>
        </defs>
      </svg>
    </figure>
  `,
  styles: `
    .chart {
      height: 260px;
      margin: 0;
    }
    .marker-defs {
      position: absolute;
      width: 0;
      height: 0;
      overflow: hidden;
    }
    .marker-defs circle {
      /* The colour of the line the dot is on, where the browser can say it; else the fill attribute's. */
      fill: context-stroke;
      stroke: var(--mat-sys-surface, #fff);
      stroke-width: 1.5;
    }
  `,
})
export class LineChartComponent {
  readonly chart = input.required<TrendChart>();
  readonly label = input.required<string>();
  readonly references = input<ChartDatum[]>([]);
  /** Lines drawn at the trend's points in the target's colour, dashed: a count's target bucket by bucket. */
  readonly targets = input<TrendLine[]>([]);
  /** How the value axis and the tooltips write values ("40%", "28 days", "125,000 USD"). */
  readonly format = input<(value: number) => string>(String);
  /** One colour: a chart draws one metric, whose runs between gaps are separate lines. */
  protected readonly colors = SINGLE_COLOR;
  protected readonly markerId = `accord-trend-point-${nextMarkerId++}`;
  protected readonly series = computed(() => [...this.chart().lines, ...this.targets()]);
  protected readonly targetColors = computed(() =>
    this.targets().map((line) => ({ name: line.name, value: TARGET_COLOR })),
  );
  /**
   * A series as a tooltip names it: the metric for each of its runs ("MQLs 2" is still MQLs), the target line's
   * first run's name for the target's ("Target").
   */
  protected readonly seriesName = computed(() => {
    const targets = new Set(this.targets().map((line) => line.name));
    const targetName = this.targets()[0]?.name ?? '';
    const name = this.chart().name;
    return (series: string) => (targets.has(series) ? targetName : name);
  });
  // ngx-charts calls the formatters without `this`; computeds hand it stable functions.
  protected readonly tickFormat = computed(() => this.format());
  /** The axis's short name of the bucket at a position ("23 Nov (partial)"). */
  protected readonly tickLabel = computed(() => {
    const chart = this.chart();
    return (x: number) => trendBucketAt(chart, x)?.tick ?? '';
  });
  /** The full name of the bucket at a position ("2026-11-23 (partial)"). */
  protected readonly bucketLabel = computed(() => {
    const chart = this.chart();
    return (x: number) => trendBucketAt(chart, x)?.label ?? '';
  });

  constructor() {
    whenChartDrawn((host) => {
      keepOutOfTabOrder(host);
      // A dot on every point of every line of the metric (at both ends and each vertex: d3 draws straight
      // segments); a target line dashed instead, so that it never reads as a second metric.
      const marker = `url(#${this.markerId})`;
      for (const line of Array.from(host.querySelectorAll('path.line'))) {
        if (line.getAttribute('stroke') === TARGET_COLOR) {
          if (line.getAttribute('stroke-dasharray') !== TARGET_DASH)
            line.setAttribute('stroke-dasharray', TARGET_DASH);
          continue;
        }
        for (const end of ['marker-start', 'marker-mid', 'marker-end']) {
          if (line.getAttribute(end) !== marker) line.setAttribute(end, marker);
        }
      }
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { LineChartModule } from '@swimlane/ngx-charts';

import type { ChartDatum, ChartSeries } from '@accord/domain/dashboard';

import { CHART_COLORS } from './chart-colors';

/** Lines already shaped by a mapping function, with optional reference lines (a target). */
@Component({
  selector: 'accord-line-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LineChartModule],
  template: `
    <figure class="chart" role="img" [attr.aria-label]="label()">
      <ngx-charts-line-chart
        [results]="series()"
        [scheme]="colors"
        [xAxis]="true"
        [yAxis]="true"
        [autoScale]="false"
        [roundDomains]="true"
        [referenceLines]="references()"
        [showRefLines]="references().length > 0"
        [showRefLabels]="true"
        [yAxisTickFormatting]="tickFormat()"
        [animations]="false"
      />
    </figure>
  `,
  styles: `
    .chart {
      height: 260px;
      margin: 0;
    }
  `,
})
export class LineChartComponent {
  readonly series = input.required<ChartSeries[]>();
  readonly label = input.required<string>();
  readonly references = input<ChartDatum[]>([]);
  /** How the value axis writes its ticks ("40%", "28 days"). */
  readonly format = input<(value: number) => string>(String);
  protected readonly colors = CHART_COLORS;
  // ngx-charts calls the formatter without `this`; a computed hands it a stable function.
  protected readonly tickFormat = computed(() => this.format());
}

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
      >
        <!-- ngx-charts writes raw numbers in its tooltips; these write them as the axis does ("125,000 USD"). -->
        <ng-template #tooltipTemplate let-model="model">
          <span class="tooltip-label">{{ model.series }} • {{ model.name }}</span>
          <span class="tooltip-val">{{ tickFormat()(model.value) }}</span>
        </ng-template>
        <ng-template #seriesTooltipTemplate let-model="model">
          <div class="area-tooltip-container">
            @for (item of model; track item.series) {
              <div class="tooltip-item">
                <span class="tooltip-item-color" [style.background-color]="item.color"></span>
                {{ item.series }}: {{ tickFormat()(item.value) }}
              </div>
            }
          </div>
        </ng-template>
      </ngx-charts-line-chart>
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
  /** How the value axis and the tooltips write values ("40%", "28 days", "125,000 USD"). */
  readonly format = input<(value: number) => string>(String);
  protected readonly colors = CHART_COLORS;
  // ngx-charts calls the formatter without `this`; a computed hands it a stable function.
  protected readonly tickFormat = computed(() => this.format());
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';

import { type ChartDatum, countTick } from '@accord/domain/dashboard';

import { SINGLE_COLOR } from './chart-colors';
import { keepOutOfTabOrder, whenChartDrawn } from './chart-dom';

/**
 * Vertical bars of one colour, one per datum (counts), already shaped by a mapping function; the figure is labelled
 * for screen readers, and the bars are not tab stops.
 */
@Component({
  selector: 'accord-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChartModule],
  template: `
    <figure class="chart" role="img" [attr.aria-label]="label()">
      <ngx-charts-bar-vertical
        [results]="data()"
        [scheme]="colors"
        [xAxis]="true"
        [yAxis]="true"
        [showDataLabel]="true"
        [roundDomains]="true"
        [yAxisTickFormatting]="tickFormat"
        [animations]="false"
        [tooltipDisabled]="true"
      />
    </figure>
  `,
  styles: `
    .chart {
      height: 240px;
      margin: 0;
    }
  `,
})
export class BarChartComponent {
  readonly data = input.required<ChartDatum[]>();
  /** What the chart shows, in words (the figure is an image to assistive technology). */
  readonly label = input.required<string>();
  protected readonly colors = SINGLE_COLOR;
  /** Whole numbers on the axis: "1,250", and "0" rather than d3's "0.000000" when every bar is empty. */
  protected readonly tickFormat = countTick;

  constructor() {
    whenChartDrawn(keepOutOfTabOrder);
  }
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { BarChartModule } from '@swimlane/ngx-charts';

import type { ChartDatum } from '@accord/domain/dashboard';

import { SINGLE_COLOR } from './chart-colors';

/** Vertical bars of one colour, one per datum, already shaped by a mapping function; the figure is labelled for screen readers. */
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
}

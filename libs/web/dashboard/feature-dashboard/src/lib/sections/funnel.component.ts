import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import {
  type DashboardFunnelStep,
  FUNNEL_COLUMNS,
  funnelBars,
  funnelOverNote,
  funnelRows,
} from '@accord/web/dashboard/data-access';

import { BarChartComponent } from '../charts/bar-chart.component';
import { DefinitionHintComponent } from './definition-hint.component';

/**
 * The funnel LEAD → MQL → SAL → SQL → OPPORTUNITY → WON: a chart, then each step's conversion and drop-off. Each
 * column's definition shows on hover or focus of its (i); each figure's, naming its stages, on hover of it.
 */
@Component({
  selector: 'accord-funnel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, BarChartComponent, DefinitionHintComponent],
  template: `
    <accord-bar-chart [data]="bars()" [label]="chartLabel()" />
    <table class="steps">
      <caption class="visually-hidden">
        Funnel steps with conversion and drop-off
      </caption>
      <thead>
        <tr>
          @for (column of columns; track column.key) {
            <th scope="col" [class.number]="column.definition !== null">
              {{ column.label }}
              @if (column.definition; as definition) {
                <accord-definition-hint [name]="column.label" [definition]="definition" />
              }
            </th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.stage) {
          <tr>
            <th scope="row">{{ row.label }}</th>
            <td class="number" [title]="row.definitions.entered">
              <a [routerLink]="['rows', row.drillKey]" queryParamsHandling="preserve"
                >{{ row.count
                }}<span class="visually-hidden"> leads entered {{ row.label }}, see rows</span></a
              >
            </td>
            <td class="number" [title]="row.definitions.conversionFromPrevious ?? ''">
              {{ row.conversion }}
            </td>
            <td class="number" [title]="row.definitions.dropOff ?? ''">{{ row.dropOff ?? '—' }}</td>
          </tr>
        }
      </tbody>
    </table>
    @if (overNote(); as note) {
      <p class="note">{{ note }}</p>
    }
  `,
  styles: `
    .steps {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 4px 8px 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .number {
      text-align: right;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 8px 0 0;
    }
  `,
})
export class FunnelComponent {
  readonly steps = input.required<DashboardFunnelStep[]>();
  /** Whether the numbers are those of one agreement version (the version filter). */
  readonly versionFiltered = input(false);

  protected readonly columns = FUNNEL_COLUMNS;
  protected readonly bars = computed(() => funnelBars(this.steps()));
  protected readonly rows = computed(() => funnelRows(this.steps()));
  protected readonly overNote = computed(() => funnelOverNote(this.steps(), this.versionFiltered()));
  protected readonly chartLabel = computed(
    () =>
      `Funnel: ${this.bars()
        .map((bar) => `${bar.name} ${bar.value}`)
        .join(', ')}`,
  );
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import {
  type DashboardMetric,
  type RepRow,
  formatMetricValue,
  repColumns,
  repRows,
  unownedNote,
} from '@accord/web/dashboard/data-access';
import { TABLE_SCROLL_STYLES, tableCaptionId } from '@accord/web/shared/ui';

import { DefinitionHintComponent } from './definition-hint.component';

/**
 * Revenue won beside activity volume, per rep; nobody is flagged: little activity with revenue is a lesson. Each
 * column's definition (the metric's, and whom it credits) shows on hover or focus of its (i), and on its figures.
 * Narrower than its ten columns (a phone), it scrolls sideways with the reps' names in view.
 */
@Component({
  selector: 'accord-rep-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DefinitionHintComponent],
  template: `
    @let defined = definitions();
    <p class="caption" [id]="captionId">
      Revenue won and quota attainment against activity, per rep. A rep over quota with little activity is a
      pattern to learn from, not a problem.
    </p>
    <div class="scroll">
      <table [attr.aria-labelledby]="captionId">
        <thead>
          <tr>
            @for (column of columns(); track column.key) {
              <th scope="col" [class.number]="column.key !== 'name'">
                {{ column.label }}
                @if (column.definition; as definition) {
                  <accord-definition-hint [name]="column.label" [definition]="definition" />
                }
              </th>
            }
          </tr>
        </thead>
        <tbody>
          @for (rep of rows(); track rep.ownerId) {
            <tr>
              <th scope="row">{{ rep.name }}</th>
              <td class="number" [title]="defined['revenueWon']">{{ amount(rep.revenueWon) }}</td>
              <td class="number" [title]="defined['quota']">{{ amount(rep.quota) }}</td>
              <td class="number" [title]="defined['attainment']">{{ percent(rep.attainment) }}</td>
              <td class="number" [title]="defined['qualifiedMeetingsHeld']">
                {{ rep.qualifiedMeetingsHeld }}
              </td>
              <td class="number" [title]="defined['acceptedHandovers']">{{ rep.acceptedHandovers }}</td>
              <td class="number" [title]="defined['callsMade']">{{ rep.callsMade }}</td>
              <td class="number" [title]="defined['emailsSent']">{{ rep.emailsSent }}</td>
              <td class="number" [title]="defined['meetingsBooked']">{{ rep.meetingsBooked }}</td>
              <td class="number" [title]="defined['activities']">{{ rep.activities }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="10">No reps with outcomes or activity for this selection.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (unowned(); as note) {
      <p class="footnote">{{ note }}</p>
    }
  `,
  styles: [
    TABLE_SCROLL_STYLES,
    `
      table {
        min-width: 880px;
        width: 100%;
      }
      .caption,
      .footnote {
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
        margin: 0;
        padding: 0 0 8px;
      }
      .footnote {
        padding: 8px 0 0;
      }
      th,
      td {
        text-align: left;
        padding: 4px 12px 4px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .number {
        text-align: right;
      }
      th[scope='row'] {
        white-space: nowrap;
      }
    `,
  ],
})
export class RepTableComponent {
  readonly reps = input.required<RepRow[]>();
  /**
   * The dashboard's metrics, whose definitions (the agreement's words where it words them) the columns use, and
   * whose figures the rows are set against for the facts no one owns.
   */
  readonly metrics = input<Pick<DashboardMetric, 'key' | 'definition' | 'value' | 'numerator'>[]>([]);
  /** The currency revenue and quotas are in (ISO 4217), named in their columns' headings. */
  readonly currency = input<string | null>(null);
  protected readonly captionId = tableCaptionId();
  protected readonly rows = computed(() => repRows(this.reps()));
  protected readonly columns = computed(() => repColumns(this.metrics(), this.currency()));
  /** Why the rows add up to less than the cards, when facts are on leads no one owns (see unownedNote). */
  protected readonly unowned = computed(() => unownedNote(this.metrics(), this.reps(), this.currency()));
  protected readonly definitions = computed<Record<string, string>>(() =>
    Object.fromEntries(this.columns().map((column) => [column.key, column.definition ?? ''])),
  );

  protected amount(value: number | null): string {
    return formatMetricValue(value, 'AMOUNT');
  }

  /** A share (1 = on quota) as the dashboard's rates read: 1.234 is "123.4%"; none is "—". */
  protected percent(share: number | null): string {
    return formatMetricValue(share === null ? null : share * 100, 'RATE');
  }
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { RejectionGroup } from '@accord/domain/dashboard';
import { type RejectionCount, rejectionColumns } from '@accord/web/dashboard/data-access';
import { feedbackTable } from '@accord/web/handovers/data-access';
import { TABLE_SCROLL_STYLES, tableCaptionId } from '@accord/web/shared/ui';

import { DefinitionHintComponent } from './definition-hint.component';

/**
 * Rejections pivoted: reasons across, groups (sources, campaigns or grades) down, most rejected first. Each
 * column's definition shows on hover or focus of its (i), and each count's on hover of it. Wider than its column
 * (a phone, many reasons), it scrolls sideways between the group and the total, which stay in view.
 */
@Component({
  selector: 'accord-rejection-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DefinitionHintComponent],
  template: `
    @let table = pivot();
    @let heads = columns();
    <p class="caption" [id]="captionId">{{ caption() }}</p>
    <div class="scroll">
      <table [attr.aria-labelledby]="captionId">
        @if (table.rows.length > 0) {
          <thead>
            <tr>
              @for (column of heads; track column.key) {
                <th scope="col" [class.number]="!$first" [class.total]="$last" [class.sticky-end]="$last">
                  {{ column.label }}
                  @if (column.definition; as definition) {
                    <accord-definition-hint [name]="column.label" [definition]="definition" />
                  }
                </th>
              }
            </tr>
          </thead>
        }
        <tbody>
          @for (row of table.rows; track row.group) {
            <tr>
              <th scope="row">{{ row.group }}</th>
              @for (count of row.counts; track $index) {
                <td class="number" [title]="heads[$index + 1].definition ?? ''">{{ count || '—' }}</td>
              }
              <td class="number total sticky-end" [title]="heads[heads.length - 1].definition ?? ''">
                {{ row.total }}
              </td>
            </tr>
          } @empty {
            <tr>
              <td>No rejections for this selection.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: [
    TABLE_SCROLL_STYLES,
    `
      .caption {
        font: var(--mat-sys-title-small);
        margin: 0;
        padding: 0 0 8px;
      }
      th,
      td {
        text-align: left;
        padding: 4px 16px 4px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .number {
        text-align: right;
      }
      .total {
        font-weight: 600;
      }
    `,
  ],
})
export class RejectionTableComponent {
  readonly counts = input.required<RejectionCount[]>();
  readonly caption = input.required<string>();
  readonly groupLabel = input.required<string>();
  /** What the rows are: the lead's source or campaign, or the handover's grade (for the definitions). */
  readonly group = input.required<RejectionGroup>();
  protected readonly captionId = tableCaptionId();
  protected readonly pivot = computed(() => feedbackTable(this.counts()));
  protected readonly columns = computed(() =>
    rejectionColumns(this.group(), this.groupLabel(), this.pivot().reasons),
  );
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { type RejectionCount } from '@accord/web/dashboard/data-access';
import { feedbackTable } from '@accord/web/handovers/data-access';

/** Rejections pivoted: reasons across, groups (sources or grades) down, most rejected first. */
@Component({
  selector: 'accord-rejection-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let table = pivot();
    <div class="scroll">
      <table>
        <caption>
          {{
            caption()
          }}
        </caption>
        @if (table.rows.length > 0) {
          <thead>
            <tr>
              <th scope="col">{{ groupLabel() }}</th>
              @for (reason of table.reasons; track reason.key) {
                <th scope="col" class="number">{{ reason.label }}</th>
              }
              <th scope="col" class="number">Total</th>
            </tr>
          </thead>
        }
        <tbody>
          @for (row of table.rows; track row.group) {
            <tr>
              <th scope="row">{{ row.group }}</th>
              @for (count of row.counts; track $index) {
                <td class="number">{{ count || '—' }}</td>
              }
              <td class="number total">{{ row.total }}</td>
            </tr>
          } @empty {
            <tr>
              <td>No rejections in this period.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
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
})
export class RejectionTableComponent {
  readonly counts = input.required<RejectionCount[]>();
  readonly caption = input.required<string>();
  readonly groupLabel = input.required<string>();
  protected readonly pivot = computed(() => feedbackTable(this.counts()));
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { type RepRow, formatMetricValue, repRows } from '@accord/web/dashboard/data-access';

/** Revenue won beside activity volume, per rep; nobody is flagged: little activity with revenue is a lesson. */
@Component({
  selector: 'accord-rep-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scroll">
      <table>
        <caption>
          Revenue won against activity, per rep. A rep with high revenue and little activity is a pattern to
          learn from, not a problem.
        </caption>
        <thead>
          <tr>
            <th scope="col">Rep</th>
            <th scope="col" class="number">Revenue won</th>
            <th scope="col" class="number">Qualified meetings held</th>
            <th scope="col" class="number">Accepted handovers</th>
            <th scope="col" class="number">Calls</th>
            <th scope="col" class="number">E-mails</th>
            <th scope="col" class="number">Meetings booked</th>
            <th scope="col" class="number">Activity in all</th>
          </tr>
        </thead>
        <tbody>
          @for (rep of rows(); track rep.ownerId) {
            <tr>
              <th scope="row">{{ rep.name }}</th>
              <td class="number">{{ amount(rep.revenueWon) }}</td>
              <td class="number">{{ rep.qualifiedMeetingsHeld }}</td>
              <td class="number">{{ rep.acceptedHandovers }}</td>
              <td class="number">{{ rep.callsMade }}</td>
              <td class="number">{{ rep.emailsSent }}</td>
              <td class="number">{{ rep.meetingsBooked }}</td>
              <td class="number">{{ rep.activities }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="8">No reps with outcomes or activity in this period.</td>
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
      min-width: 720px;
      width: 100%;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      padding: 0 0 8px;
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
  `,
})
export class RepTableComponent {
  readonly reps = input.required<RepRow[]>();
  protected readonly rows = computed(() => repRows(this.reps()));

  protected amount(value: number): string {
    return formatMetricValue(value, 'AMOUNT');
  }
}

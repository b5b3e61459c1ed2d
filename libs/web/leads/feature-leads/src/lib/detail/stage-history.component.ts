import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { type LeadDetail, STAGE_LABELS, stageReason } from '@accord/web/leads/data-access';
import { zonedMinute } from '@accord/web/shared/data-access';

/** Every stage change, newest first, with the agreement version in force when it happened. */
@Component({
  selector: 'accord-stage-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="history">
      <caption class="visually-hidden">
        Stage history
      </caption>
      <thead>
        <tr>
          <th scope="col">When ({{ timeZone() }})</th>
          <th scope="col">Change</th>
          <th scope="col">Why</th>
          <th scope="col">Version</th>
        </tr>
      </thead>
      <tbody>
        @for (transition of transitions(); track $index) {
          <tr>
            <td>{{ time(transition.at) }}</td>
            <td>
              {{ transition.fromStage ? labels[transition.fromStage] + ' → ' : ''
              }}{{ labels[transition.toStage] }}
            </td>
            <td>{{ why(transition.reason) }}</td>
            <td>{{ transition.versionNumber === null ? '—' : 'v' + transition.versionNumber }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .history {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 6px 12px 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      font: var(--mat-sys-label-large);
    }
  `,
})
export class StageHistoryComponent {
  readonly transitions = input<LeadDetail['transitions']>([]);
  /** The workspace's IANA time zone, in which the changes' times read. */
  readonly timeZone = input('UTC');
  protected readonly labels = STAGE_LABELS;
  protected readonly why = stageReason;

  protected time(iso: string): string {
    return zonedMinute(iso, this.timeZone());
  }
}

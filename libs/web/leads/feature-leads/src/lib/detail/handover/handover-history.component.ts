import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import {
  HANDOVER_EVENT_LABELS,
  HANDOVER_STATUS_LABELS,
  consequenceLabel,
  handoverEventDetail,
} from '@accord/web/handovers/data-access';
import { type HandoverWithHistoryFieldsFragment, zonedMinute } from '@accord/web/shared/data-access';

/** The lead's handovers, newest first: status, owner, due and decision times, SLA, reason and note, and events. */
@Component({
  selector: 'accord-handover-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (handovers().length > 0) {
      <p class="zone">Times in {{ timeZone() }}</p>
    }
    @for (handover of handovers(); track handover.id) {
      <article class="handover" [attr.aria-label]="'Handover under v' + handover.versionNumber">
        <dl class="facts">
          <div>
            <dt>Status</dt>
            <dd class="status">{{ statuses[handover.status] }}</dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{{ handover.owner?.name ?? 'Unassigned' }}</dd>
          </div>
          <div>
            <dt>Handed over</dt>
            <dd>{{ time(handover.handedOverAt) }} under v{{ handover.versionNumber }}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>{{ time(handover.dueAt) }}</dd>
          </div>
          @if (handover.decidedAt; as decidedAt) {
            <div>
              <dt>Decided</dt>
              <dd>{{ time(decidedAt) }}{{ handover.decidedBy ? ' by ' + handover.decidedBy.name : '' }}</dd>
            </div>
            <div>
              <dt>SLA</dt>
              <dd [class.late]="!handover.withinSla">
                {{ handover.withinSla ? 'Within the SLA' : 'Missed the SLA' }}
              </dd>
            </div>
          }
          @if (handover.reason; as reason) {
            <div>
              <dt>Reason</dt>
              <dd>{{ reason.label }} ({{ consequence(reason) }})</dd>
            </div>
          }
          @if (handover.note) {
            <div>
              <dt>Note</dt>
              <dd>{{ handover.note }}</dd>
            </div>
          }
        </dl>
        <ol class="events" aria-label="Handover history">
          @for (event of handover.events; track $index) {
            <li>
              <span class="when">{{ time(event.at) }}</span>&ngsp;<strong>{{ events[event.kind] }}</strong>
              {{ detail(event.kind, event.detail) }}{{ event.actor ? ' — ' + event.actor.name : '' }}
            </li>
          }
        </ol>
      </article>
    } @empty {
      <p class="none">Not handed over to sales yet.</p>
    }
  `,
  styles: `
    .zone {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 4px;
    }
    .handover {
      padding: 12px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 8px 16px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .status {
      font-weight: 600;
    }
    .late {
      color: var(--mat-sys-error);
    }
    .events {
      margin: 8px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
      margin-right: 8px;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HandoverHistoryComponent {
  readonly handovers = input.required<readonly HandoverWithHistoryFieldsFragment[]>();
  /** The workspace's IANA time zone, in which the handovers' times read. */
  readonly timeZone = input('UTC');

  protected readonly statuses = HANDOVER_STATUS_LABELS;
  protected readonly events = HANDOVER_EVENT_LABELS;
  protected readonly consequence = consequenceLabel;
  protected readonly detail = handoverEventDetail;

  protected time(iso: string): string {
    return zonedMinute(iso, this.timeZone());
  }
}

import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';

import type { MeetingStatus } from '@accord/domain/pipeline';
import { MEETING_STATUS_LABELS, type Meeting, zonedMinute } from '@accord/web/pipeline/data-access';
import { CLOCK } from '@accord/web/shared/data-access';

/** Why a held meeting is not a qualified one: the dashboard counts only those held once sales accepted the lead. */
export const UNQUALIFIED_HELD = 'held before sales accepted the lead: activity, not a qualified meeting';

/** What marking a meeting asks for. */
export interface MeetingMark {
  meeting: Meeting;
  status: Exclude<MeetingStatus, 'BOOKED'>;
}

/** A lead's meetings, latest first; booked ones offer held / no-show / cancel to those who may write. */
@Component({
  selector: 'accord-meeting-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    @if (meetings().length === 0) {
      <p class="empty">No meetings yet.</p>
    } @else {
      <!-- A phone scrolls the table sideways within itself, never the whole page. -->
      <div class="table-scroll">
        <table class="meetings">
          <caption class="visually-hidden">
            Meetings
          </caption>
          <thead>
            <tr>
              <th scope="col">When ({{ timeZone() }})</th>
              <th scope="col">Meeting</th>
              <th scope="col">Owner</th>
              <th scope="col">Status</th>
              @if (canWrite()) {
                <th scope="col"><span class="visually-hidden">Actions</span></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (meeting of meetings(); track meeting.id) {
              <tr>
                <td>{{ time(meeting.scheduledAt) }}</td>
                <td class="title">
                  {{ meeting.title || 'Meeting' }}
                  @if (meeting.notes) {
                    <span class="notes">{{ meeting.notes }}</span>
                  }
                </td>
                <td>{{ meeting.ownerName ?? 'Another member' }}</td>
                <td>
                  {{ labels[meeting.status] }}
                  @if (meeting.qualified) {
                    <span class="qualified">· qualified</span>
                  } @else if (meeting.status === 'HELD') {
                    <span class="unqualified">· {{ unqualified }}</span>
                  }
                </td>
                @if (canWrite()) {
                  <td class="actions">
                    @if (meeting.status === 'BOOKED' && mayMark()(meeting.ownerId)) {
                      @if (started(meeting)) {
                        <button
                          mat-button
                          type="button"
                          disabledInteractive
                          [disabled]="pending()"
                          [attr.aria-label]="'Mark ' + name(meeting) + ' held'"
                          (click)="markAs(meeting, 'HELD')"
                        >
                          Held
                        </button>
                        <button
                          mat-button
                          type="button"
                          disabledInteractive
                          [disabled]="pending()"
                          [attr.aria-label]="'Mark ' + name(meeting) + ' no-show'"
                          (click)="markAs(meeting, 'NO_SHOW')"
                        >
                          No-show
                        </button>
                      } @else {
                        <span class="later">Held or no-show once it starts</span>
                      }
                      <button
                        mat-button
                        type="button"
                        disabledInteractive
                        [disabled]="pending()"
                        [attr.aria-label]="'Cancel ' + name(meeting)"
                        (click)="markAs(meeting, 'CANCELLED')"
                      >
                        Cancel
                      </button>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .meetings {
      border-collapse: collapse;
      width: 100%;
    }
    /* The notes under the title, as a second, quieter line; kept to their line breaks. */
    .notes {
      display: block;
      white-space: pre-line;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
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
    /* A long title (a pasted meeting link) wraps rather than push the actions off the screen. */
    .title {
      overflow-wrap: anywhere;
      min-width: 8em;
    }
    .later {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin-right: 8px;
    }
    /* Held, No-show and Cancel read as one row of actions; the other columns give way. */
    .actions {
      white-space: nowrap;
      width: 1%;
    }
    /* A phone has no room for them side by side: they stack rather than push the table off the screen. */
    @media (max-width: 599.98px) {
      .actions {
        white-space: normal;
      }
      .actions button {
        display: flex;
      }
    }
    .unqualified {
      color: var(--mat-sys-on-surface-variant);
    }
    .qualified {
      color: var(--mat-sys-primary);
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class MeetingListComponent {
  readonly meetings = input<readonly Meeting[]>([]);
  /** The workspace's IANA time zone, in which meeting times read. */
  readonly timeZone = input('UTC');
  /** Whether the member writes meetings at all (an actions column); which meetings they may mark is `mayMark`'s. */
  readonly canWrite = input(false);
  readonly mayMark = input<(owner: string | null) => boolean>(() => true);
  readonly pending = input(false);
  readonly mark = output<MeetingMark>();

  protected readonly labels = MEETING_STATUS_LABELS;
  protected readonly unqualified = UNQUALIFIED_HELD;
  private readonly clock = inject(CLOCK);
  /** Moves on every minute, so a meeting's Held and No-show appear once it starts. */
  private readonly now = signal(this.clock());

  constructor() {
    const timer = setInterval(() => this.now.set(this.clock()), 60_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  /** Whether the meeting has begun: only then was it held or missed (the API refuses either before). */
  protected started(meeting: Meeting): boolean {
    return Date.parse(meeting.scheduledAt) <= this.now().getTime();
  }

  protected time(iso: string): string {
    return zonedMinute(iso, this.timeZone());
  }

  protected name(meeting: Meeting): string {
    return meeting.title || 'meeting';
  }

  // While a change is pending the buttons stay focusable (disabledInteractive), so their clicks land here.
  protected markAs(meeting: Meeting, status: MeetingMark['status']): void {
    if (!this.pending()) this.mark.emit({ meeting, status });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

import { LeadOwnersStore } from '@accord/web/leads/data-access';
import {
  LeadMeetingsStore,
  NOT_YOUR_LEAD,
  injectPipelineAccess,
  injectPipelineOwners,
} from '@accord/web/pipeline/data-access';
import { PendingCall, injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import {
  ConfirmDialog,
  type ConfirmDialogData,
  FormAlertComponent,
  dialogConfig,
} from '@accord/web/shared/ui';

import { injectFocusFallback } from '../../../shared/focus-fallback';
import { BookMeetingFormComponent, type MeetingBooking } from './book-meeting-form.component';
import { MeetingListComponent, type MeetingMark, UNQUALIFIED_HELD } from './meeting-list.component';

const MARK_WORDS = { HELD: 'held', NO_SHOW: 'a no-show', CANCELLED: 'cancelled' } as const;

/** A meeting's title short enough for a dialog's heading (a title holds up to 200 characters, a pasted link). */
export function shortTitle(title: string | null): string {
  const text = title?.trim() ?? '';
  if (!text) return 'this meeting';
  return text.length <= 60 ? text : `${text.slice(0, 59).trimEnd()}…`;
}

/** What a held meeting counts as, said when it is marked: a qualified meeting, or activity and why. */
function heldNote(status: MeetingMark['status'], qualified: boolean): string {
  if (status !== 'HELD') return '';
  return qualified ? ': a qualified meeting held' : ` — ${UNQUALIFIED_HELD}`;
}

/**
 * The lead page's meetings: the list, and for sales and admins booking and marking them. A meeting held once
 * sales accepted the lead counts as a qualified meeting held.
 */
@Component({
  selector: 'accord-lead-meetings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LeadMeetingsStore],
  imports: [BookMeetingFormComponent, FormAlertComponent, MeetingListComponent],
  template: `
    <accord-form-alert [message]="store.loadError()?.message ?? error()" />
    @if (access.onLead()) {
      <accord-book-meeting-form
        [pending]="pending()"
        [timeZone]="timeZone()"
        [owners]="owners.choices()"
        [initialOwner]="owners.initial()"
        (booked)="book($event)"
        (edited)="error.set(null)"
      />
    } @else if (access.inSales()) {
      <p class="note">{{ notYours }}</p>
    }
    <accord-meeting-list
      [meetings]="store.meetings()"
      [timeZone]="timeZone()"
      [canWrite]="access.inSales()"
      [mayMark]="access.onItem"
      [pending]="pending()"
      (mark)="mark($event)"
    />
    <p #status class="status" role="status" tabindex="-1">{{ done() }}</p>
  `,
  styles: `
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      font: var(--mat-sys-body-small);
      min-height: 1.5em;
      margin: 0;
    }
  `,
})
export class LeadMeetingsComponent {
  private readonly dialog = inject(MatDialog);
  protected readonly store = inject(LeadMeetingsStore);

  readonly leadId = input.required<string>();
  /** Who owns the lead (null: no one): a rep records meetings on their own leads, a sales manager on any. */
  readonly leadOwnerId = input<string | null>(null);

  /** Sales and admins record meetings, within what is theirs; marketing reads them. */
  protected readonly access = injectPipelineAccess(() => this.leadOwnerId());
  // The lead page's colleagues, read once for its owner field and both pipeline forms.
  private readonly people = inject(LeadOwnersStore, { optional: true });
  protected readonly owners = injectPipelineOwners(
    () => this.leadOwnerId(),
    () => this.people?.colleagues() ?? null,
  );
  protected readonly notYours = NOT_YOUR_LEAD;
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly done = signal('');
  protected readonly timeZone = injectWorkspaceTimeZone();
  private readonly form = viewChild(BookMeetingFormComponent);
  private readonly status = viewChild.required<ElementRef<HTMLElement>>('status');
  private readonly focusFallback = injectFocusFallback();

  constructor() {
    // Only the lead id is tracked: what loading writes must not load again.
    effect(() => {
      const leadId = this.leadId();
      untracked(() => void this.store.load(leadId));
    });
  }

  protected async book(booking: MeetingBooking): Promise<void> {
    this.done.set('');
    const result = await this.call.run(() =>
      this.store.book({
        scheduledAt: booking.scheduledAt.toISOString(),
        title: booking.title,
        notes: booking.notes,
        ownerId: booking.ownerId,
      }),
    );
    if (!result.ok) return;
    this.form()?.reset();
    this.done.set('Meeting booked.');
  }

  protected async mark({ meeting, status }: MeetingMark): Promise<void> {
    this.done.set('');
    if (status === 'CANCELLED') {
      const data: ConfirmDialogData = {
        title: `Cancel ${shortTitle(meeting.title)}?`,
        message: 'A cancelled meeting stays cancelled; book a new one to meet later.',
        confirm: 'Cancel meeting',
        // Not "Cancel", beside "Cancel meeting": which of the two cancels would be anyone's guess.
        dismiss: 'Keep meeting',
      };
      const confirmed: unknown = await firstValueFrom(
        this.dialog.open(ConfirmDialog, dialogConfig(560, { data })).afterClosed(),
      );
      if (confirmed !== true) return;
    }
    const result = await this.call.run(() => this.store.mark(meeting.id, status));
    if (result.ok)
      this.done.set(`Meeting marked ${MARK_WORDS[status]}${heldNote(status, result.value.qualified)}.`);
    // A marked meeting loses its buttons, the focused one among them.
    this.focusFallback(() => this.status().nativeElement);
  }
}

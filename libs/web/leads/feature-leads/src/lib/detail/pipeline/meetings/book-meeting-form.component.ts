import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { MEETING_BOOKING_WINDOW_DAYS, bookingRefusal } from '@accord/domain/pipeline';
import { type OwnerChoice, zonedInstant } from '@accord/web/pipeline/data-access';
import { CLOCK } from '@accord/web/shared/data-access';

import { trackUnsavedEdits } from '../../../shared/unsaved-edits';
import { OwnerFieldComponent } from '../owner-field.component';

/** A meeting to book: when, and optionally what it is about. */
export interface MeetingBooking {
  scheduledAt: Date;
  title: string | null;
  notes: string | null;
  /** Whom a manager books it for; null: the member who books it. */
  ownerId: string | null;
}

/**
 * Books a meeting: a time on the workspace's wall clock (which it names, since a rep's browser may be elsewhere),
 * an optional title and notes. The page clears it (`reset()`) once the booking is made.
 */
@Component({
  selector: 'accord-book-meeting-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatFormField, MatHint, MatInput, MatLabel, OwnerFieldComponent],
  template: `
    <form
      class="book"
      aria-label="Book meeting"
      (submit)="$event.preventDefault(); submit()"
      (input)="edited.emit()"
      (change)="edited.emit()"
      novalidate
    >
      <mat-form-field appearance="outline">
        <mat-label>When</mat-label>
        <input matInput type="datetime-local" [value]="when()" (change)="when.set(value($event))" />
        <mat-hint>Time in {{ timeZone() }}</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Title (optional)</mat-label>
        <input matInput maxlength="200" [value]="title()" (input)="title.set(value($event))" />
        <!-- Counted as typed: a pasted text longer than the field holds is cut, which the count shows. -->
        <mat-hint align="end">{{ title().length }} / 200</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline" class="notes">
        <mat-label>Notes (optional)</mat-label>
        <input matInput maxlength="2000" [value]="notes()" (input)="notes.set(value($event))" />
        <mat-hint align="end">{{ notes().length }} / 2,000</mat-hint>
      </mat-form-field>
      @if (owners(); as choices) {
        <accord-owner-field [choices]="choices" [(value)]="owner" />
      }
      <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">Book meeting</button>
    </form>
    @if (problem()) {
      <p class="problem" role="alert">{{ problem() }}</p>
    }
  `,
  styles: `
    .book {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: baseline;
    }
    .notes {
      flex: 1 1 240px;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class BookMeetingFormComponent {
  readonly pending = input(false);
  /** The workspace's IANA time zone, in which "When" is read. */
  readonly timeZone = input('UTC');
  /** The members a manager may book for (null: the member books for themself), and the one the form names first. */
  readonly owners = input<readonly OwnerChoice[] | null>(null);
  readonly initialOwner = input<string | null>(null);
  readonly booked = output<MeetingBooking>();
  /** A field changed, or the form refused its own input: the API's last refusal no longer applies. */
  readonly edited = output<void>();

  protected readonly when = signal('');
  protected readonly title = signal('');
  protected readonly notes = signal('');
  protected readonly owner = linkedSignal(() => this.initialOwner());
  protected readonly problem = signal<string | null>(null);
  private readonly clock = inject(CLOCK);

  constructor() {
    trackUnsavedEdits(() => [this.when(), this.title(), this.notes()].some((value) => value.trim() !== ''));
  }

  /** Empties the form, once its meeting is booked, so that submitting again does not book it twice. */
  reset(): void {
    this.when.set('');
    this.title.set('');
    this.notes.set('');
    this.owner.set(this.initialOwner());
    this.problem.set(null);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(): void {
    // The button stays focusable while a booking is pending, so the form can still be submitted.
    if (this.pending()) return;
    const scheduledAt = zonedInstant(this.when(), this.timeZone());
    if (scheduledAt === null) {
      this.problem.set('Enter when the meeting takes place.');
      this.edited.emit();
      return;
    }
    // The API's window, said in the form's words rather than as its field's ("scheduledAt: must be within…").
    if (bookingRefusal({ scheduledAt, title: null, notes: null }, this.clock()) === 'OUTSIDE_WINDOW') {
      this.problem.set(
        `A meeting is booked within ${MEETING_BOOKING_WINDOW_DAYS} days of today, before or after: check When.`,
      );
      this.edited.emit();
      return;
    }
    this.problem.set(null);
    this.booked.emit({
      scheduledAt,
      title: this.title().trim() || null,
      notes: this.notes().trim() || null,
      ownerId: this.owners() ? this.owner() : null,
    });
  }
}

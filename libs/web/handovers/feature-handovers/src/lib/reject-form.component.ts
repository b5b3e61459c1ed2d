import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';

import { consequenceLabel } from '@accord/web/handovers/data-access';
import type { RejectionReasonFieldsFragment } from '@accord/web/shared/data-access';

/** A rejection as the form hands it over: one of the handover's reasons and an optional note. */
export interface Rejection {
  reasonKey: string;
  note: string | null;
}

const NOTE_MAX_LENGTH = 2000;

/**
 * The inline rejection of one handover: its version's reasons with what each does to the lead, and a note.
 * The first reason is chosen, so a rejection takes two clicks (Reject, then Confirm) or R then Enter; Escape cancels.
 */
@Component({
  selector: 'accord-reject-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    <form
      class="reject"
      [attr.aria-label]="'Reject ' + leadName()"
      (submit)="$event.preventDefault(); confirm()"
      (keydown.enter)="onEnter($event)"
      (keydown.escape)="$event.stopPropagation(); cancelled.emit()"
    >
      <fieldset>
        <legend>Why reject {{ leadName() }}?</legend>
        @for (reason of reasons(); track reason.key) {
          <label class="reason">
            <input
              type="radio"
              [name]="groupName()"
              [value]="reason.key"
              [checked]="chosen() === reason.key"
              (change)="picked.set(reason.key)"
            />
            <span>{{ reason.label }}</span>
            <span class="consequence">{{ consequence(reason) }}</span>
          </label>
        }
      </fieldset>
      <label class="note">
        <span>Note (optional)</span>
        <input type="text" [maxLength]="noteMax" [value]="note()" (input)="note.set(valueOf($event))" />
      </label>
      <div class="actions">
        <button mat-flat-button type="submit" class="danger" [disabled]="pending()">Confirm rejection</button>
        <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
  styles: `
    .reject {
      margin: 12px 0 0;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    .reason {
      display: flex;
      gap: 8px;
      align-items: baseline;
      padding: 4px 0;
    }
    .consequence {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .note {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin: 8px 0;
      font: var(--mat-sys-label-medium);
    }
    .note input {
      font: var(--mat-sys-body-medium);
      padding: 6px 8px;
      max-width: 480px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
    input:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
})
export class RejectFormComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly handoverId = input.required<string>();
  readonly leadName = input.required<string>();
  readonly reasons = input.required<readonly RejectionReasonFieldsFragment[]>();
  readonly pending = input(false);
  readonly rejected = output<Rejection>();
  readonly cancelled = output<void>();

  protected readonly noteMax = NOTE_MAX_LENGTH;
  protected readonly consequence = consequenceLabel;
  protected readonly picked = signal<string | null>(null);
  protected readonly note = signal('');
  protected readonly groupName = computed(() => `reason-${this.handoverId()}`);
  protected readonly chosen = computed(() => this.picked() ?? this.reasons()[0]?.key ?? null);

  constructor() {
    // The chosen reason takes the focus, so arrow keys pick another and Enter confirms.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLInputElement>('input:checked')?.focus());
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected onEnter(event: Event): void {
    // Enter on a button presses that button; anywhere else in the form it confirms.
    if (event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    this.confirm();
  }

  protected confirm(): void {
    const reasonKey = this.chosen();
    if (reasonKey === null || this.pending()) return;
    const note = this.note().trim();
    this.rejected.emit({ reasonKey, note: note === '' ? null : note });
  }
}

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
const SHORTCUTS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The inline rejection of one handover: an optional note, then its version's reasons, each saying what it does to
 * the lead. Picking a reason rejects: two clicks (Reject, then the reason), or R then the reason's number.
 * No reason is chosen in advance, so the reasons marketing reads are the ones sales picked, not a default.
 */
@Component({
  selector: 'accord-reject-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    <form
      class="reject"
      tabindex="-1"
      [attr.aria-label]="'Reject ' + leadName()"
      [attr.aria-describedby]="hintId()"
      (submit)="$event.preventDefault()"
      (keydown)="onKey($event)"
    >
      <p class="legend">Why reject {{ leadName() }}?</p>
      <p class="hint" [id]="hintId()">
        Pick a reason to reject: click it or press its number. Escape cancels.
      </p>
      <label class="note">
        <span>Note (optional)</span>
        <input type="text" [maxLength]="noteMax" [value]="note()" (input)="note.set(valueOf($event))" />
      </label>
      <ol class="reasons" aria-label="Reasons">
        @for (reason of reasons(); track reason.key; let position = $index) {
          <li>
            <button
              type="button"
              class="reason"
              [attr.aria-disabled]="pending()"
              [attr.aria-keyshortcuts]="shortcut(position)"
              (click)="reject(reason.key)"
            >
              @if (shortcut(position); as key) {
                <kbd aria-hidden="true">{{ key }}</kbd>
              }
              <span class="label">{{ reason.label }}</span>
              <span class="consequence">{{ consequence(reason) }}</span>
            </button>
          </li>
        }
      </ol>
      <button mat-button type="button" (click)="cancelled.emit()">Cancel</button>
    </form>
  `,
  styles: `
    .reject {
      margin: 12px 0 0;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .reject:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .legend {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .hint {
      margin: 0 0 4px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .reasons {
      list-style: none;
      margin: 0 0 8px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
      max-width: 480px;
    }
    .reason {
      display: flex;
      width: 100%;
      gap: 8px;
      align-items: baseline;
      padding: 6px 10px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
      text-align: start;
      cursor: pointer;
    }
    /* Only where a pointer hovers: a touch screen keeps a tapped button "hovered", which would read as a reason
       chosen in advance. */
    @media (hover: hover) {
      .reason:hover:not([aria-disabled='true']) {
        border-color: var(--mat-sys-error);
      }
    }
    /* No keyboard to press a number on: the numbers and the hint about them would only be noise. */
    @media (hover: none) and (pointer: coarse) {
      .hint,
      kbd {
        display: none;
      }
    }
    .reason[aria-disabled='true'] {
      cursor: default;
      opacity: 0.6;
    }
    kbd {
      min-width: 1.5em;
      text-align: center;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
      font: var(--mat-sys-label-medium);
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
    input:focus-visible,
    .reason:focus-visible {
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
  protected readonly note = signal('');
  protected readonly hintId = computed(() => `reject-hint-${this.handoverId()}`);

  constructor() {
    // The form itself takes the focus, not a reason: a number picks one, Tab reaches the note and the reasons.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('form')?.focus());
  }

  /** The digit that picks the reason at this position; the first nine reasons have one. */
  protected shortcut(position: number): string | null {
    return SHORTCUTS[position] ?? null;
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.cancelled.emit();
      return;
    }
    // Digits typed into the note stay in the note.
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    const position = SHORTCUTS.indexOf(event.key);
    const reason = position < 0 ? undefined : this.reasons()[position];
    if (reason === undefined) return;
    event.preventDefault();
    this.reject(reason.key);
  }

  protected reject(reasonKey: string): void {
    if (this.pending()) return;
    const note = this.note().trim();
    this.rejected.emit({ reasonKey, note: note === '' ? null : note });
  }
}

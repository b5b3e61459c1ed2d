import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import type { ApproverSide } from '@accord/domain/workspace';
import { type AgreementVersion, sideLabel } from '@accord/web/agreement/data-access';

import { inputText } from '../editor/editing';
import { Reviewer, maySendBack, signableSides, signedSide, waitingText } from './signing';

/** What this reviewer can do with a proposal: sign the sides the rules allow them, or send it back. */
@Component({
  selector: 'accord-signing-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatFormField, MatInput, MatLabel],
  template: `
    @if (sides().length || sendBack()) {
      <section class="panel" aria-labelledby="decide-heading">
        <h2 id="decide-heading">Your decision on revision {{ version().revision }}</h2>
        @if (mySide(); as side) {
          <p class="signed">
            You signed revision {{ version().revision }} for {{ label(side) }}. {{ waiting() }}
            @if (sendBack()) {
              You can still send it back.
            }
          </p>
        }
        @if (sides().length) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="comment">
            <mat-label>Comment with your signature (optional)</mat-label>
            <input matInput [value]="comment()" (input)="comment.set(text($event))" />
          </mat-form-field>
        }
        <div class="buttons">
          @for (side of sides(); track side) {
            <button
              mat-flat-button
              type="button"
              disabledInteractive
              [disabled]="pending()"
              (click)="signed(side)"
            >
              Sign for {{ label(side) }}
            </button>
          }
          @if (sendBack()) {
            <button
              mat-stroked-button
              type="button"
              disabledInteractive
              [disabled]="pending()"
              (click)="pending() || sentBack.emit()"
            >
              Send back
            </button>
          }
        </div>
      </section>
    }
  `,
  styles: `
    .panel {
      margin: 16px 0;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .signed {
      margin: 0 0 12px;
    }
    .comment {
      width: 100%;
      margin: 0 0 8px;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class SigningPanelComponent {
  readonly version = input.required<AgreementVersion>();
  readonly reviewer = input.required<Reviewer>();
  readonly pending = input(false);
  readonly sign = output<{ side: ApproverSide; comment: string | null }>();
  readonly sentBack = output();

  protected readonly comment = signal('');
  protected readonly sides = computed(() => signableSides(this.version(), this.reviewer()));
  protected readonly sendBack = computed(() => maySendBack(this.version(), this.reviewer()));
  /** Once they signed, the box says so, so that a lone Send back button does not read as their only choice. */
  protected readonly mySide = computed(() => signedSide(this.version(), this.reviewer()));
  protected readonly waiting = computed(() => waitingText(this.version()) ?? '');
  protected readonly label = sideLabel;
  protected readonly text = inputText;

  protected signed(side: ApproverSide): void {
    // The buttons stay focusable while a signature is on its way (disabledInteractive): a click then does nothing.
    if (this.pending()) return;
    this.sign.emit({ side, comment: this.comment().trim() || null });
    this.comment.set('');
  }
}

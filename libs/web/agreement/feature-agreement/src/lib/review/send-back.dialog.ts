import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { LIMITS } from '@accord/domain/agreement';
import type { AgreementResult, AgreementVersion } from '@accord/web/agreement/data-access';
import { FormAlertComponent, IssueDirective } from '@accord/web/shared/ui';

import { inputText } from '../editor/editing';
import { formatNumber } from '../shared/wording';

export interface SendBackDialogData {
  /** "v2" */
  version: string;
  /** Sends the proposal back with this comment; null when there is nothing to send back any more. */
  send: (comment: string) => Promise<AgreementResult<AgreementVersion> | null>;
}

/** The API's limit on a send-back comment, counted as it counts: characters, an emoji being one. */
export const SEND_BACK_MAX = LIMITS.text;

export function characterCount(text: string): number {
  return Array.from(text).length;
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Asks what should change before a proposal goes back to draft, and sends it. It closes only once the API took it:
 * a refusal is shown here, with the text kept, so nothing typed is lost. Closes with true when sent.
 */
@Component({
  selector: 'accord-send-back-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormAlertComponent,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    IssueDirective,
  ],
  template: `
    <h2 mat-dialog-title>Send {{ data.version }} back?</h2>
    <form (submit)="$event.preventDefault(); send()" novalidate>
      <mat-dialog-content>
        <accord-form-alert [message]="callError()" />
        <p>It returns to draft and its signatures lapse. Say what should change, so the author knows.</p>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>What should change</mat-label>
          <textarea
            matInput
            rows="4"
            required
            aria-describedby="send-back-count"
            [value]="comment()"
            (input)="edited(text($event))"
            [accordIssue]="problem()"
          ></textarea>
          <mat-error>{{ problem() }}</mat-error>
        </mat-form-field>
        <!-- Outside the field's subscript, which shows only the error while there is one: the count stays. -->
        <p id="send-back-count" class="count" [class.over]="tooLong()">
          {{ count(length()) }} / {{ count(max) }} characters
        </p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">
          {{ pending() ? 'Sending back…' : 'Send back' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .count {
      margin: 4px 0 0;
      text-align: end;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .count.over {
      color: var(--mat-sys-error);
    }
  `,
})
export class SendBackDialog {
  private readonly dialog = inject<MatDialogRef<SendBackDialog, boolean>>(MatDialogRef);
  protected readonly data = inject<SendBackDialogData>(MAT_DIALOG_DATA);
  protected readonly comment = signal('');
  protected readonly pending = signal(false);
  /** Send back was pressed with nothing to say. */
  private readonly empty = signal(false);
  /** What the API said about the comment itself, until it is edited. */
  private readonly refusal = signal<string | null>(null);
  /** Why the API refused the rest (a conflict, a lost connection…), until the next attempt. */
  protected readonly callError = signal<string | null>(null);

  protected readonly max = SEND_BACK_MAX;
  /** As the API counts: the trimmed text. */
  protected readonly length = computed(() => characterCount(this.comment().trim()));
  protected readonly tooLong = computed(() => this.length() > SEND_BACK_MAX);
  /** Said as it is typed for a text too long, so it is shortened before sending, not after. */
  protected readonly problem = computed(() => {
    if (this.tooLong()) return `Shorten it to ${formatNumber(SEND_BACK_MAX)} characters or fewer.`;
    if (this.empty()) return 'Say what should change.';
    return this.refusal();
  });
  protected readonly text = inputText;
  protected readonly count = formatNumber;

  protected edited(text: string): void {
    this.comment.set(text);
    this.empty.set(false);
    this.refusal.set(null);
  }

  protected async send(): Promise<void> {
    if (this.pending()) return;
    const comment = this.comment().trim();
    this.empty.set(comment === '');
    if (comment === '' || this.tooLong()) return;
    this.pending.set(true);
    this.callError.set(null);
    const result = await this.data.send(comment);
    this.pending.set(false);
    if (result === null || result.ok) {
      this.dialog.close(result !== null);
      return;
    }
    const field = result.error.fields.find((problem) => problem.field === 'comment');
    if (field) this.refusal.set(sentence(field.message));
    else this.callError.set(result.error.message);
  }
}

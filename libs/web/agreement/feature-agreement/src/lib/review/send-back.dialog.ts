import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { inputText } from '../editor/editing';

/** Asks what should change before a proposal goes back to draft; closes with the comment. */
@Component({
  selector: 'accord-send-back-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatInput,
    MatLabel,
  ],
  template: `
    <h2 mat-dialog-title>Send {{ data.version }} back?</h2>
    <form (submit)="$event.preventDefault(); send()" novalidate>
      <mat-dialog-content>
        <p>It returns to draft and its signatures lapse. Say what should change, so the author knows.</p>
        <mat-form-field appearance="outline" class="wide">
          <mat-label>What should change</mat-label>
          <textarea
            matInput
            rows="3"
            required
            [value]="comment()"
            (input)="comment.set(text($event))"
            [attr.aria-invalid]="missing()"
          ></textarea>
        </mat-form-field>
        @if (missing()) {
          <p class="problem" role="alert">Say what should change.</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit">Send back</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class SendBackDialog {
  private readonly dialog = inject<MatDialogRef<SendBackDialog, string>>(MatDialogRef);
  protected readonly data = inject<{ version: string }>(MAT_DIALOG_DATA);
  protected readonly comment = signal('');
  protected readonly missing = signal(false);
  protected readonly text = inputText;

  protected send(): void {
    const comment = this.comment().trim();
    this.missing.set(comment === '');
    if (comment) this.dialog.close(comment);
  }
}

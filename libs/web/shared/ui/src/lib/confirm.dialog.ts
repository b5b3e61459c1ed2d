import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';

/** What a confirmation asks: its question, what going ahead does, and the label of the button that does it. */
export interface ConfirmDialogData {
  readonly title: string;
  readonly message: string;
  readonly confirm: string;
  /** The button that goes back (default "Cancel"): another word where the action is itself a cancelling. */
  readonly dismiss?: string;
  /** An action that undoes nothing (reactivating someone) is not shown as a danger. */
  readonly safe?: boolean;
}

/** Asks before an action that cannot be undone; closes with true to go ahead. */
@Component({
  selector: 'accord-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ data.dismiss ?? 'Cancel' }}</button>
      <button mat-flat-button type="button" [class.danger]="!data.safe" [mat-dialog-close]="true">
        {{ data.confirm }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

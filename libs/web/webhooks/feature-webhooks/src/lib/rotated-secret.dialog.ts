import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';

import { WebhookSecretComponent } from './webhook-secret.component';

export interface RotatedSecretData {
  url: string;
  secret: string;
}

/** Shows an endpoint's new signing secret after a rotation. */
@Component({
  selector: 'accord-rotated-secret-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    WebhookSecretComponent,
  ],
  template: `
    <h2 mat-dialog-title>New signing secret</h2>
    <mat-dialog-content>
      <p>Deliveries are signed with this secret from now on; the old one no longer verifies.</p>
      <accord-webhook-secret [url]="data.url" [secret]="data.secret" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close>I have stored the secret</button>
    </mat-dialog-actions>
  `,
})
export class RotatedSecretDialog {
  protected readonly data = inject<RotatedSecretData>(MAT_DIALOG_DATA);
}

import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

/** An endpoint's signing secret, shown the one time it can be, with a copy button. */
@Component({
  selector: 'accord-webhook-secret',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkCopyToClipboard, MatButton, MatFormField, MatHint, MatInput, MatLabel],
  template: `
    <p class="warning">
      Copy the signing secret now and store it with your receiver: <strong>you won't see it again.</strong>
      Your receiver checks each delivery's Accord-Signature header with it.
    </p>
    <mat-form-field appearance="outline" class="wide">
      <mat-label>Signing secret of {{ url() }}</mat-label>
      <input matInput readonly [value]="secret()" />
      <mat-hint>HMAC-SHA256 over "timestamp.body"; see the webhooks documentation.</mat-hint>
    </mat-form-field>
    <div class="copy">
      <button
        mat-button
        type="button"
        [cdkCopyToClipboard]="secret()"
        (cdkCopyToClipboardCopied)="copied.set($event)"
      >
        Copy secret
      </button>
      <span role="status" class="status">{{ copied() ? 'Secret copied.' : '' }}</span>
    </div>
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .warning {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .copy {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-top: 8px;
    }
    .status {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class WebhookSecretComponent {
  readonly url = input.required<string>();
  readonly secret = input.required<string>();
  protected readonly copied = signal(false);
}

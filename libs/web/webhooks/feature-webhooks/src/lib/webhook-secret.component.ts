import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { CopyFieldComponent } from '@accord/web/shared/ui';

/** An endpoint's signing secret, shown the one time it can be, with a copy button. */
@Component({
  selector: 'accord-webhook-secret',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CopyFieldComponent],
  template: `
    <p class="warning">
      Copy the signing secret now and store it with your receiver: <strong>you won't see it again.</strong>
      Your receiver checks each delivery's Accord-Signature header with it.
    </p>
    <accord-copy-field
      label="Signing secret of {{ url() }}"
      [value]="secret()"
      hint='HMAC-SHA256 over "timestamp.body"; see the webhooks documentation.'
      copyLabel="Copy secret"
      copiedMessage="Secret copied."
    />
  `,
  styles: `
    .warning {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class WebhookSecretComponent {
  readonly url = input.required<string>();
  readonly secret = input.required<string>();
}

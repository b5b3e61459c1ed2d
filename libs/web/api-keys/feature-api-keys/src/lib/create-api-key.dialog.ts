import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { ApiKeysStore, CreatedApiKey } from '@accord/web/api-keys/data-access';
import { PendingCall } from '@accord/web/shared/data-access';
import { CopyFieldComponent, FormAlertComponent } from '@accord/web/shared/ui';

import { ApiKeyUsageComponent } from './api-key-usage.component';

/**
 * Creates an API key; on success shows its secret, the one time it can be seen, and the example requests
 * sending it.
 */
@Component({
  selector: 'accord-create-api-key-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ApiKeyUsageComponent,
    CopyFieldComponent,
    FormAlertComponent,
  ],
  template: `
    <h2 mat-dialog-title>New API key</h2>
    @if (created(); as key) {
      <mat-dialog-content>
        <p class="warning" id="key-warning">
          Copy the key now and store it somewhere safe: <strong>you won't see it again.</strong> Accord keeps
          only a hash of it.
        </p>
        <accord-copy-field
          label="Secret of {{ key.apiKey.name }}"
          [value]="key.secret"
          hint="Send it as Authorization: Bearer &lt;key&gt;."
          copyLabel="Copy key"
          copiedMessage="Key copied."
          describedBy="key-warning"
        />
        <!-- The examples send the new secret here, the one place it is on screen. -->
        <accord-api-key-usage class="usage" [secret]="key.secret" [imports]="key.apiKey.imports" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" mat-dialog-close>I have stored the key</button>
      </mat-dialog-actions>
    } @else {
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <mat-form-field appearance="outline" class="wide">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required />
            <mat-hint>What the key is for, e.g. "Website tracking"</mat-hint>
            <mat-error>Name the key (at most 120 characters).</mat-error>
          </mat-form-field>
          <mat-checkbox formControlName="imports" aria-describedby="key-imports-hint">
            Also import CSV files
          </mat-checkbox>
          <p class="hint" id="key-imports-hint">
            Every key sends leads and signals. A key that imports uploads files to /api/v1/imports as you,
            with the roles you hold then — it stops importing if you leave the workspace.
          </p>
          <accord-form-alert [message]="error()" />
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <!-- Closing while the key is being created would lose its one-time secret. -->
          <button mat-button type="button" mat-dialog-close [disabled]="pending()">Cancel</button>
          <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">Create key</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .wide {
      width: 100%;
    }
    .usage {
      margin-top: 16px;
    }
    .hint {
      margin: 0 0 8px 40px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .warning {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class CreateApiKeyDialog {
  private readonly store = inject(ApiKeysStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    // Spaces alone name nothing: refused as a blank name is, with the field's message.
    name: ['', [Validators.required, Validators.maxLength(120), Validators.pattern(/\S/)]],
    imports: [false],
  });
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly created = signal<CreatedApiKey | null>(null);
  private readonly injector = inject(Injector);
  private readonly copyField = viewChild(CopyFieldComponent);

  /** Whether the new key's secret is on screen: the one time it can be seen. */
  holdsSecret(): boolean {
    return this.created() !== null;
  }

  protected async submit(): Promise<void> {
    // Create key stays focusable while the key is created, so the form can still be submitted.
    if (this.pending()) return;
    const { name: typed, imports } = this.form.getRawValue();
    const name = typed.trim();
    if (this.form.invalid || name === '') {
      this.form.markAllAsTouched();
      return;
    }
    const result = await this.call.run(() => this.store.create(name, imports));
    if (!result.ok) return;
    this.created.set(result.value);
    // The form, and the button that had focus, give way to the secret: focus its copy button, described by the warning.
    afterNextRender({ write: () => this.copyField()?.focusCopyButton() }, { injector: this.injector });
  }
}

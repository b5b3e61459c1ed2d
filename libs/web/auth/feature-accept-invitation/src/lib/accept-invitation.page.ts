import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@accord/domain/workspace';
import { AuthService, PendingCall } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent, NEW_PASSWORD_VALIDATORS } from '@accord/web/shared/ui';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const password = group.get('password')?.value as string | undefined;
  const confirmation = group.get('confirmation')?.value as string | undefined;
  return confirmation && password !== confirmation ? { mismatch: true } : null;
}

/** Opened from an invite link: the invited member chooses a password and is signed in. */
@Component({
  selector: 'accord-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    AuthLayoutComponent,
    FormAlertComponent,
  ],
  template: `
    <accord-auth-layout heading="Join your workspace">
      @if (hasToken()) {
        <p class="intro">Choose a password to finish setting up your account.</p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>New password</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="new-password" required />
            <mat-hint>At least {{ minLength }} characters; a passphrase works well.</mat-hint>
            <mat-error>Use between {{ minLength }} and {{ maxLength }} characters.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Confirm password</mat-label>
            <input
              matInput
              type="password"
              formControlName="confirmation"
              autocomplete="new-password"
              required
            />
            <mat-error>Enter the same password again.</mat-error>
          </mat-form-field>
          <accord-form-alert [message]="error() ?? mismatch()" />
          <button mat-flat-button type="submit" [disabled]="pending()">
            {{ pending() ? 'Setting password…' : 'Set password and sign in' }}
          </button>
        </form>
      } @else {
        <accord-form-alert message="This invitation link is incomplete. Ask your admin for a new one." />
      }
    </accord-auth-layout>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .intro {
      font: var(--mat-sys-body-medium);
      margin: 0 0 16px;
    }
  `,
})
export class AcceptInvitationPage {
  private readonly auth = inject(AuthService);

  /** The one-time token from the invite link's `?token=` query parameter. */
  readonly token = input<string>();

  protected readonly hasToken = computed(() => (this.token() ?? '').length > 0);
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', [...NEW_PASSWORD_VALIDATORS]],
      confirmation: ['', [Validators.required]],
    },
    { validators: passwordsMatch },
  );
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly mismatch = signal<string | null>(null);
  protected readonly pending = this.call.pending;

  protected async submit(): Promise<void> {
    this.mismatch.set(this.form.hasError('mismatch') ? 'The two passwords differ.' : null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const password = this.form.getRawValue().password;
    await this.call.run(() => this.auth.acceptInvitation(this.token() ?? '', password));
  }
}

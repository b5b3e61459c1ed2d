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
import { RouterLink } from '@angular/router';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@accord/domain/workspace';
import { AuthService, PendingCall } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent, NEW_PASSWORD_VALIDATORS } from '@accord/web/shared/ui';

/** A token the API refuses to read at all (cut short when copied, say). */
const MALFORMED_LINK = 'This password reset link is not valid: it may have been cut short when copied.';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const password = group.get('password')?.value as string | undefined;
  const confirmation = group.get('confirmation')?.value as string | undefined;
  return confirmation && password !== confirmation ? { mismatch: true } : null;
}

/**
 * Opened from a password reset link: the member chooses a new password, every other session of theirs ends, and
 * they are signed in.
 */
@Component({
  selector: 'accord-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
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
    <accord-auth-layout heading="Choose a new password">
      @if (!hasToken()) {
        <accord-form-alert message="This password reset link is incomplete." />
        <p class="aside"><a routerLink="/forgot-password">Ask for a new link</a></p>
      } @else if (refusedLink(); as refusal) {
        <accord-form-alert [message]="refusal" />
        <p class="aside"><a routerLink="/forgot-password">Ask for a new link</a></p>
      } @else {
        <p class="intro">Setting a new password signs you out on every other device.</p>
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
      }
    </accord-auth-layout>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .intro,
    .aside {
      font: var(--mat-sys-body-medium);
    }
    .intro {
      margin: 0 0 16px;
    }
    .aside {
      margin: 24px 0 0;
    }
  `,
})
export class ResetPasswordPage {
  private readonly auth = inject(AuthService);

  /** The one-time token from the reset link's `?token=` query parameter. */
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
  /** The API's word that the link itself is used, expired or replaced: no password can help, only a new link. */
  protected readonly refusedLink = signal<string | null>(null);

  protected async submit(): Promise<void> {
    this.mismatch.set(this.form.hasError('mismatch') ? 'The two passwords differ.' : null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const password = this.form.getRawValue().password;
    const result = await this.call.run(() => this.auth.resetPassword(this.token() ?? '', password));
    if (result.ok || result.error.code !== 'BAD_USER_INPUT') return;
    // A refused password names its field, and the member tries another; anything else is about the link.
    if (result.error.fields.some((problem) => /password$/i.test(problem.field))) return;
    this.refusedLink.set(result.error.fields.length === 0 ? result.error.message : MALFORMED_LINK);
  }
}

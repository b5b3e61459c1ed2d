import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@accord/domain/workspace';

import { FormAlertComponent } from './form-alert.component';
import { NEW_PASSWORD_VALIDATORS } from './new-password';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const password = group.get('password')?.value as string | undefined;
  const confirmation = group.get('confirmation')?.value as string | undefined;
  return confirmation && password !== confirmation ? { mismatch: true } : null;
}

/**
 * A password chosen with a one-time link (an invitation, a reset): typed twice, within the domain's bounds. It
 * emits the password once both agree; the page makes the call and hands back its pending state and error.
 */
@Component({
  selector: 'accord-new-password-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    FormAlertComponent,
  ],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>New password</mat-label>
        <input matInput type="password" formControlName="password" autocomplete="new-password" required />
        <mat-hint>At least {{ minLength }} characters; a passphrase works well.</mat-hint>
        <mat-error>Use between {{ minLength }} and {{ maxLength }} characters.</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Confirm password</mat-label>
        <input matInput type="password" formControlName="confirmation" autocomplete="new-password" required />
        <mat-error>Enter the same password again.</mat-error>
      </mat-form-field>
      <accord-form-alert [message]="error() ?? mismatch()" />
      <button mat-flat-button type="submit" [disabled]="pending()">
        {{ pending() ? 'Setting password…' : 'Set password and sign in' }}
      </button>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
  `,
})
export class NewPasswordFormComponent {
  readonly pending = input(false);
  /** What the page's call failed with. */
  readonly error = input<string | null>(null);
  readonly chosen = output<string>();

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', [...NEW_PASSWORD_VALIDATORS]],
      confirmation: ['', [Validators.required]],
    },
    { validators: passwordsMatch },
  );
  protected readonly mismatch = signal<string | null>(null);

  protected submit(): void {
    this.mismatch.set(this.form.hasError('mismatch') ? 'The two passwords differ.' : null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.chosen.emit(this.form.getRawValue().password);
  }
}

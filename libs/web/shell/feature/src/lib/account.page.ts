import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormGroupDirective,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@accord/domain/workspace';
import {
  AuthService,
  AuthStore,
  type FieldProblem,
  PendingCall,
  sentence,
} from '@accord/web/shared/data-access';
import { FormAlertComponent, NEW_PASSWORD_VALIDATORS, PageHeaderComponent } from '@accord/web/shared/ui';

type PasswordField = 'current' | 'next' | 'confirmation';

/** The form's control for each field the API names in a refusal. */
const FIELD_OF: ReadonlyMap<string, PasswordField> = new Map([
  ['currentPassword', 'current'],
  ['newPassword', 'next'],
]);

/** What a field says when it is left wrong before the API is asked. */
const LOCAL_PROBLEMS: Record<PasswordField, string> = {
  current: 'Enter your current password.',
  next: `Use between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`,
  confirmation: 'Enter the new password again.',
};

const MISMATCH = 'Does not match the new password.';

/** The confirmation is wrong while it holds something other than the new password (empty is `required`'s case). */
function sameAsNewPassword(confirmation: AbstractControl<string>): ValidationErrors | null {
  const next = confirmation.parent?.get('next')?.value as string | undefined;
  return confirmation.value && confirmation.value !== next ? { mismatch: true } : null;
}

/** The signed-in member's own account: who they are, their password, and their sessions on other devices. */
@Component({
  selector: 'accord-account-page',
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
    PageHeaderComponent,
  ],
  template: `
    <accord-page-header heading="Your account">
      <p subtitle class="sub">{{ store.member()?.name }} · {{ store.member()?.email }}</p>
    </accord-page-header>
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form [formGroup]="form" (ngSubmit)="changePassword()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Current password</mat-label>
          <input
            matInput
            type="password"
            formControlName="current"
            autocomplete="current-password"
            required
          />
          <mat-error>{{ problem('current') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>New password</mat-label>
          <input matInput type="password" formControlName="next" autocomplete="new-password" required />
          <mat-hint>At least {{ minLength }} characters; a passphrase works well.</mat-hint>
          <mat-error>{{ problem('next') }}</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Confirm new password</mat-label>
          <input
            matInput
            type="password"
            formControlName="confirmation"
            autocomplete="new-password"
            required
          />
          <mat-error>{{ problem('confirmation') }}</mat-error>
        </mat-form-field>
        <accord-form-alert [message]="passwordCall.error()" />
        <p class="done" role="status">{{ changed() }}</p>
        <button mat-flat-button type="submit" [disabled]="passwordCall.pending()">
          {{ passwordCall.pending() ? 'Changing…' : 'Change password' }}
        </button>
      </form>
    </section>
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Sessions</h2>
      <p>
        Signed in on a computer you no longer use, or lost a device? Signing out everywhere ends every session
        of yours at once, this one included; sign in again where you need to.
      </p>
      <accord-form-alert [message]="sessionsCall.error()" />
      <button
        mat-stroked-button
        type="button"
        [disabled]="sessionsCall.pending()"
        (click)="signOutEverywhere()"
      >
        Sign out everywhere
      </button>
    </section>
  `,
  styles: `
    .sub {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
    section {
      max-width: 480px;
      margin-bottom: 32px;
    }
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
      align-items: stretch;
    }
    form button {
      align-self: flex-start;
    }
    .done:empty {
      display: none;
    }
  `,
})
export class AccountPage {
  private readonly auth = inject(AuthService);
  protected readonly store = inject(AuthStore);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    current: ['', [Validators.required, Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    next: ['', [...NEW_PASSWORD_VALIDATORS]],
    confirmation: ['', [Validators.required, sameAsNewPassword]],
  });
  protected readonly passwordCall = new PendingCall();
  protected readonly sessionsCall = new PendingCall();
  protected readonly changed = signal('');
  private readonly formDirective = viewChild.required(FormGroupDirective);

  constructor() {
    // The confirmation is checked against the new password, so it is checked again when that one changes.
    this.form.controls.next.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirmation.updateValueAndValidity());
  }

  /** The API's word on a field, as it worded it; else what the field says when left wrong before asking. */
  protected problem(field: PasswordField): string {
    const errors = this.form.controls[field].errors;
    const api: unknown = errors?.['api'];
    if (typeof api === 'string') return sentence(api);
    return errors?.['mismatch'] ? MISMATCH : LOCAL_PROBLEMS[field];
  }

  protected async changePassword(): Promise<void> {
    this.changed.set('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { current, next } = this.form.getRawValue();
    const result = await this.passwordCall.run(() => this.auth.changePassword(current, next));
    if (!result.ok) {
      this.showProblems(result.error.fields);
      return;
    }
    // Not form.reset() alone: the form stays submitted, and its emptied required fields would show as wrong.
    this.formDirective().resetForm();
    this.changed.set('Password changed. Your other sessions were signed out; this one goes on.');
  }

  protected async signOutEverywhere(): Promise<void> {
    await this.sessionsCall.run(() => this.auth.signOutEverywhere());
  }

  /** The API's problems under the fields they name (each clears once its field changes); the alert keeps the rest. */
  private showProblems(problems: readonly FieldProblem[]): void {
    let named = 0;
    for (const problem of problems) {
      const field = FIELD_OF.get(problem.field);
      if (field === undefined) continue;
      this.form.controls[field].setErrors({ api: problem.message });
      this.form.controls[field].markAsTouched();
      named++;
    }
    if (named > 0 && named === problems.length) this.passwordCall.error.set(null);
  }
}

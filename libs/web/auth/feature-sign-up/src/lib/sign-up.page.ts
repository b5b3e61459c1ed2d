import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@accord/domain/workspace';
import { AuthService, PendingCall } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent, NEW_PASSWORD_VALIDATORS } from '@accord/web/shared/ui';

/** Creates a workspace with its first member, who becomes its admin and is signed in. */
@Component({
  selector: 'accord-sign-up-page',
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
    <accord-auth-layout heading="Create a workspace">
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Workspace name</mat-label>
          <input matInput formControlName="workspaceName" autocomplete="organization" required />
          <mat-hint>Usually your company's name.</mat-hint>
          <mat-error>Enter a name for the workspace.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Your name</mat-label>
          <input matInput formControlName="name" autocomplete="name" required />
          <mat-error>Enter your name.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>E-mail</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="email" required />
          <mat-error>Enter a valid e-mail address.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Password</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" required />
          <mat-hint>At least {{ minLength }} characters; a passphrase works well.</mat-hint>
          <mat-error>Use between {{ minLength }} and {{ maxLength }} characters.</mat-error>
        </mat-form-field>
        <accord-form-alert [message]="error()" />
        <button mat-flat-button type="submit" [disabled]="pending()">
          {{ pending() ? 'Creating…' : 'Create workspace' }}
        </button>
      </form>
      <p class="aside">Already have an account? <a routerLink="/sign-in">Sign in</a></p>
    </accord-auth-layout>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
  `,
})
export class SignUpPage {
  private readonly auth = inject(AuthService);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly maxLength = PASSWORD_MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    workspaceName: ['', [Validators.required, Validators.maxLength(120)]],
    name: ['', [Validators.required, Validators.maxLength(120)]],
    email: ['', [Validators.required, Validators.email]],
    password: ['', [...NEW_PASSWORD_VALIDATORS]],
  });
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    await this.call.run(() =>
      this.auth.signUp({
        workspaceName: value.workspaceName.trim(),
        name: value.name.trim(),
        email: value.email.trim(),
        password: value.password,
      }),
    );
  }
}

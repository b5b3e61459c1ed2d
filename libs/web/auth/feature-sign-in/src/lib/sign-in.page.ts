import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';

import { AuthService, PendingCall, inAppPath } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent } from '@accord/web/shared/ui';

/**
 * Signs a member in with e-mail and password; a successful sign-in opens the page they were sent here from, or
 * their home feature.
 */
@Component({
  selector: 'accord-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    AuthLayoutComponent,
    FormAlertComponent,
  ],
  template: `
    <accord-auth-layout heading="Sign in">
      @if (unreachable()) {
        <p class="notice" role="status">
          Accord could not be reached to restore your session.
          <button mat-button type="button" (click)="tryAgain()">Try again</button>
        </p>
      } @else if (expired()) {
        <p class="notice" role="status">Your session has ended. Please sign in again.</p>
      }
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>E-mail</mat-label>
          <input matInput type="email" formControlName="email" autocomplete="username" required />
          <mat-error>Enter your e-mail address.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Password</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="current-password"
            required
          />
          <mat-error>Enter your password.</mat-error>
        </mat-form-field>
        <p class="forgot"><a routerLink="/forgot-password">Forgot your password?</a></p>
        <accord-form-alert [message]="error()" />
        <button mat-flat-button type="submit" [disabled]="pending()">
          {{ pending() ? 'Signing in…' : 'Sign in' }}
        </button>
      </form>
      <p class="aside">New to Accord? <a routerLink="/sign-up">Create a workspace</a></p>
    </accord-auth-layout>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .forgot {
      font: var(--mat-sys-body-medium);
      margin: 0 0 12px;
    }
  `,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Set by the router from `?expired=1` when the API ended the previous session. */
  readonly expired = input<string>();
  /** `?unreachable=1`: a session is stored, but the API could not say whose it is when the page loaded. */
  readonly unreachable = input<string>();
  /** `?returnUrl=`: the page asked for before signing in. */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required]],
    password: ['', [Validators.required]],
  });
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    await this.call.run(() => this.auth.signIn(email.trim(), password, this.returnUrl()));
  }

  protected async tryAgain(): Promise<void> {
    await this.router.navigateByUrl(inAppPath(this.returnUrl()) ?? '/');
  }
}

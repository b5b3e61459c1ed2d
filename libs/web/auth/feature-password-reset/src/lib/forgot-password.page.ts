import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';

import { AuthService, PendingCall } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent } from '@accord/web/shared/ui';

/** What the page says once the request is made: the API's answer never tells whether the e-mail has an account. */
export const RESET_LINK_SENT =
  "If an account uses this e-mail, we've sent a link to reset its password. It works for one hour.";
export const NO_MAIL_SENT =
  'This Accord instance sends no e-mail: ask your workspace admin for a password reset link.';

/** "Forgot your password?": asks for a one-time link to set a new password, sent to the member's e-mail. */
@Component({
  selector: 'accord-forgot-password-page',
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
    <accord-auth-layout heading="Reset your password">
      @if (answer(); as said) {
        <p class="notice" role="status">{{ said }}</p>
      } @else if (mailsLinks() === false) {
        <p class="notice" role="status">{{ noMail }}</p>
      } @else if (mailsLinks() === undefined) {
        <p class="intro" aria-busy="true">One moment…</p>
      } @else {
        <p class="intro">
          Enter the e-mail you sign in with, and we'll send you a link to choose a new password.
        </p>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>E-mail</mat-label>
            <input matInput type="email" formControlName="email" autocomplete="username" required />
            <mat-error>Enter your e-mail address.</mat-error>
          </mat-form-field>
          <accord-form-alert [message]="error()" />
          <button mat-flat-button type="submit" [disabled]="pending()">
            {{ pending() ? 'Sending…' : 'Send reset link' }}
          </button>
        </form>
      }
      <p class="aside"><a routerLink="/sign-in">Back to sign in</a></p>
    </accord-auth-layout>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
  `,
})
export class ForgotPasswordPage implements OnInit {
  private readonly auth = inject(AuthService);
  protected readonly noMail = NO_MAIL_SENT;
  /**
   * Whether this instance e-mails links, asked as the page opens, so that without mail it says at once that only
   * an admin can give one, rather than after the member typed their address: undefined until the API answers (no
   * form yet, which would be filled in for nothing), null when it could not say (the form, as before).
   */
  protected readonly mailsLinks = signal<boolean | null | undefined>(undefined);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly answer = signal<string | null>(null);

  ngOnInit(): void {
    void this.auth.passwordResetsMailed().then((mails) => this.mailsLinks.set(mails));
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const result = await this.call.run(() =>
      this.auth.requestPasswordReset(this.form.getRawValue().email.trim()),
    );
    if (result.ok) this.answer.set(result.value.mailed ? RESET_LINK_SENT : NO_MAIL_SENT);
  }
}

import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService, ConfirmedEmail } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent } from '@accord/web/shared/ui';

/** A token the API refuses to read at all (cut short when copied, say). */
const MALFORMED_LINK = 'This confirmation link is not valid: it may have been cut short when copied.';

type Outcome =
  | { state: 'confirming' }
  | { state: 'confirmed'; confirmed: ConfirmedEmail }
  | { state: 'refused'; message: string };

/**
 * Opened from the link e-mailed at sign-up (or sent again from the banner): confirms the address at once, signed in
 * or not, since the link may be opened on another device. Opening the page is the confirmation: a mail scanner that
 * fetches the link runs no script, so it confirms nothing.
 */
@Component({
  selector: 'accord-verify-email-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AuthLayoutComponent, FormAlertComponent],
  template: `
    @let result = outcome();
    <accord-auth-layout
      [heading]="result.state === 'confirmed' ? 'E-mail address confirmed' : 'Confirm your e-mail address'"
    >
      @if (!token()) {
        <accord-form-alert message="This confirmation link is incomplete." />
        <p class="aside"><a routerLink="/sign-in">Sign in to send a new one</a></p>
      } @else if (result.state === 'confirming') {
        <p class="intro" role="status">Confirming your address…</p>
      } @else if (result.state === 'confirmed') {
        <p class="intro" role="status">
          {{ result.confirmed.email }} is confirmed for <strong>{{ result.confirmed.workspaceName }}</strong>.
        </p>
        <p class="aside"><a routerLink="/">Continue to Accord</a></p>
      } @else {
        <accord-form-alert [message]="result.message" />
        <p class="aside"><a routerLink="/sign-in">Sign in to send a new one</a></p>
      }
    </accord-auth-layout>
  `,
  styles: `
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
export class VerifyEmailPage implements OnInit {
  private readonly auth = inject(AuthService);

  /** The one-time token from the link's `?token=` query parameter. */
  readonly token = input<string>();

  protected readonly outcome = signal<Outcome>({ state: 'confirming' });

  ngOnInit(): void {
    const token = this.token();
    if (token) void this.confirm(token);
  }

  private async confirm(token: string): Promise<void> {
    const result = await this.auth.verifyEmail(token);
    if (result.ok) this.outcome.set({ state: 'confirmed', confirmed: result.value });
    else
      this.outcome.set({
        state: 'refused',
        // A field named means the token's shape was refused before it was looked up.
        message: result.error.fields.length > 0 ? MALFORMED_LINK : result.error.message,
      });
  }
}

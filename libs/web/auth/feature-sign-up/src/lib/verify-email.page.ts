import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import { AuthService, ConfirmedEmail, OneTimeLink, PendingCall } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent } from '@accord/web/shared/ui';

/** A token the API refuses to read at all (cut short when copied, say). */
const MALFORMED_LINK = 'This confirmation link is not valid: it may have been cut short when copied.';

/**
 * Opened from the link e-mailed after sign-up (or sent again from the banner): names the address and workspace,
 * and confirms them when the member says so — signed in or not, as the link may be opened on another device. A
 * button, not the opening of the page, confirms: mail scanners open links, some of them running the page's script,
 * and one must not confirm an address that a stranger signed up with.
 */
@Component({
  selector: 'accord-verify-email-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButton, AuthLayoutComponent, FormAlertComponent],
  template: `
    <accord-auth-layout [heading]="heading()">
      @if (!hasToken()) {
        <accord-form-alert message="This confirmation link is incomplete." />
        <p class="aside"><a routerLink="/sign-in">Sign in to send a new one</a></p>
      } @else if (link.refusal(); as refusal) {
        <accord-form-alert [message]="refusal" />
        <p class="aside"><a routerLink="/sign-in">Sign in to send a new one</a></p>
      } @else if (confirmed(); as done) {
        <p class="intro" role="status">
          {{ done.email }} is confirmed for <strong>{{ done.workspaceName }}</strong>.
        </p>
        <p class="aside"><a routerLink="/">Continue to Accord</a></p>
      } @else {
        @if (link.preview(); as preview) {
          <p class="intro">
            Confirm {{ preview.email }} as the address of {{ preview.name }} in
            <strong>{{ preview.workspaceName }}</strong>.
          </p>
        }
        <accord-form-alert [message]="call.error()" />
        <button mat-flat-button type="button" [disabled]="call.pending()" (click)="confirm()">
          Confirm my address
        </button>
      }
    </accord-auth-layout>
  `,
})
export class VerifyEmailPage implements OnInit {
  private readonly auth = inject(AuthService);

  /** The one-time token from the link's `?token=` query parameter. */
  readonly token = input<string>();

  protected readonly hasToken = computed(() => (this.token() ?? '').length > 0);
  protected readonly link = new OneTimeLink(this.auth, 'VERIFY_EMAIL', MALFORMED_LINK);
  protected readonly call = new PendingCall();
  protected readonly confirmed = signal<ConfirmedEmail | null>(null);
  protected readonly heading = computed(() =>
    this.confirmed() ? 'E-mail address confirmed' : 'Confirm your e-mail address',
  );

  ngOnInit(): void {
    if (this.hasToken()) void this.link.read(this.token() ?? '');
  }

  protected async confirm(): Promise<void> {
    const result = await this.call.run(() => this.auth.verifyEmail(this.token() ?? ''));
    if (result.ok) this.confirmed.set(result.value);
    else this.link.refused(result.error);
  }
}

import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthService, OneTimeLink, PendingCall } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent, NewPasswordFormComponent } from '@accord/web/shared/ui';

/** A token the API refuses to read at all (cut short when copied, say). */
const MALFORMED_LINK = 'This password reset link is not valid: it may have been cut short when copied.';

/**
 * Opened from a password reset link: names the account and its workspace, then the member chooses a new password,
 * every other session of theirs ends, and they are signed in. A link that can no longer be used says so before any
 * password is typed.
 */
@Component({
  selector: 'accord-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, AuthLayoutComponent, FormAlertComponent, NewPasswordFormComponent],
  template: `
    <accord-auth-layout heading="Choose a new password">
      @if (!hasToken()) {
        <accord-form-alert message="This password reset link is incomplete." />
        <p class="aside"><a routerLink="/forgot-password">Ask for a new link</a></p>
      } @else if (link.refusal(); as refusal) {
        <accord-form-alert [message]="refusal" />
        <p class="aside"><a routerLink="/forgot-password">Ask for a new link</a></p>
      } @else {
        @if (link.preview(); as preview) {
          <p class="intro">
            For {{ preview.name }}, {{ preview.email }}, in <strong>{{ preview.workspaceName }}</strong>.
          </p>
        }
        <p class="intro">Setting a new password signs you out on every other device.</p>
        <accord-new-password-form [pending]="pending()" [error]="error()" (chosen)="submit($event)" />
      }
    </accord-auth-layout>
  `,
})
export class ResetPasswordPage implements OnInit {
  private readonly auth = inject(AuthService);

  /** The one-time token from the reset link's `?token=` query parameter. */
  readonly token = input<string>();

  protected readonly hasToken = computed(() => (this.token() ?? '').length > 0);
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly link = new OneTimeLink(this.auth, 'PASSWORD_RESET', MALFORMED_LINK);

  ngOnInit(): void {
    if (this.hasToken()) void this.link.read(this.token() ?? '');
  }

  protected async submit(password: string): Promise<void> {
    const result = await this.call.run(() => this.auth.resetPassword(this.token() ?? '', password));
    if (!result.ok) this.link.refused(result.error);
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { AuthService, PendingCall } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent, NewPasswordFormComponent } from '@accord/web/shared/ui';

/** Opened from an invite link: the invited member chooses a password and is signed in. */
@Component({
  selector: 'accord-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthLayoutComponent, FormAlertComponent, NewPasswordFormComponent],
  template: `
    <accord-auth-layout heading="Join your workspace">
      @if (hasToken()) {
        <p class="intro">Choose a password to finish setting up your account.</p>
        <accord-new-password-form [pending]="pending()" [error]="error()" (chosen)="submit($event)" />
      } @else {
        <accord-form-alert message="This invitation link is incomplete. Ask your admin for a new one." />
      }
    </accord-auth-layout>
  `,
  styles: `
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
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;

  protected async submit(password: string): Promise<void> {
    await this.call.run(() => this.auth.acceptInvitation(this.token() ?? '', password));
  }
}

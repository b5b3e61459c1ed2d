import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input } from '@angular/core';

import { roleLabel } from '@accord/domain/workspace';
import { AuthService, OneTimeLink, PendingCall } from '@accord/web/shared/data-access';
import { AuthLayoutComponent, FormAlertComponent, NewPasswordFormComponent } from '@accord/web/shared/ui';

/** A token the API refuses to read at all (cut short when copied, say). */
const MALFORMED_LINK = 'This invitation link is not valid: it may have been cut short when copied.';
const ROLE_LIST = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' });

/**
 * Opened from an invite link: names the workspace, the inviting admin and the account, then the invited member
 * chooses a password and is signed in. A link that can no longer be used says so before any password is typed.
 */
@Component({
  selector: 'accord-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthLayoutComponent, FormAlertComponent, NewPasswordFormComponent],
  template: `
    <accord-auth-layout heading="Join your workspace">
      @if (!hasToken()) {
        <accord-form-alert message="This invitation link is incomplete. Ask your admin for a new one." />
      } @else if (link.refusal(); as refusal) {
        <accord-form-alert [message]="refusal" />
        <p class="aside">Ask the admin who invited you for a new link.</p>
      } @else {
        @if (link.preview(); as preview) {
          <p class="intro">
            {{ preview.sentBy ? preview.sentBy + ' invited you' : 'You are invited' }} to join
            <strong>{{ preview.workspaceName }}</strong> as {{ roles() }}.
          </p>
          <p class="intro">You will sign in as {{ preview.name }}, {{ preview.email }}.</p>
        }
        <p class="intro">Choose a password to finish setting up your account.</p>
        <accord-new-password-form [pending]="pending()" [error]="error()" (chosen)="submit($event)" />
      }
    </accord-auth-layout>
  `,
})
export class AcceptInvitationPage implements OnInit {
  private readonly auth = inject(AuthService);

  /** The one-time token from the invite link's `?token=` query parameter. */
  readonly token = input<string>();

  protected readonly hasToken = computed(() => (this.token() ?? '').length > 0);
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly link = new OneTimeLink(this.auth, 'INVITATION', MALFORMED_LINK);
  protected readonly roles = computed(() =>
    ROLE_LIST.format(this.link.preview()?.roles.map(roleLabel) ?? []),
  );

  ngOnInit(): void {
    if (this.hasToken()) void this.link.read(this.token() ?? '');
  }

  protected async submit(password: string): Promise<void> {
    const result = await this.call.run(() => this.auth.acceptInvitation(this.token() ?? '', password));
    if (!result.ok) this.link.refused(result.error);
  }
}

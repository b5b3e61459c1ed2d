import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';

import { roleLabel } from '@accord/domain/workspace';
import { AuthService, type LinkPreview, PendingCall, linkRefusal } from '@accord/web/shared/data-access';
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
      } @else if (refusedLink(); as refusal) {
        <accord-form-alert [message]="refusal" />
        <p class="aside">Ask the admin who invited you for a new link.</p>
      } @else {
        @if (link(); as link) {
          <p class="intro">
            {{ link.sentBy ? link.sentBy + ' invited you' : 'You are invited' }} to join
            <strong>{{ link.workspaceName }}</strong> as {{ roles() }}.
          </p>
          <p class="intro">You will sign in as {{ link.name }}, {{ link.email }}.</p>
        }
        <p class="intro">Choose a password to finish setting up your account.</p>
        <accord-new-password-form [pending]="pending()" [error]="error()" (chosen)="submit($event)" />
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
export class AcceptInvitationPage implements OnInit {
  private readonly auth = inject(AuthService);

  /** The one-time token from the invite link's `?token=` query parameter. */
  readonly token = input<string>();

  protected readonly hasToken = computed(() => (this.token() ?? '').length > 0);
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  /** What the link is for, once read; the form does not wait for it. */
  protected readonly link = signal<LinkPreview | null>(null);
  protected readonly roles = computed(() => ROLE_LIST.format(this.link()?.roles.map(roleLabel) ?? []));
  /** The API's word that the link itself is used, expired or revoked: no password can help, only a new link. */
  protected readonly refusedLink = signal<string | null>(null);

  ngOnInit(): void {
    if (this.hasToken()) void this.readLink();
  }

  private async readLink(): Promise<void> {
    const result = await this.auth.previewLink(this.token() ?? '', 'INVITATION');
    if (result.ok) this.link.set(result.value);
    else this.refusedLink.set(linkRefusal(result.error, MALFORMED_LINK));
  }

  protected async submit(password: string): Promise<void> {
    const result = await this.call.run(() => this.auth.acceptInvitation(this.token() ?? '', password));
    if (!result.ok) this.refusedLink.set(linkRefusal(result.error, MALFORMED_LINK));
  }
}

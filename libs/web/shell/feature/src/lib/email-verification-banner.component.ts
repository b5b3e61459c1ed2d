import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { EmailVerificationStore, injectWorkspaceTimeZone, zonedMinute } from '@accord/web/shared/data-access';

/**
 * Asks an admin who has not confirmed their e-mail address to open the link sent to it, and sends a new one. Shown
 * only while the API says they must (an admin, and this instance sends mail); read again whenever the tab comes
 * back, since the link is often opened elsewhere. It does not say a link was sent: none was when the mail server
 * refused it, or when mail was turned on after sign-up.
 */
@Component({
  selector: 'accord-email-verification-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  host: { '(window:focus)': 'refreshIfShown()' },
  template: `
    @if (store.pendingEmail(); as email) {
      <aside class="banner" aria-label="E-mail confirmation">
        <p role="status">
          @if (sentUntil(); as until) {
            We sent a new link to {{ email }}; it works until {{ until }}.
          } @else {
            Confirm your e-mail address, {{ email }}, before you invite anyone: open the confirmation link
            e-mailed to you, or send a new one.
          }
        </p>
        @if (store.sendError(); as error) {
          <p class="error" role="alert">{{ error.message }}</p>
        }
        <button mat-button type="button" [disabled]="store.sending()" (click)="store.resend()">
          Send a new link
        </button>
      </aside>
    }
  `,
  styles: `
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 24px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-body-medium);
    }
    p {
      margin: 0;
      flex: 1;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class EmailVerificationBannerComponent implements OnInit {
  protected readonly store = inject(EmailVerificationStore);
  private readonly timeZone = injectWorkspaceTimeZone();
  protected readonly sentUntil = computed(() => {
    const until = this.store.sentUntil();
    return until ? `${zonedMinute(until, this.timeZone())} (${this.timeZone()})` : null;
  });

  ngOnInit(): void {
    void this.store.refresh();
  }

  protected refreshIfShown(): void {
    if (this.store.pendingEmail()) void this.store.refresh();
  }
}

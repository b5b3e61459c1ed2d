import { TestBed } from '@angular/core/testing';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, EmailVerificationStore } from '@accord/web/shared/data-access';

import { EmailVerificationBannerComponent } from './email-verification-banner.component';

async function renderBanner(mustVerifyEmail: boolean): Promise<ApolloTestingController> {
  await render(EmailVerificationBannerComponent, {
    imports: [ApolloTestingModule],
    providers: [EmailVerificationStore],
  });
  TestBed.inject(AuthStore).setViewer({
    member: {
      id: 'm1',
      email: 'ada@acme.test',
      name: 'Ada',
      roles: ['ADMIN'],
      approver: false,
      status: 'ACTIVE',
    },
    workspace: { id: 'w1', name: 'Acme', timeZone: 'Europe/Paris', currency: 'EUR' },
  });
  const apollo = TestBed.inject(ApolloTestingController);
  answerStatus(apollo, mustVerifyEmail);
  return apollo;
}

function answerStatus(apollo: ApolloTestingController, mustVerifyEmail: boolean): void {
  apollo.expectOne('EmailVerificationStatus').flushData({
    viewer: {
      __typename: 'Viewer',
      mustVerifyEmail,
      member: { __typename: 'Member', id: 'm1', email: 'ada@acme.test' },
    },
  });
}

const statusText = () => screen.getByRole('status').textContent?.replace(/\s+/g, ' ').trim();

describe('EmailVerificationBannerComponent', () => {
  it('asks a member who must confirm their address to open the link, and sends a new one', async () => {
    const apollo = await renderBanner(true);

    await waitFor(() =>
      expect(statusText()).toBe(
        'Confirm your e-mail address, ada@acme.test, before you invite anyone: open the confirmation link e-mailed to you, or send a new one.',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send a new link' }));
    apollo.expectOne('SendEmailVerification').flushData({
      sendEmailVerification: {
        __typename: 'EmailVerificationRequest',
        expiresAt: '2026-11-28T09:00:00.000Z',
      },
    });

    // On the workspace's clock.
    await waitFor(() =>
      expect(statusText()).toBe(
        'We sent a new link to ada@acme.test; it works until 28 Nov 2026, 10:00 (Europe/Paris).',
      ),
    );
  });

  it('shows nothing once the address is confirmed, read again when the tab comes back', async () => {
    const apollo = await renderBanner(true);
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeNull());

    window.dispatchEvent(new Event('focus'));
    answerStatus(apollo, false);

    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    // Nothing shown, nothing more to ask.
    window.dispatchEvent(new Event('focus'));
    apollo.expectNone('EmailVerificationStatus');
  });

  it('says why a new link was not sent (a rate limit), and keeps the banner', async () => {
    const apollo = await renderBanner(true);
    await waitFor(() => expect(screen.queryByRole('button')).not.toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Send a new link' }));
    apollo.expectOne('SendEmailVerification').graphqlErrors([
      {
        message: 'Too many e-mails asked for this address; retry in 10 minutes.',
        extensions: { code: 'RATE_LIMITED' },
      },
    ]);

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe(
        'Too many e-mails asked for this address; retry in 10 minutes.',
      ),
    );
    expect(screen.getByRole('button', { name: 'Send a new link' })).toBeTruthy();
  });

  it('goes away when the address was confirmed meanwhile in another tab', async () => {
    const apollo = await renderBanner(true);
    await waitFor(() => expect(screen.queryByRole('button')).not.toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Send a new link' }));
    apollo
      .expectOne('SendEmailVerification')
      .graphqlErrors([{ message: 'ada@acme.test is already confirmed.', extensions: { code: 'CONFLICT' } }]);

    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows nothing to a member who need not confirm', async () => {
    await renderBanner(false);

    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect(screen.queryByRole('button')).toBeNull();
  });
});

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { GraphqlFetchStub, sessionAnswer } from '@accord/web/shared/data-access/testing';

import { AcceptInvitationPage } from './accept-invitation.page';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

const BAD_INVITATION = 'This invitation link is not valid: it was already used, has expired, or was revoked.';

/** The page opened with the token; a token's link is read at once, and answered as `preview` says. */
async function renderPage(
  token: string | undefined,
  preview: 'valid' | 'used' | 'unanswered' = 'valid',
): Promise<GraphqlFetchStub> {
  localStorage.clear();
  const api = GraphqlFetchStub.install();
  await render(AcceptInvitationPage, {
    inputs: { token },
    providers: [provideRouter([{ path: 'handovers', component: StubPage }])],
  });
  if (token === undefined) return api;
  const read = api.expectOne('OneTimeLink');
  expect(read.operation.variables).toEqual({ input: { token, purpose: 'INVITATION' } });
  if (preview === 'valid')
    read.flushData({
      oneTimeLink: {
        purpose: 'INVITATION',
        workspaceName: 'Northwind Traders',
        email: 'sam@acme.test',
        name: 'Sam Sales',
        roles: ['MARKETING', 'SALES'],
        sentBy: 'Ada Admin',
        expiresAt: '2099-01-01T00:00:00.000Z',
      },
    });
  else if (preview === 'used')
    read.graphqlErrors([{ message: BAD_INVITATION, extensions: { code: 'BAD_USER_INPUT' } }]);
  return api;
}

function choose(password: string, confirmation: string): void {
  fireEvent.input(screen.getByLabelText(/new password/i), { target: { value: password } });
  fireEvent.input(screen.getByLabelText(/confirm password/i), { target: { value: confirmation } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
}

describe('AcceptInvitationPage', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('explains a link without a token', async () => {
    await renderPage(undefined);

    expect(screen.getByRole('alert').textContent?.trim()).toBe(
      'This invitation link is incomplete. Ask your admin for a new one.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names the workspace, the inviting admin and the account, sets the password and signs the member in', async () => {
    const api = await renderPage('invite-token');
    await waitFor(() =>
      expect(
        screen
          .getByText(/Ada Admin invited you to join/)
          .textContent?.replace(/\s+/g, ' ')
          .trim(),
      ).toBe('Ada Admin invited you to join Northwind Traders as Marketing and Sales.'),
    );
    expect(screen.getByText('You will sign in as Sam Sales, sam@acme.test.')).toBeTruthy();

    choose('a long enough passphrase', 'a long enough passphrase');
    const accept = api.expectOne('AcceptInvitation');
    expect(accept.operation.variables).toEqual({
      input: { token: 'invite-token', password: 'a long enough passphrase' },
    });
    accept.flushData({
      acceptInvitation: sessionAnswer({
        id: 'm9',
        email: 'sam@acme.test',
        name: 'Sam Sales',
        roles: ['SALES'],
      }),
    });

    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/handovers'));
  });

  it('says as soon as it opens that the link can no longer be used, with no form', async () => {
    await renderPage('used-token', 'used');

    await waitFor(() => expect(screen.getByRole('alert').textContent?.trim()).toBe(BAD_INVITATION));
    expect(screen.getByText('Ask the admin who invited you for a new link.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows why the API refused the invitation when it could not be read first', async () => {
    const api = await renderPage('used-token', 'unanswered');

    choose('a long enough passphrase', 'a long enough passphrase');
    api
      .expectOne('AcceptInvitation')
      .graphqlErrors([{ message: BAD_INVITATION, extensions: { code: 'BAD_USER_INPUT' } }]);

    await waitFor(() => expect(screen.getByRole('alert').textContent?.trim()).toBe(BAD_INVITATION));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps the form when the API refuses the password itself', async () => {
    const api = await renderPage('invite-token');

    choose('sam@acme.test', 'sam@acme.test');
    api.expectOne('AcceptInvitation').graphqlErrors([
      {
        message: 'password: must not be your e-mail address',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'password', message: 'must not be your e-mail address' }],
        },
      },
    ]);

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe('password: must not be your e-mail address'),
    );
    expect(screen.getByRole('button', { name: 'Set password and sign in' })).toBeTruthy();
  });
});

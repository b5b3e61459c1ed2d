import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { GraphqlFetchStub, sessionAnswer } from '@accord/web/shared/data-access/testing';

import { AcceptInvitationPage } from './accept-invitation.page';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

async function renderPage(token: string | undefined): Promise<GraphqlFetchStub> {
  localStorage.clear();
  await render(AcceptInvitationPage, {
    inputs: { token },
    providers: [provideRouter([{ path: 'handovers', component: StubPage }])],
  });
  return GraphqlFetchStub.install();
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

  it('sets the password and signs the member in', async () => {
    const api = await renderPage('invite-token');

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

  it('shows why the API refused the invitation', async () => {
    const api = await renderPage('used-token');

    choose('a long enough passphrase', 'a long enough passphrase');
    api
      .expectOne('AcceptInvitation')
      .graphqlErrors([{ message: 'This invitation has expired.', extensions: { code: 'BAD_USER_INPUT' } }]);

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe('This invitation has expired.'),
    );
  });
});

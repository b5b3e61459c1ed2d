import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { GraphqlFetchStub } from '@accord/web/shared/data-access/testing';

import { ForgotPasswordPage } from './forgot-password.page';

/** Opens the page on an instance that e-mails links (or not), answering the page's first question. */
async function renderPage(mailsLinks = true): Promise<GraphqlFetchStub> {
  localStorage.clear();
  const api = GraphqlFetchStub.install();
  const { fixture } = await render(ForgotPasswordPage, { providers: [provideRouter([])] });
  api.expectOne('PasswordResetsMailed').flushData({ passwordResetsMailed: mailsLinks });
  await fixture.whenStable();
  if (mailsLinks) await screen.findByRole('button', { name: 'Send reset link' });
  return api;
}

function ask(email: string): void {
  fireEvent.input(screen.getByLabelText(/e-mail/i), { target: { value: email } });
  fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
}

describe('ForgotPasswordPage', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('asks for an e-mail address before calling the API', async () => {
    const api = await renderPage();

    ask('not an address');

    expect(await screen.findByText('Enter your e-mail address.')).toBeTruthy();
    api.expectNone('RequestPasswordReset');
  });

  it('says a link was sent if the e-mail has an account, whatever the API found', async () => {
    const api = await renderPage();

    ask(' riley@acme.test ');
    const request = api.expectOne('RequestPasswordReset');
    expect(request.operation.variables).toEqual({ input: { email: 'riley@acme.test' } });
    request.flushData({ requestPasswordReset: { __typename: 'PasswordResetRequest', mailed: true } });

    expect((await screen.findByRole('status')).textContent?.trim()).toBe(
      "If an account uses this e-mail, we've sent a link to reset its password. It works for one hour.",
    );
    expect(screen.queryByRole('button', { name: 'Send reset link' })).toBeNull();
  });

  it('offers no form until it knows whether links are e-mailed, and the form when the API cannot say', async () => {
    localStorage.clear();
    const api = GraphqlFetchStub.install();
    const { fixture } = await render(ForgotPasswordPage, { providers: [provideRouter([])] });
    expect(screen.queryByRole('button', { name: 'Send reset link' })).toBeNull();

    api
      .expectOne('PasswordResetsMailed')
      .graphqlErrors([{ message: 'down', extensions: { code: 'INTERNAL' } }], 500);
    await fixture.whenStable();
    expect(await screen.findByRole('button', { name: 'Send reset link' })).toBeTruthy();
  });

  it('says at once, before any address is typed, when the instance sends no e-mail', async () => {
    const api = await renderPage(false);

    expect((await screen.findByRole('status')).textContent?.trim()).toBe(
      'This Accord instance sends no e-mail: ask your workspace admin for a password reset link.',
    );
    expect(screen.queryByRole('button', { name: 'Send reset link' })).toBeNull();
    api.expectNone('RequestPasswordReset');
  });

  it('sends the member to their admin when the instance sends no e-mail', async () => {
    const api = await renderPage();

    ask('riley@acme.test');
    api
      .expectOne('RequestPasswordReset')
      .flushData({ requestPasswordReset: { __typename: 'PasswordResetRequest', mailed: false } });

    expect((await screen.findByRole('status')).textContent?.trim()).toBe(
      'This Accord instance sends no e-mail: ask your workspace admin for a password reset link.',
    );
  });

  it('shows a rate limit as the API words it, and lets the member try again', async () => {
    const api = await renderPage();

    ask('riley@acme.test');
    api.expectOne('RequestPasswordReset').graphqlErrors(
      [
        {
          message: 'Too many password reset requests for this e-mail address; retry in 12 minutes.',
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
      429,
    );

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe(
        'Too many password reset requests for this e-mail address; retry in 12 minutes.',
      ),
    );
    expect(screen.getByRole('button', { name: 'Send reset link' })).toBeTruthy();
  });
});

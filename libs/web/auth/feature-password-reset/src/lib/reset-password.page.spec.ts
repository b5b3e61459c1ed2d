import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { GraphqlFetchStub, sessionAnswer } from '@accord/web/shared/data-access/testing';

import { ResetPasswordPage } from './reset-password.page';

const BAD_LINK =
  'This password reset link is not valid: it was already used, has expired, or a newer one was sent. Ask for a new one.';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

/** The page opened with the token; a token's link is read at once, and answered as `preview` says. */
async function renderPage(
  token: string | undefined,
  preview: 'valid' | 'used' | 'unanswered' = 'valid',
): Promise<GraphqlFetchStub> {
  localStorage.clear();
  const api = GraphqlFetchStub.install();
  await render(ResetPasswordPage, {
    inputs: { token },
    providers: [
      provideRouter([
        { path: 'handovers', component: StubPage },
        { path: 'forgot-password', component: StubPage },
      ]),
    ],
  });
  if (token === undefined) return api;
  const read = api.expectOne('OneTimeLink');
  expect(read.operation.variables).toEqual({ input: { token, purpose: 'PASSWORD_RESET' } });
  if (preview === 'valid')
    read.flushData({
      oneTimeLink: {
        purpose: 'PASSWORD_RESET',
        workspaceName: 'Northwind Traders',
        email: 'sam@acme.test',
        name: 'Sam Sales',
        roles: ['SALES'],
        sentBy: null,
        expiresAt: '2099-01-01T00:00:00.000Z',
      },
    });
  else if (preview === 'used')
    read.graphqlErrors([{ message: BAD_LINK, extensions: { code: 'BAD_USER_INPUT' } }]);
  return api;
}

function choose(password: string, confirmation: string): void {
  fireEvent.input(screen.getByLabelText(/new password/i), { target: { value: password } });
  fireEvent.input(screen.getByLabelText(/confirm password/i), { target: { value: confirmation } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
}

describe('ResetPasswordPage', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('explains a link without a token, and offers a new one', async () => {
    await renderPage(undefined);

    expect(screen.getByRole('alert').textContent?.trim()).toBe('This password reset link is incomplete.');
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('names the account and its workspace, sets the new password, signs the member in and opens their home page', async () => {
    const api = await renderPage('reset-token');
    await waitFor(() =>
      expect(screen.getByText(/For Sam Sales, sam@acme.test, in/).textContent).toContain('Northwind Traders'),
    );

    choose('a long enough passphrase', 'a long enough passphrase');
    const reset = api.expectOne('ResetPassword');
    expect(reset.operation.variables).toEqual({
      input: { token: 'reset-token', password: 'a long enough passphrase' },
    });
    reset.flushData({
      resetPassword: sessionAnswer({ id: 'm9', email: 'sam@acme.test', name: 'Sam Sales', roles: ['SALES'] }),
    });

    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/handovers'));
  });

  it('says as soon as it opens that the link is used or expired, and offers a new one instead of the form', async () => {
    await renderPage('used-token', 'used');

    await waitFor(() => expect(screen.getByRole('alert').textContent?.trim()).toBe(BAD_LINK));
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says when the link was used meanwhile, and offers a new one instead of the form', async () => {
    // The link could not be read (the network); the form is there all the same, and the API refuses the link.
    const api = await renderPage('used-token', 'unanswered');

    choose('a long enough passphrase', 'a long enough passphrase');
    api
      .expectOne('ResetPassword')
      .graphqlErrors([{ message: BAD_LINK, extensions: { code: 'BAD_USER_INPUT' } }]);

    await waitFor(() => expect(screen.getByRole('alert').textContent?.trim()).toBe(BAD_LINK));
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps the form when the API refuses the password itself', async () => {
    const api = await renderPage('reset-token');

    choose('sam@acme.test', 'sam@acme.test');
    api.expectOne('ResetPassword').graphqlErrors([
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

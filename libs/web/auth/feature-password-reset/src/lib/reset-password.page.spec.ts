import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { GraphqlFetchStub, sessionAnswer } from '@accord/web/shared/data-access/testing';

import { ResetPasswordPage } from './reset-password.page';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

async function renderPage(token: string | undefined): Promise<GraphqlFetchStub> {
  localStorage.clear();
  await render(ResetPasswordPage, {
    inputs: { token },
    providers: [
      provideRouter([
        { path: 'handovers', component: StubPage },
        { path: 'forgot-password', component: StubPage },
      ]),
    ],
  });
  return GraphqlFetchStub.install();
}

function choose(password: string, confirmation: string): void {
  fireEvent.input(screen.getByLabelText(/new password/i), { target: { value: password } });
  fireEvent.input(screen.getByLabelText(/confirm password/i), { target: { value: confirmation } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
}

const BAD_LINK =
  'This password reset link is not valid: it was already used, has expired, or a newer one was sent. Ask for a new one.';

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

  it('sets the new password, signs the member in and opens their home page', async () => {
    const api = await renderPage('reset-token');

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

  it('says when the link is used or expired, and offers a new one instead of the form', async () => {
    const api = await renderPage('used-token');

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

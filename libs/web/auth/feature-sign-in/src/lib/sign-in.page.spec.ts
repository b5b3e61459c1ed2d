import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { AuthStore } from '@accord/web/shared/data-access';
import { GraphqlFetchStub } from '@accord/web/shared/data-access/testing';

import { SignInPage } from './sign-in.page';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

async function renderPage(inputs: Record<string, string> = {}) {
  localStorage.clear();
  await render(SignInPage, {
    inputs,
    providers: [
      provideRouter([
        { path: 'members', component: StubPage },
        { path: 'leads/:id', component: StubPage },
      ]),
    ],
  });
  return GraphqlFetchStub.install();
}

function fillIn(email: string, password: string): void {
  fireEvent.input(screen.getByLabelText(/e-mail/i), { target: { value: email } });
  fireEvent.input(screen.getByLabelText(/password/i), { target: { value: password } });
}

const adminSession = {
  __typename: 'AuthPayload',
  accessToken: 'token-1',
  expiresAt: '2099-01-01T00:00:00.000Z',
  member: {
    __typename: 'Member',
    id: 'm1',
    email: 'admin@demo.accord.dev',
    name: 'Ada Admin',
    roles: ['ADMIN'],
    approver: false,
    status: 'ACTIVE',
  },
  workspace: { __typename: 'Workspace', id: 'w1', name: 'Demo', timeZone: 'UTC', currency: 'USD' },
};

describe('SignInPage', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('offers a way back in to a member who forgot their password', async () => {
    await renderPage();

    expect(screen.getByRole('link', { name: 'Forgot your password?' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('asks for the e-mail and password before calling the API', async () => {
    const api = await renderPage();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your e-mail address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    api.expectNone('Login');
  });

  it('shows the API message in the alert region when the password is wrong', async () => {
    const api = await renderPage();
    fillIn('admin@demo.accord.dev', 'not-the-password');

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const login = api.expectOne('Login');
    expect(login.operation.variables).toEqual({
      input: { email: 'admin@demo.accord.dev', password: 'not-the-password' },
    });
    login.graphqlErrors([{ message: 'Wrong e-mail or password.', extensions: { code: 'UNAUTHENTICATED' } }]);

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe('Wrong e-mail or password.'),
    );
    expect(TestBed.inject(AuthStore).token()).toBeNull();
  });

  it("keeps the session and opens the member's home feature after signing in", async () => {
    const api = await renderPage();
    fillIn(' admin@demo.accord.dev ', 'accord-demo');

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    api.expectOne('Login').flushData({ login: adminSession });

    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/members'));
    expect(TestBed.inject(AuthStore).member()?.name).toBe('Ada Admin');
    expect(screen.getByRole('alert').textContent?.trim()).toBe('');
  });

  it('opens the page asked for before signing in, but never one outside the app', async () => {
    const api = await renderPage({ returnUrl: '/leads/l1?tab=signals' });
    fillIn('admin@demo.accord.dev', 'accord-demo');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    api.expectOne('Login').flushData({ login: adminSession });
    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/leads/l1?tab=signals'));
  });

  it('says when the API could not restore the session, and tries again', async () => {
    await renderPage({ unreachable: '1', returnUrl: '/leads/l2' });

    expect(screen.getByRole('status').textContent).toContain('could not be reached');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/leads/l2'));
  });
});

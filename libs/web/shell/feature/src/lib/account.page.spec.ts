import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { AuthStore } from '@accord/web/shared/data-access';
import { GraphqlFetchStub } from '@accord/web/shared/data-access/testing';

import { AccountPage } from './account.page';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

const MEMBER = {
  __typename: 'Member' as const,
  id: 'm1',
  email: 'ann@acme.test',
  name: 'Ann Admin',
  roles: ['ADMIN' as const],
  approver: false,
  status: 'ACTIVE' as const,
};
const WORKSPACE = {
  __typename: 'Workspace' as const,
  id: 'w1',
  name: 'Acme',
  timeZone: 'UTC',
  currency: 'USD',
};

async function renderPage(): Promise<GraphqlFetchStub> {
  localStorage.clear();
  await render(AccountPage, { providers: [provideRouter([{ path: 'sign-in', component: StubPage }])] });
  TestBed.inject(AuthStore).start({
    accessToken: 'old',
    expiresAt: '2099-01-01T00:00:00.000Z',
    member: MEMBER,
    workspace: WORKSPACE,
  });
  return GraphqlFetchStub.install();
}

function fillIn(current: string, next: string, confirmation = next): void {
  fireEvent.input(screen.getByLabelText(/current password/i), { target: { value: current } });
  fireEvent.input(screen.getByLabelText(/^new password/i), { target: { value: next } });
  fireEvent.input(screen.getByLabelText(/confirm new password/i), { target: { value: confirmation } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

function fieldErrors(): string[] {
  const form = screen.getByRole('button', { name: /change password|changing/i }).closest('form');
  return Array.from(form?.querySelectorAll('mat-error') ?? [], (error) => error.textContent?.trim() ?? '');
}

function alertText(): string {
  const form = screen.getByRole('button', { name: /change password|changing/i }).closest('form');
  return form?.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
}

describe('AccountPage', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('changes the password and goes on with the new session, saying the others ended', async () => {
    const api = await renderPage();
    fillIn('the old passphrase', 'a new long passphrase');

    const change = api.expectOne('ChangePassword');
    expect(change.operation.variables).toEqual({
      input: { currentPassword: 'the old passphrase', newPassword: 'a new long passphrase' },
    });
    change.flushData({
      changePassword: {
        __typename: 'AuthPayload',
        accessToken: 'new',
        expiresAt: '2099-01-01T00:00:00.000Z',
        member: MEMBER,
        workspace: WORKSPACE,
      },
    });

    await screen.findByText('Password changed. Your other sessions were signed out; this one goes on.');
    expect(TestBed.inject(AuthStore).token()).toBe('new');
    // The emptied fields start afresh: nothing in them is shown as wrong.
    expect(fieldErrors()).toEqual([]);
    expect(screen.getByLabelText<HTMLInputElement>(/current password/i).value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>(/^new password/i).value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>(/confirm new password/i).value).toBe('');
  });

  it('asks for the new password twice, and changes nothing until both agree', async () => {
    const api = await renderPage();
    fillIn('the old passphrase', 'a new long passphrase', 'a new long passfrase');

    await waitFor(() => expect(fieldErrors()).toEqual(['Does not match the new password.']));
    const confirmation = screen.getByLabelText(/confirm new password/i);
    expect(confirmation.getAttribute('aria-invalid')).toBe('true');
    api.expectNone('ChangePassword');

    // Changing the new password to what was confirmed makes the two agree.
    fireEvent.input(screen.getByLabelText(/^new password/i), { target: { value: 'a new long passfrase' } });
    await waitFor(() => expect(fieldErrors()).toEqual([]));
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(api.expectOne('ChangePassword').operation.variables).toEqual({
      input: { currentPassword: 'the old passphrase', newPassword: 'a new long passfrase' },
    });
  });

  it('shows why the API refused, and checks the new password before asking', async () => {
    const api = await renderPage();
    fillIn('the old passphrase', 'short');
    expect(await screen.findByText('Use between 10 and 200 characters.')).toBeTruthy();
    api.expectNone('ChangePassword');

    fillIn('not my password', 'a new long passphrase');
    api.expectOne('ChangePassword').graphqlErrors([
      {
        message: 'currentPassword: does not match your current password',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'currentPassword', message: 'does not match your current password' }],
        },
      },
    ]);
    await waitFor(() => expect(fieldErrors()).toEqual(['Does not match your current password.']));
    expect(alertText()).toBe('');
    expect(TestBed.inject(AuthStore).token()).toBe('old');
  });

  it("shows a refused new password under its field, and other errors in the form's alert", async () => {
    const api = await renderPage();
    fillIn('the old passphrase', 'ann@acme.test');
    api.expectOne('ChangePassword').graphqlErrors([
      {
        message: 'newPassword: must not be your e-mail address',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'newPassword', message: 'must not be your e-mail address' }],
        },
      },
    ]);
    await waitFor(() => expect(fieldErrors()).toEqual(['Must not be your e-mail address.']));
    expect(alertText()).toBe('');

    fillIn('the old passphrase', 'a new long passphrase');
    const message = 'Too many attempts. Try again in a minute.';
    api.expectOne('ChangePassword').graphqlErrors([{ message, extensions: { code: 'RATE_LIMITED' } }]);
    await waitFor(() => expect(alertText()).toBe(message));
    expect(fieldErrors()).toEqual([]);
  });

  it('signs out everywhere, then leaves for the sign-in page', async () => {
    const api = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    api.expectOne('SignOutEverywhere').flushData({ signOutEverywhere: true });

    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/sign-in'));
    expect(TestBed.inject(AuthStore).token()).toBeNull();
  });
});

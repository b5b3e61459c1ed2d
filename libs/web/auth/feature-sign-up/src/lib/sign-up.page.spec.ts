import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { GraphqlFetchStub, sessionAnswer } from '@accord/web/shared/data-access/testing';

import { SignUpPage } from './sign-up.page';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

async function renderPage(): Promise<GraphqlFetchStub> {
  localStorage.clear();
  await render(SignUpPage, {
    providers: [provideRouter([{ path: 'members', component: StubPage }])],
  });
  return GraphqlFetchStub.install();
}

function fillIn(password: string): void {
  fireEvent.input(screen.getByLabelText(/workspace name/i), { target: { value: ' Acme ' } });
  fireEvent.input(screen.getByLabelText(/your name/i), { target: { value: 'Ann Admin' } });
  fireEvent.input(screen.getByLabelText(/e-mail/i), { target: { value: 'ann@acme.test' } });
  fireEvent.input(screen.getByLabelText(/password/i), { target: { value: password } });
}

describe('SignUpPage', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('refuses a password shorter than the minimum without calling the API', async () => {
    const api = await renderPage();
    fillIn('short');

    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));

    expect(await screen.findByText('Use between 10 and 200 characters.')).toBeTruthy();
    api.expectNone('SignUp');
  });

  it('creates the workspace and opens the new admin’s home page', async () => {
    const api = await renderPage();
    fillIn('a long enough passphrase');

    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    const signUp = api.expectOne('SignUp');
    expect(signUp.operation.variables).toEqual({
      input: {
        workspaceName: 'Acme',
        name: 'Ann Admin',
        email: 'ann@acme.test',
        password: 'a long enough passphrase',
      },
    });
    signUp.flushData({
      signUp: sessionAnswer({ id: 'm1', email: 'ann@acme.test', name: 'Ann Admin', roles: ['ADMIN'] }),
    });

    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/members'));
  });

  it('shows why the API refused the sign-up', async () => {
    const api = await renderPage();
    fillIn('a long enough passphrase');

    fireEvent.click(screen.getByRole('button', { name: 'Create workspace' }));
    api
      .expectOne('SignUp')
      .graphqlErrors([{ message: 'This e-mail is already registered.', extensions: { code: 'CONFLICT' } }]);

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe('This e-mail is already registered.'),
    );
  });
});

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { provideRouter } from '@angular/router';
import { render, screen, waitFor } from '@testing-library/angular';

import { GraphqlFetchStub } from '@accord/web/shared/data-access/testing';

import { VerifyEmailPage } from './verify-email.page';

const BAD_LINK =
  'This confirmation link is not valid: it was already used, has expired, or a newer one was sent. Sign in to send a new one.';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

async function renderPage(token: string | undefined): Promise<GraphqlFetchStub> {
  localStorage.clear();
  const api = GraphqlFetchStub.install();
  await render(VerifyEmailPage, {
    inputs: { token },
    providers: [provideRouter([{ path: '**', component: StubPage }])],
  });
  return api;
}

describe('VerifyEmailPage', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('confirms the address as soon as it opens, signed out, and names the workspace', async () => {
    const api = await renderPage('a-confirmation-token');

    expect(screen.getByRole('status').textContent?.trim()).toBe('Confirming your address…');
    const verify = api.expectOne('VerifyEmail');
    expect(verify.operation.variables).toEqual({ input: { token: 'a-confirmation-token' } });
    verify.flushData({ verifyEmail: { email: 'ada@acme.test', workspaceName: 'Northwind Traders' } });

    await waitFor(() =>
      expect(screen.getByRole('status').textContent?.replace(/\s+/g, ' ').trim()).toBe(
        'ada@acme.test is confirmed for Northwind Traders.',
      ),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent?.trim()).toBe('E-mail address confirmed');
    expect(screen.getByRole('link', { name: 'Continue to Accord' }).getAttribute('href')).toBe('/');
  });

  it('says why a used, expired or replaced link confirms nothing, and where to get a new one', async () => {
    const api = await renderPage('a-used-token-of-length');

    api
      .expectOne('VerifyEmail')
      .graphqlErrors([{ message: BAD_LINK, extensions: { code: 'BAD_USER_INPUT' } }]);

    await waitFor(() => expect(screen.getByRole('alert').textContent?.trim()).toBe(BAD_LINK));
    expect(screen.getByRole('link', { name: 'Sign in to send a new one' }).getAttribute('href')).toBe(
      '/sign-in',
    );
  });

  it('calls a token cut short when copied what it is', async () => {
    const api = await renderPage('short');

    api.expectOne('VerifyEmail').graphqlErrors([
      {
        message: 'token: must be longer than or equal to 20 characters',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'token', message: 'must be longer than or equal to 20 characters' }],
        },
      },
    ]);

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent?.trim()).toBe(
        'This confirmation link is not valid: it may have been cut short when copied.',
      ),
    );
  });

  it('explains a link without a token and asks the API nothing', async () => {
    const api = await renderPage(undefined);

    expect(screen.getByRole('alert').textContent?.trim()).toBe('This confirmation link is incomplete.');
    api.expectNone('VerifyEmail');
  });
});

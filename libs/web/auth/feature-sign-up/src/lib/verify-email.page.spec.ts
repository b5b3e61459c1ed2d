import { ChangeDetectionStrategy, Component } from '@angular/core';
import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

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

function answerPreview(api: GraphqlFetchStub, token: string): void {
  const read = api.expectOne('OneTimeLink');
  expect(read.operation.variables).toEqual({ input: { token, purpose: 'VERIFY_EMAIL' } });
  read.flushData({
    oneTimeLink: {
      purpose: 'VERIFY_EMAIL',
      workspaceName: 'Northwind Traders',
      email: 'ada@acme.test',
      name: 'Ada Admin',
      roles: ['ADMIN'],
      sentBy: null,
      expiresAt: '2099-01-01T00:00:00.000Z',
    },
  });
}

const text = (element: HTMLElement) => element.textContent?.replace(/\s+/g, ' ').trim();

describe('VerifyEmailPage', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('names the address and workspace, and confirms them only when the member says so, signed out', async () => {
    const api = await renderPage('a-confirmation-token');
    answerPreview(api, 'a-confirmation-token');

    await waitFor(() =>
      expect(text(screen.getByText(/^\s*Confirm ada@acme.test/))).toBe(
        'Confirm ada@acme.test as the address of Ada Admin in Northwind Traders.',
      ),
    );
    // Opening the page confirms nothing: a mail scanner may open it.
    api.expectNone('VerifyEmail');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my address' }));
    const verify = api.expectOne('VerifyEmail');
    expect(verify.operation.variables).toEqual({ input: { token: 'a-confirmation-token' } });
    verify.flushData({ verifyEmail: { email: 'ada@acme.test', workspaceName: 'Northwind Traders' } });

    await waitFor(() =>
      expect(text(screen.getByRole('status'))).toBe('ada@acme.test is confirmed for Northwind Traders.'),
    );
    expect(text(screen.getByRole('heading', { level: 1 }))).toBe('E-mail address confirmed');
    expect(screen.getByRole('link', { name: 'Continue to Accord' }).getAttribute('href')).toBe('/');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says at once why a used, expired or replaced link confirms nothing, and where to get a new one', async () => {
    const api = await renderPage('a-used-token-of-length');

    api
      .expectOne('OneTimeLink')
      .graphqlErrors([{ message: BAD_LINK, extensions: { code: 'BAD_USER_INPUT' } }]);

    await waitFor(() => expect(screen.getByRole('alert').textContent?.trim()).toBe(BAD_LINK));
    expect(screen.getByRole('link', { name: 'Sign in to send a new one' }).getAttribute('href')).toBe(
      '/sign-in',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says so when the link was used meanwhile, in another tab', async () => {
    const api = await renderPage('a-confirmation-token');
    answerPreview(api, 'a-confirmation-token');
    await screen.findByRole('button', { name: 'Confirm my address' });

    fireEvent.click(screen.getByRole('button', { name: 'Confirm my address' }));
    api
      .expectOne('VerifyEmail')
      .graphqlErrors([{ message: BAD_LINK, extensions: { code: 'BAD_USER_INPUT' } }]);

    await waitFor(() => expect(screen.getByRole('alert').textContent?.trim()).toBe(BAD_LINK));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('calls a token cut short when copied what it is', async () => {
    const api = await renderPage('short');

    api.expectOne('OneTimeLink').graphqlErrors([
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
    api.expectNone('OneTimeLink');
  });
});

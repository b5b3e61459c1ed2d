import { TestBed } from '@angular/core/testing';

import { GraphqlFetchStub } from '../../testing/graphql-fetch';
import { ApiError, toApiError } from '../api/api-error';
import { postGraphql } from '../api/post-graphql';
import { ViewerDocument } from '../generated/session-operations';
import { inAppPath } from './auth.service';
import { AuthStore } from './auth.store';
import { restoreSession } from './restore-session';
import { SESSION_STORAGE_KEY } from './stored-session';

const viewer = {
  member: {
    id: 'm1',
    email: 'ada@acme.test',
    name: 'Ada',
    roles: ['ADMIN'],
    approver: false,
    status: 'ACTIVE',
  },
  workspace: { id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
};

function signedInStore(): AuthStore {
  localStorage.setItem(
    SESSION_STORAGE_KEY,
    JSON.stringify({ accessToken: 'stored-token', expiresAt: '2099-01-01T00:00:00.000Z' }),
  );
  return TestBed.inject(AuthStore);
}

describe('restoreSession', () => {
  afterEach(() => {
    GraphqlFetchStub.restore();
    localStorage.clear();
  });

  it('asks the API who the stored token belongs to', async () => {
    const api = GraphqlFetchStub.install();
    const store = signedInStore();

    const restoring = restoreSession(store);
    api.expectOne('Viewer').flushData({ viewer });

    expect(await restoring).toBe('signed-in');
    expect(store.member()?.name).toBe('Ada');
  });

  it('forgets a token the API refuses', async () => {
    const api = GraphqlFetchStub.install();
    const store = signedInStore();

    const restoring = restoreSession(store);
    api
      .expectOne('Viewer')
      .graphqlErrors([{ message: 'Signed out.', extensions: { code: 'UNAUTHENTICATED' } }]);

    expect(await restoring).toBe('signed-out');
    expect(store.token()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('keeps the token when the API cannot say whose it is', async () => {
    const api = GraphqlFetchStub.install();
    const store = signedInStore();

    const restoring = restoreSession(store);
    api
      .expectOne('Viewer')
      .graphqlErrors([{ message: 'restarting', extensions: { code: 'SERVICE_UNAVAILABLE' } }], 503);

    expect(await restoring).toBe('unknown');
    expect(store.token()).toBe('stored-token');
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).not.toBeNull();
  });

  it('shares one request between the callers who ask at once', async () => {
    const api = GraphqlFetchStub.install();
    const store = signedInStore();

    const first = restoreSession(store);
    const second = restoreSession(store);
    api.expectOne('Viewer').flushData({ viewer });

    expect(await Promise.all([first, second])).toEqual(['signed-in', 'signed-in']);
  });

  it('does not call the API without a stored token', async () => {
    const api = GraphqlFetchStub.install();

    expect(await restoreSession(TestBed.inject(AuthStore))).toBe('signed-out');
    api.expectNone('Viewer');
  });
});

/** The ApiError a failed post turns into. */
function failure(posting: Promise<unknown>): Promise<ApiError> {
  return posting.then(
    () => Promise.reject(new Error('the post succeeded')),
    (error: unknown) => toApiError(error),
  );
}

describe('postGraphql', () => {
  afterEach(() => GraphqlFetchStub.restore());

  it('sends the token and answers the data', async () => {
    const api = GraphqlFetchStub.install();

    const posting = postGraphql(ViewerDocument, {}, 'a-token');
    api.expectOne('Viewer').flushData({ viewer });

    expect((await posting).viewer.workspace.name).toBe('Acme');
  });

  it('turns GraphQL errors into the API error pages show', async () => {
    const api = GraphqlFetchStub.install();

    const posting = failure(postGraphql(ViewerDocument, {}, null));
    api
      .expectOne('Viewer')
      .graphqlErrors([{ message: 'Too many attempts.', extensions: { code: 'BAD_USER_INPUT' } }], 400);

    expect(await posting).toEqual({ code: 'BAD_USER_INPUT', message: 'Too many attempts.', fields: [] });
  });

  it('reports a server error or an unreachable API as a network problem', async () => {
    const api = GraphqlFetchStub.install();

    const failing = failure(postGraphql(ViewerDocument, {}, null));
    api
      .expectOne('Viewer')
      .graphqlErrors([{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }], 503);
    expect((await failing).code).toBe('NETWORK');

    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect((await failure(postGraphql(ViewerDocument, {}, null))).code).toBe('NETWORK');
  });
});

describe('inAppPath', () => {
  it.each([
    ['/leads/l1?tab=signals', '/leads/l1?tab=signals'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['https://evil.example', null],
    ['/sign-in?returnUrl=/x', null],
    ['/reset-password?token=t', null],
    ['/forgot-password', null],
    ['/verify-email?token=t', null],
    [undefined, null],
  ])('takes %s as %s', (url, path) => {
    expect(inAppPath(url)).toBe(path);
  });
});

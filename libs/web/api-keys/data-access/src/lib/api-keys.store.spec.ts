import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { ApiKeysStore } from './api-keys.store';

function apiKey(id: string, revokedAt: string | null = null) {
  return {
    __typename: 'ApiKey',
    id,
    name: `Key ${id}`,
    prefix: `acc_${id}`,
    createdAt: '2026-11-20T08:15:00.000Z',
    lastUsedAt: null,
    revokedAt,
  };
}

function setUp() {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [ApiKeysStore] });
  return { store: TestBed.inject(ApiKeysStore), apollo: TestBed.inject(ApolloTestingController) };
}

describe('ApiKeysStore', () => {
  it('adds a created key to the list and hands back its secret', async () => {
    const { store, apollo } = setUp();
    const loading = store.load();
    apollo.expectOne('ApiKeys').flushData({ apiKeys: [apiKey('a')] });
    await loading;

    const creating = store.create('Website tracking', true);
    const create = apollo.expectOne('CreateApiKey');
    expect(create.operation.variables).toEqual({ name: 'Website tracking', imports: true });
    create.flushData({
      createApiKey: { __typename: 'CreatedApiKey', secret: 'acc_b_secret', apiKey: apiKey('b') },
    });
    const result = await creating;

    expect(result.ok && result.value.secret).toBe('acc_b_secret');
    expect(store.rows().map((row) => row.id)).toEqual(['a', 'b']);
  });

  it('marks a revoked key as revoked', async () => {
    const { store, apollo } = setUp();
    const loading = store.load();
    apollo.expectOne('ApiKeys').flushData({ apiKeys: [apiKey('a')] });
    await loading;

    const revoking = store.revoke('a');
    apollo.expectOne('RevokeApiKey').flushData({ revokeApiKey: apiKey('a', '2026-11-25T09:00:00.000Z') });
    await revoking;

    expect(store.rows().map((row) => [row.id, row.status, row.active])).toEqual([
      ['a', 'Revoked 25 Nov 2026, 09:00 UTC', false],
    ]);
  });

  it('keeps the error when the keys cannot be loaded', async () => {
    const { store, apollo } = setUp();
    const loading = store.load();
    apollo
      .expectOne('ApiKeys')
      .graphqlErrors([{ message: 'Only admins.', extensions: { code: 'FORBIDDEN' } }]);
    await loading;

    expect([store.loadError()?.code, store.rows()]).toEqual(['FORBIDDEN', []]);
  });
});

import type { ApiKeyFieldsFragment } from '@accord/web/shared/data-access';

import { sortApiKeys, toApiKeyRow } from './api-key-row';

function key(overrides: Partial<ApiKeyFieldsFragment>): ApiKeyFieldsFragment {
  return {
    id: 'k1',
    name: 'Website tracking',
    prefix: 'acc_1a2b',
    createdAt: '2026-11-20T08:15:00.000Z',
    lastUsedAt: null,
    revokedAt: null,
    imports: false,
    ...overrides,
  };
}

describe('toApiKeyRow', () => {
  it('words an active key that was never used', () => {
    expect(toApiKeyRow(key({}))).toEqual({
      id: 'k1',
      name: 'Website tracking',
      prefix: 'acc_1a2b…',
      created: '20 Nov 2026, 08:15 UTC',
      lastUsed: 'Never',
      status: 'Active',
      allows: 'Leads, signals',
      active: true,
    });
  });

  it('words a revoked key with when it was last used', () => {
    expect(
      toApiKeyRow(key({ lastUsedAt: '2026-11-21T10:00:00.000Z', revokedAt: '2026-11-22T11:30:00.000Z' })),
    ).toMatchObject({
      lastUsed: '21 Nov 2026, 10:00 UTC',
      status: 'Revoked 22 Nov 2026, 11:30 UTC',
      active: false,
    });
  });

  it('says a key that may import does so besides sending', () => {
    expect(toApiKeyRow(key({ imports: true })).allows).toBe('Leads, signals, imports');
  });
});

describe('sortApiKeys', () => {
  it('puts active keys first, newest first within each group', () => {
    const keys = [
      key({ id: 'old', createdAt: '2026-01-01T00:00:00.000Z' }),
      key({ id: 'revoked', createdAt: '2026-12-01T00:00:00.000Z', revokedAt: '2026-12-02T00:00:00.000Z' }),
      key({ id: 'new', createdAt: '2026-06-01T00:00:00.000Z' }),
    ];

    expect(sortApiKeys(keys).map((entry) => entry.id)).toEqual(['new', 'old', 'revoked']);
  });
});

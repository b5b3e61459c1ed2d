import { type ApiKeyFieldsFragment, utcMinute } from '@accord/web/shared/data-access';

/** One line of the API keys table, already worded for display. */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  status: string;
  /** What the key may do: every key sends leads and signals; some also import files. */
  allows: string;
  active: boolean;
}

export function toApiKeyRow(key: ApiKeyFieldsFragment): ApiKeyRow {
  return {
    id: key.id,
    name: key.name,
    prefix: `${key.prefix}…`,
    created: utcMinute(key.createdAt),
    lastUsed: key.lastUsedAt ? utcMinute(key.lastUsedAt) : 'Never',
    status: key.revokedAt ? `Revoked ${utcMinute(key.revokedAt)}` : 'Active',
    allows: key.imports ? 'Leads, signals, imports' : 'Leads, signals',
    active: key.revokedAt === null,
  };
}

/** Active keys first, then newest first, so the keys in use lead the table. */
export function sortApiKeys(keys: readonly ApiKeyFieldsFragment[]): ApiKeyFieldsFragment[] {
  return [...keys].sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
      b.createdAt.localeCompare(a.createdAt) ||
      a.id.localeCompare(b.id),
  );
}

import type { ApiKeyFieldsFragment } from '@accord/web/shared/data-access';

/** One line of the API keys table, already worded for display. */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string;
  status: string;
  active: boolean;
}

/** "2026-11-25 09:05 UTC": keys are compared across people and time zones, so times read in UTC. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function toApiKeyRow(key: ApiKeyFieldsFragment): ApiKeyRow {
  return {
    id: key.id,
    name: key.name,
    prefix: `${key.prefix}…`,
    created: utcMinute(key.createdAt),
    lastUsed: key.lastUsedAt ? utcMinute(key.lastUsedAt) : 'Never',
    status: key.revokedAt ? `Revoked ${utcMinute(key.revokedAt)}` : 'Active',
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

/** The part of a session kept across reloads: the token and when it stops being valid. */
export interface StoredSession {
  accessToken: string;
  expiresAt: string;
}

export const SESSION_STORAGE_KEY = 'accord.session';

/** Reads a stored session, dropping anything malformed or already expired at `now`. */
export function parseStoredSession(raw: string | null, now: Date): StoredSession | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { accessToken, expiresAt } = value as Record<string, unknown>;
  if (typeof accessToken !== 'string' || accessToken === '' || typeof expiresAt !== 'string') return null;
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry) || expiry <= now.getTime()) return null;
  return { accessToken, expiresAt };
}

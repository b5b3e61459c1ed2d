/** Attempts at one message before it is given up as FAILED: the last comes about 13 hours after the first. */
export const MAX_MAIL_ATTEMPTS = 6;

const FIRST_RETRY_DELAY_MS = 60_000;
const MAX_RETRY_DELAY_MS = 12 * 60 * 60_000;

/**
 * When a message that failed its `attempts`-th attempt (1-based) at `at` is tried again — 1 min, 5 min, 25 min,
 * about 2 h, then 10 h later — or null once the attempts run out. A mail server that is down for an hour or
 * restarts overnight loses nothing; one that refuses an address for good stops being asked within a day.
 */
export function nextMailAttempt(attempts: number, at: Date): Date | null {
  if (attempts >= MAX_MAIL_ATTEMPTS) return null;
  const exponent = Math.max(0, attempts - 1);
  const delay = Math.min(FIRST_RETRY_DELAY_MS * 5 ** exponent, MAX_RETRY_DELAY_MS);
  return new Date(at.getTime() + delay);
}

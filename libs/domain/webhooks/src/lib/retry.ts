/** A delivery is tried at most this many times, then FAILED (an admin may redeliver it). */
export const MAX_DELIVERY_ATTEMPTS = 8;

/** The wait after the first failed attempt; each further failure waits four times longer, up to the cap. */
export const FIRST_RETRY_DELAY_MS = 30_000;
export const MAX_RETRY_DELAY_MS = 12 * 3600_000;

/** How long an endpoint has to answer one attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * The wait before the next attempt after `attempts` failed ones (1-based): 30 s, 2 min, 8 min, 32 min, 2 h 8 min,
 * 8 h 32 min, 12 h — about a day from the first attempt to the eighth. `jitter` in [0, 1) adds up to a tenth
 * more, so endpoints that failed together are not retried together.
 */
export function retryDelayMs(attempts: number, jitter = 0): number {
  const exponent = Math.max(0, Math.min(attempts, 30) - 1);
  const base = Math.min(FIRST_RETRY_DELAY_MS * 4 ** exponent, MAX_RETRY_DELAY_MS);
  return Math.round(base * (1 + Math.min(Math.max(jitter, 0), 0.999) / 10));
}

export type AttemptOutcome = { delivered: true } | { delivered: false; retryAt: Date | null };

/** What follows an attempt: delivered on a 2xx; else retried later, or given up (retryAt null) at the limit. */
export function afterAttempt(
  statusCode: number | null,
  attempts: number,
  at: Date,
  maxAttempts = MAX_DELIVERY_ATTEMPTS,
  jitter = 0,
): AttemptOutcome {
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { delivered: true };
  if (attempts >= maxAttempts) return { delivered: false, retryAt: null };
  return { delivered: false, retryAt: new Date(at.getTime() + retryDelayMs(attempts, jitter)) };
}

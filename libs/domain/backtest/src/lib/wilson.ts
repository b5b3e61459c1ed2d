/** Below this many observations a rate is flagged as a small sample: its interval is too wide to act on. */
export const SMALL_SAMPLE = 30;

/** A proportion with its 95% Wilson score interval. */
export interface Rate {
  successes: number;
  n: number;
  /** successes / n, or null when n is 0. */
  rate: number | null;
  low: number | null;
  high: number | null;
  /** n < SMALL_SAMPLE. */
  small: boolean;
}

const Z = 1.959963984540054;

/**
 * The Wilson score interval: unlike the normal approximation it stays inside [0, 1] and is honest for small n
 * and rates near 0 or 1, which is where a grade's win rate usually sits.
 */
export function wilson(successes: number, n: number): Rate {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n)
    throw new RangeError(`wilson needs 0 ≤ successes ≤ n, whole numbers: got ${successes}/${n}`);
  if (n === 0) return { successes, n, rate: null, low: null, high: null, small: true };
  const p = successes / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return {
    successes,
    n,
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
    small: n < SMALL_SAMPLE,
  };
}

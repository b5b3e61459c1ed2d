/** The middle value of a list (the mean of the two middle ones for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** numerator ÷ denominator as a percentage (0–100); null when there is nothing to divide by. */
export function percentage(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (numerator * 100) / denominator : null;
}

/** numerator ÷ denominator; null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Whole days and fractions between two instants ("12.5" for twelve and a half days). */
export function daysBetweenInstants(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / 86_400_000;
}

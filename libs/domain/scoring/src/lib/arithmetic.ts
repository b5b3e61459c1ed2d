/** Adds in the order given, so that the same list always gives the same float. */
export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Largest magnitude first; ties keep their order (the sort is stable), so the result is deterministic. */
export function largestFirst<T extends { contribution: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}

/** Weighted choices: each value with its relative weight. */
export type Weighted<T> = readonly (readonly [T, number])[];

/**
 * A small, fast, seeded PRNG (mulberry32) with the draws the generator needs: the same seed gives the same
 * workspace, ids included.
 */
export class Random {
  private state: number;
  private ids = 0;

  /**
   * `tag` makes the ids this generator draws unique among generators with different tags (a lead's index):
   * 32-bit streams repeat across a million leads, so ids cannot be random alone.
   */
  constructor(
    seed: number,
    private readonly tag = 0,
  ) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  item<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  weighted<T>(entries: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A standard normal draw (Box–Muller). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** An exponential draw with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /**
   * A version 4 format UUID that repeats with the seed: random but for its last 12 digits, which hold the tag
   * and how many ids this generator drew before, so two ids of one workspace never collide.
   */
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    const variant = (8 + Math.floor(this.next() * 4)).toString(16);
    const unique = (this.tag * 4096 + (this.ids++ % 4096)).toString(16).padStart(12, '0');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${unique}`;
  }
}

/** A seed for one lead of a workspace: leads can be generated independently and still repeat with the seed. */
export function leadSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

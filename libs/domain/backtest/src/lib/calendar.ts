const DAY_MS = 86_400_000;

/** The UTC month of a moment, as "YYYY-MM". */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The Monday (UTC) starting the week of a moment, as "YYYY-MM-DD". */
export function weekOf(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const monday = day - ((day + 3) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

/** Every month touched by [from, to), oldest first. */
export function monthsBetween(fromMs: number, toMs: number): string[] {
  const months: string[] = [];
  const cursor = new Date(fromMs);
  let year = cursor.getUTCFullYear();
  let month = cursor.getUTCMonth();
  for (;;) {
    const start = Date.UTC(year, month, 1);
    if (start >= toMs) break;
    months.push(monthOf(start));
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}

/**
 * How many months [from, to) spans, each month counted by the share of its days inside, at least one: 1 January to
 * 1 March is 2, and a year from 28 November is 12 — where counting the months it touches would say 13, and an
 * average per month would come out 8% low.
 */
export function monthsIn(fromMs: number, toMs: number): number {
  let months = 0;
  const cursor = new Date(fromMs);
  let start = Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth(), 1);
  while (start < toMs) {
    const next = new Date(start);
    const end = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
    months += (Math.min(end, toMs) - Math.max(start, fromMs)) / (end - start);
    start = end;
  }
  return Math.max(1, months);
}

/** Weeks (of 7 days) the window spans, at least one. */
export function weeksIn(fromMs: number, toMs: number): number {
  return Math.max(1, (toMs - fromMs) / (7 * DAY_MS));
}

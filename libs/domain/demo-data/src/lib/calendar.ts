const DAY_MS = 86_400_000;

/** How busy each month is, January first: quiet summers and Decembers, pushes in each quarter's last month. */
export const MONTH_WEIGHTS = [1.0, 1.05, 1.25, 1.0, 1.05, 1.2, 0.7, 0.6, 1.2, 1.1, 1.1, 0.6] as const;

/** Relative activity at `at`: the month's weight, far less at weekends, and a business growing over the period. */
export function activityWeight(at: Date, start: Date, now: Date): number {
  const day = at.getUTCDay();
  const weekend = day === 0 || day === 6 ? 0.25 : 1;
  const growth = 1 + (0.5 * (at.getTime() - start.getTime())) / Math.max(1, now.getTime() - start.getTime());
  return MONTH_WEIGHTS[at.getUTCMonth()] * weekend * growth;
}

/** The largest activityWeight can be, for rejection sampling. */
export const MAX_ACTIVITY_WEIGHT = Math.max(...MONTH_WEIGHTS) * 1.5;

/** The first instant of the quarter after the one `at` falls in (UTC). */
export function nextQuarterStart(at: Date): Date {
  const quarter = Math.floor(at.getUTCMonth() / 3);
  return new Date(Date.UTC(at.getUTCFullYear(), quarter * 3 + 3, 1));
}

/** `at` moved into working hours (09:00–17:59 UTC) of a weekday, at or after `at`'s day. */
export function workingTime(at: Date, minuteOfDay: number): Date {
  let day = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day += 2 * DAY_MS;
  else if (weekday === 0) day += DAY_MS;
  const time = day + (9 * 60 + (minuteOfDay % (9 * 60))) * 60_000;
  return new Date(Math.max(time, at.getTime()));
}

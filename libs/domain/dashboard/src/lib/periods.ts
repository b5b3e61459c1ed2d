/** A calendar day in a workspace's time zone, "2026-11-25". */
export type LocalDate = string;

export const DASHBOARD_GRANULARITIES = ['WEEK', 'MONTH', 'QUARTER'] as const;
export type DashboardGranularity = (typeof DASHBOARD_GRANULARITIES)[number];

/** The most points a trend line shows; a finer series is coarsened (weeks → months → quarters). */
export const MAX_TREND_POINTS = 26;

const DAY_MS = 86_400_000;

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

let canonicalZones: ReadonlySet<string> | null = null;

/**
 * True for a canonical IANA time zone name ("Europe/Berlin") or UTC. Intl also formats in old aliases
 * ("US/Pacific-New", "AET") that PostgreSQL's `AT TIME ZONE` refuses, which would fail every dashboard query of
 * a workspace that chose one; its list of canonical names is all known to PostgreSQL, and it leaves out UTC.
 */
export function isTimeZone(timeZone: string): boolean {
  canonicalZones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  return canonicalZones.has(timeZone);
}

/** The day an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  return dayFormat(timeZone).format(instant);
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (negative west of Greenwich). */
export function zoneOffset(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    clockFormat(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(
    Number(parts['year']),
    Number(parts['month']) - 1,
    Number(parts['day']),
    Number(parts['hour']),
    Number(parts['minute']),
    Number(parts['second']),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

function parseDate(date: LocalDate): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

function formatDate(utcMidnight: number): LocalDate {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

/** The instant a local day starts in a time zone (its first existing minute, if midnight was skipped). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [year, month, day] = parseDate(date);
  const wallMidnight = Date.UTC(year, month - 1, day);
  // Two passes settle the offset on either side of a daylight-saving change.
  let instant = wallMidnight - zoneOffset(new Date(wallMidnight), timeZone);
  instant = wallMidnight - zoneOffset(new Date(instant), timeZone);
  if (localDate(new Date(instant), timeZone) !== date) instant += 3_600_000;
  return new Date(instant);
}

/** The date `days` days after a date (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [year, month, day] = parseDate(date);
  return formatDate(Date.UTC(year, month - 1, day + days));
}

/** Whole days from one date to another. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const [y1, m1, d1] = parseDate(from);
  const [y2, m2, d2] = parseDate(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** The first day of the week (Monday, as ISO 8601 counts), month or quarter a date falls in. */
export function bucketStartDate(date: LocalDate, granularity: DashboardGranularity): LocalDate {
  const [year, month, day] = parseDate(date);
  switch (granularity) {
    case 'WEEK': {
      const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
      return addDays(date, -weekday);
    }
    case 'MONTH':
      return formatDate(Date.UTC(year, month - 1, 1));
    case 'QUARTER':
      return formatDate(Date.UTC(year, Math.floor((month - 1) / 3) * 3, 1));
  }
}

/** The first day of the next week, month or quarter after the one starting on `start`. */
export function nextBucketDate(start: LocalDate, granularity: DashboardGranularity): LocalDate {
  const [year, month, day] = parseDate(start);
  switch (granularity) {
    case 'WEEK':
      return addDays(start, 7);
    case 'MONTH':
      return formatDate(Date.UTC(year, month, day));
    case 'QUARTER':
      return formatDate(Date.UTC(year, month + 2, day));
  }
}

/** One point of a trend: the local days [startDate, endDate) and the instant the first starts. */
export interface Bucket {
  startDate: LocalDate;
  endDate: LocalDate;
  start: Date;
}

export interface Period {
  from: Date;
  to: Date;
  timeZone: string;
}

function bucketsAt(period: Period, granularity: DashboardGranularity): Bucket[] {
  const first = bucketStartDate(localDate(period.from, period.timeZone), granularity);
  // `to` is exclusive: the last day counted is the one its previous millisecond falls on.
  const last = localDate(new Date(period.to.getTime() - 1), period.timeZone);
  const buckets: Bucket[] = [];
  for (let start = first; start <= last; start = nextBucketDate(start, granularity)) {
    const endDate = nextBucketDate(start, granularity);
    buckets.push({ startDate: start, endDate, start: startOfLocalDay(start, period.timeZone) });
  }
  return buckets;
}

/**
 * The calendar buckets covering a period in its time zone, at the granularity asked for or — when that would
 * draw more than MAX_TREND_POINTS points — the next coarser one that fits.
 */
export function periodBuckets(
  period: Period,
  granularity: DashboardGranularity,
): { granularity: DashboardGranularity; buckets: Bucket[] } {
  const order = DASHBOARD_GRANULARITIES.slice(DASHBOARD_GRANULARITIES.indexOf(granularity));
  for (const candidate of order) {
    const buckets = bucketsAt(period, candidate);
    if (buckets.length <= MAX_TREND_POINTS || candidate === 'QUARTER')
      return { granularity: candidate, buckets };
  }
  /* istanbul ignore next -- QUARTER always returns above */
  throw new Error('unreachable');
}

/** The index of the bucket a local date falls in, or -1 outside them all (buckets are in order). */
export function bucketIndex(buckets: readonly Bucket[], date: LocalDate): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const bucket = buckets[middle];
    if (date < bucket.startDate) high = middle - 1;
    else if (date >= bucket.endDate) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** A short, locale-free label of a bucket: "2026-11-23" (week of), "2026-11", "2026-Q4". */
export function bucketLabel(startDate: LocalDate, granularity: DashboardGranularity): string {
  const [year, month] = parseDate(startDate);
  switch (granularity) {
    case 'WEEK':
      return startDate;
    case 'MONTH':
      return startDate.slice(0, 7);
    case 'QUARTER':
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  }
}

/**
 * The period's length in days as its time zone's calendar counts them when it runs from a local midnight to
 * another (a month with a daylight-saving change is still 31 days), else in elapsed time.
 */
export function periodDays(period: Period): number {
  const fromDate = localDate(period.from, period.timeZone);
  const toDate = localDate(period.to, period.timeZone);
  if (isLocalMidnight(period.from, period.timeZone) && isLocalMidnight(period.to, period.timeZone))
    return daysBetween(fromDate, toDate);
  return (period.to.getTime() - period.from.getTime()) / DAY_MS;
}

/** Whole calendar months in the period when it runs from a first of a month to another, else null. */
export function periodWholeMonths(period: Period): number | null {
  const fromDate = localDate(period.from, period.timeZone);
  const toDate = localDate(period.to, period.timeZone);
  if (!isLocalMidnight(period.from, period.timeZone) || !isLocalMidnight(period.to, period.timeZone))
    return null;
  if (!fromDate.endsWith('-01') || !toDate.endsWith('-01')) return null;
  const [y1, m1] = parseDate(fromDate);
  const [y2, m2] = parseDate(toDate);
  return (y2 - y1) * 12 + (m2 - m1);
}

function isLocalMidnight(instant: Date, timeZone: string): boolean {
  return startOfLocalDay(localDate(instant, timeZone), timeZone).getTime() === instant.getTime();
}

/** The first day of the bucket `steps` buckets after (or, negative, before) the one starting on `start`. */
export function addBuckets(start: LocalDate, granularity: DashboardGranularity, steps: number): LocalDate {
  const [year, month, day] = parseDate(start);
  switch (granularity) {
    case 'WEEK':
      return addDays(start, 7 * steps);
    case 'MONTH':
      return formatDate(Date.UTC(year, month - 1 + steps, day));
    case 'QUARTER':
      return formatDate(Date.UTC(year, month - 1 + 3 * steps, day));
  }
}

/**
 * The week, month or quarter an instant falls in, `steps` periods later (negative: earlier), from one local
 * midnight to the next period's: what the dashboard's period picker sends ("this month", "last quarter").
 */
export function calendarPeriod(
  instant: Date,
  granularity: DashboardGranularity,
  timeZone: string,
  steps = 0,
): Period {
  const start = addBuckets(bucketStartDate(localDate(instant, timeZone), granularity), granularity, steps);
  return {
    from: startOfLocalDay(start, timeZone),
    to: startOfLocalDay(nextBucketDate(start, granularity), timeZone),
    timeZone,
  };
}

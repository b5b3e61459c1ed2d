import type { DashboardFilterInput } from './filter';
import type { MetricUnit } from './metrics';
import {
  Period,
  addBuckets,
  addDays,
  bucketStartDate,
  daysBetween,
  localDate,
  startOfLocalDay,
} from './periods';

export const TARGET_PERIODS = ['WEEK', 'MONTH', 'QUARTER'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

/** A KPI of the agreement's catalogue, as far as the dashboard reads it. */
export interface KpiEntry {
  key: string;
  name: string;
  definition: string;
  target: { value: number; period: TargetPeriod } | null;
}

const MONTHS_PER: Record<Exclude<TargetPeriod, 'WEEK'>, number> = { MONTH: 1, QUARTER: 3 };
const EPOCH = '1970-01-01';

/**
 * Where an instant is in the time zone's calendar, in days since 1970-01-01: the local day's number plus the part
 * of that local day elapsed. A local midnight is a whole number, so a period between local midnights measures
 * calendar days (a day of 23 or 25 hours is still one), and adjacent periods' lengths add up exactly.
 */
function calendarPosition(instant: Date, timeZone: string): number {
  const date = localDate(instant, timeZone);
  const start = startOfLocalDay(date, timeZone).getTime();
  const end = startOfLocalDay(addDays(date, 1), timeZone).getTime();
  return daysBetween(EPOCH, date) + (instant.getTime() - start) / (end - start);
}

/**
 * `value` per target period, over the selected period. Weeks count days over 7. Months and quarters count each
 * calendar month the period touches by the share of that month's own days it covers (November's 4 days are 4/30
 * of a month, January's 31 days one month), a quarter being three months — so periods that split a month (two
 * versions in force in November) add up to exactly the month's target. Multiplies before dividing, so that 60 a
 * month over 26 of November's 30 days is exactly 52.
 */
function scaleBy(value: number, period: Period, targetPeriod: TargetPeriod): number {
  const from = calendarPosition(period.from, period.timeZone);
  const to = calendarPosition(period.to, period.timeZone);
  if (to <= from) return 0;
  if (targetPeriod === 'WEEK') return (value * (to - from)) / 7;
  const perMonth = MONTHS_PER[targetPeriod];
  const lastDay = localDate(new Date(period.to.getTime() - 1), period.timeZone);
  let wholeMonths = 0;
  let parts = 0;
  for (
    let month = bucketStartDate(localDate(period.from, period.timeZone), 'MONTH');
    month <= lastDay;
    month = addBuckets(month, 'MONTH', 1)
  ) {
    const start = daysBetween(EPOCH, month);
    const end = daysBetween(EPOCH, addBuckets(month, 'MONTH', 1));
    const covered = Math.min(to, end) - Math.max(from, start);
    if (covered >= end - start) wholeMonths += 1;
    else if (covered > 0) parts += (value * covered) / ((end - start) * perMonth);
  }
  return (value * wholeMonths) / perMonth + parts;
}

/**
 * How many of the target's periods the selected period holds: weeks are its days over 7; months (and thirds of
 * a quarter) are counted month by month, each by its own days (November is one month and a third of a quarter;
 * its last 4 days are 4/30 of a month).
 */
export function targetPeriods(period: Period, targetPeriod: TargetPeriod): number {
  return scaleBy(1, period, targetPeriod);
}

/**
 * The target for the selected period: counts and amounts scale with the period's length; rates, durations and
 * ratios are the same whatever the period ("90 % within SLA", "30 days to close", "8 calls per meeting").
 */
export function scaledTarget(
  target: { value: number; period: TargetPeriod } | null,
  unit: MetricUnit,
  period: Period,
): number | null {
  if (!target) return null;
  switch (unit) {
    case 'RATE':
    case 'DAYS':
    case 'RATIO':
      return target.value;
    case 'COUNT':
    case 'AMOUNT':
      return scaleBy(target.value, period, target.period);
  }
}

/** Whether a target adds up over time: a count's or an amount's does; a rate, duration or ratio is a level. */
export function accrues(unit: MetricUnit): boolean {
  return unit === 'COUNT' || unit === 'AMOUNT';
}

/**
 * The part of a count's or amount's target due by `now`, until its period ends: the target scaled over the
 * period's elapsed part, counted as targets are (the 10th of November at noon is 9.5 of its 30 days). On day two
 * of a month, 2 MQLs against a monthly 60 are on pace, not "58 below target"; before the period begins (next
 * month, a custom period from tomorrow) nothing is due yet, 0, since none of its days has passed — not its whole
 * target, which would read as missed in full. Null for rates and durations, which do not accrue, and once the
 * period has ended (the whole target is due). Null for ratios too.
 */
export function targetToDate(
  target: { value: number; period: TargetPeriod } | null,
  unit: MetricUnit,
  period: Period,
  now: Date,
): number | null {
  if (!target || !accrues(unit)) return null;
  if (now >= period.to) return null;
  if (now <= period.from) return 0;
  return scaleBy(target.value, { ...period, to: now }, target.period);
}

/**
 * The part of the period a chosen version was in force, over which its count and amount targets are scaled: a
 * version in force for November's last three days answers for three days of its monthly target, not the month's.
 * Null when it was not in force at any moment of the period: no target of it applies there.
 */
export function versionPeriod(
  period: Period,
  version: { effectiveAt: Date; supersededAt: Date | null },
): Period | null {
  const from = Math.max(period.from.getTime(), version.effectiveAt.getTime());
  const to = Math.min(period.to.getTime(), version.supersededAt?.getTime() ?? Infinity);
  if (from >= to) return null;
  return { from: new Date(from), to: new Date(to), timeZone: period.timeZone };
}

/**
 * Whom the agreement's targets are for, under a filter. `SELECTION`: the numbers are the whole workspace's (for
 * the period, and for a chosen version, whose targets are scaled to its days in force), so they are measured
 * against the targets. `WORKSPACE`: a segment, owner or team filter cuts a slice out of the workspace, and the
 * targets, set for the whole workspace, are only shown for reference — a slice's 12 MQLs are not "48 below" a
 * target of 60.
 */
export const TARGET_SCOPES = ['SELECTION', 'WORKSPACE'] as const;
export type TargetScope = (typeof TARGET_SCOPES)[number];

/** The filters that cut the workspace into a slice of leads. */
const SEGMENT_FILTERS = ['industry', 'employeeBand', 'country', 'source', 'campaign'] as const;

type SliceFilter = Pick<DashboardFilterInput, (typeof SEGMENT_FILTERS)[number] | 'ownerId' | 'team'>;

/** Whether the targets apply to the numbers under a filter (see TargetScope). */
export function targetScope(filter: SliceFilter): TargetScope {
  return SEGMENT_FILTERS.some((key) => filter[key]) || filter.ownerId || filter.team
    ? 'WORKSPACE'
    : 'SELECTION';
}

/**
 * Whether reps' quotas can be measured under a filter: an owner or team filter only picks reps, but a segment
 * filter counts a part of each rep's revenue, which their quota does not split into.
 */
export function quotasApply(filter: SliceFilter): boolean {
  return !SEGMENT_FILTERS.some((key) => filter[key]);
}

/** How far a value is above (positive) or below (negative) its target; null without either. */
export function targetGap(value: number | null, target: number | null): number | null {
  return value === null || target === null ? null : value - target;
}

/**
 * A rep's quota for the selected period: their monthly quota times the months the period holds, counted as
 * targets are (a quarter is three months; 14 of November's days are 14 / 30 of a month). Null without a quota.
 */
export function periodQuota(monthlyQuota: number | null, period: Period): number | null {
  return monthlyQuota === null ? null : scaleBy(monthlyQuota, period, 'MONTH');
}

/** Quota attainment: revenue won over the period's quota (1 is exactly on quota); null without a positive quota. */
export function quotaAttainment(revenueWon: number, quota: number | null): number | null {
  return quota === null || quota <= 0 ? null : revenueWon / quota;
}

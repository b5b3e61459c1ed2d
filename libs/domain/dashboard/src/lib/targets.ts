import type { MetricUnit } from './metrics';
import { Period, periodDays, periodWholeMonths } from './periods';

export const TARGET_PERIODS = ['WEEK', 'MONTH', 'QUARTER'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

/** A KPI of the agreement's catalogue, as far as the dashboard reads it. */
export interface KpiEntry {
  key: string;
  name: string;
  definition: string;
  target: { value: number; period: TargetPeriod } | null;
}

const AVERAGE_DAYS: Record<TargetPeriod, number> = { WEEK: 7, MONTH: 365.25 / 12, QUARTER: 365.25 / 4 };
const MONTHS: Record<Exclude<TargetPeriod, 'WEEK'>, number> = { MONTH: 1, QUARTER: 3 };

/**
 * How many of the target's periods the selected period holds. A period of whole calendar months counts months
 * (November is one month, a third of a quarter, whatever its days); otherwise its days are divided by the
 * target period's (7, or the average month's 30.4375 and quarter's 91.3125).
 */
export function targetPeriods(period: Period, targetPeriod: TargetPeriod): number {
  return scaleBy(1, period, targetPeriod);
}

// Multiplies before dividing, so that a target of 91.3125 a quarter over 14 days is exactly 14.
function scaleBy(value: number, period: Period, targetPeriod: TargetPeriod): number {
  const months = periodWholeMonths(period);
  if (months !== null && targetPeriod !== 'WEEK') return (value * months) / MONTHS[targetPeriod];
  return (value * periodDays(period)) / AVERAGE_DAYS[targetPeriod];
}

/**
 * The target for the selected period: counts and amounts scale with the period's length; rates and durations
 * are the same whatever the period ("90 % within SLA", "30 days to close").
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
      return target.value;
    case 'COUNT':
    case 'AMOUNT':
      return scaleBy(target.value, period, target.period);
  }
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

/** How far a value is above (positive) or below (negative) its target; null without either. */
export function targetGap(value: number | null, target: number | null): number | null {
  return value === null || target === null ? null : value - target;
}

/**
 * A rep's quota for the selected period: their monthly quota times the months the period holds, counted as
 * targets are (a quarter is three months whatever its days; 14 days are 14 / 30.4375 of a month). Null without a
 * quota.
 */
export function periodQuota(monthlyQuota: number | null, period: Period): number | null {
  return monthlyQuota === null ? null : scaleBy(monthlyQuota, period, 'MONTH');
}

/** Quota attainment: revenue won over the period's quota (1 is exactly on quota); null without a positive quota. */
export function quotaAttainment(revenueWon: number, quota: number | null): number | null {
  return quota === null || quota <= 0 ? null : revenueWon / quota;
}

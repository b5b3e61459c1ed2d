import { FactCounts, addFacts, emptyFacts } from './facts';
import { FunnelStep, METRICS, MetricDefinition, MetricKind, MetricUnit, funnel } from './metrics';
import {
  Bucket,
  DashboardGranularity,
  LocalDate,
  Period,
  bucketIndex,
  localDate,
  periodBuckets,
  startOfLocalDay,
} from './periods';
import { KpiEntry, TargetScope, scaledTarget, targetGap, targetToDate } from './targets';

/** The facts of one local day of the workspace's calendar. */
export interface DayFacts {
  date: LocalDate;
  facts: FactCounts;
}

export interface TrendPoint {
  bucketStart: Date;
  value: number | null;
  /**
   * The bucket's days are not all counted: the period begins inside it (a quarter's first week starting on a
   * Wednesday), or it has not ended yet (this week so far). Its counts are not comparable with a whole bucket's,
   * so a chart must say so rather than draw a dip.
   */
  partial: boolean;
  /**
   * The part of the target this bucket answers for: a count's or amount's target scaled over the bucket's counted
   * days (inside the period, up to now, while the version whose targets apply was in force), so that a week's 14
   * MQLs read against its 14 due, not the month's 60; a rate's or duration's target as it is. Null without a
   * target, and for a bucket not begun.
   */
  target: number | null;
}

/** A metric as the dashboard shows it: its words, its number, its parts, its target and its trend. */
export interface DashboardMetric {
  key: string;
  name: string;
  definition: string;
  kind: MetricKind;
  unit: MetricUnit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  /** value − target; null when the targets are the workspace's and the numbers a slice's (see TargetScope). */
  targetGap: number | null;
  /** The part of a count's or amount's target due by now, while the period runs (see targetToDate). */
  targetToDate: number | null;
  /** value − targetToDate: ahead of or behind pace; null as targetGap is, and without a target to date. */
  paceGap: number | null;
  trend: TrendPoint[];
}

export interface DashboardNumbers {
  /** The granularity the trends use: the one asked for, or coarser when that drew too many points. */
  granularity: DashboardGranularity;
  /** Whether the targets are the numbers' own or only the whole workspace's, shown for reference. */
  targetScope: TargetScope;
  outcomes: DashboardMetric[];
  activities: DashboardMetric[];
  funnel: FunnelStep[];
}

/**
 * Every number of the dashboard from the facts of the period's days (facts outside the period must already be
 * left out; a day the period only partly covers carries the facts of the covered part). The agreement's KPI of
 * a metric's key gives its name, definition text and target. A trend bucket that begins after `now` (the rest of
 * this month) has no value rather than zero: nothing has happened in it yet, and a line falling to zero there
 * would say otherwise.
 */
export function dashboardNumbers(
  days: readonly DayFacts[],
  period: Period,
  granularity: DashboardGranularity,
  kpis: readonly KpiEntry[],
  now: Date,
  /** What count and amount targets are scaled over (see versionPeriod); null: no target applies. */
  targetPeriod: Period | null = period,
  /** WORKSPACE under a segment, owner or team filter: targets are shown, but no gap is measured to them. */
  targetScope: TargetScope = 'SELECTION',
): DashboardNumbers {
  const trend = periodBuckets(period, granularity);
  const total = emptyFacts();
  const perBucket = trend.buckets.map(() => emptyFacts());
  for (const day of days) {
    addFacts(total, day.facts);
    const index = bucketIndex(trend.buckets, day.date);
    if (index >= 0) addFacts(perBucket[index], day.facts);
  }
  const metrics = METRICS.map((metric) =>
    present(
      metric,
      total,
      perBucket,
      trend.buckets,
      { counted: period, target: targetPeriod, scope: targetScope },
      kpis,
      now,
    ),
  );
  return {
    granularity: trend.granularity,
    targetScope,
    outcomes: metrics.filter((metric) => metric.kind === 'OUTCOME'),
    activities: metrics.filter((metric) => metric.kind === 'ACTIVITY'),
    funnel: funnel(total),
  };
}

function present(
  metric: MetricDefinition,
  total: FactCounts,
  perBucket: readonly FactCounts[],
  buckets: readonly Bucket[],
  periods: { counted: Period; target: Period | null; scope: TargetScope },
  kpis: readonly KpiEntry[],
  now: Date,
): DashboardMetric {
  const kpi = kpis.find((entry) => entry.key === metric.key);
  const computed = metric.compute(total);
  const target = periods.target && scaledTarget(kpi?.target ?? null, metric.unit, periods.target);
  const toDate = periods.target && targetToDate(kpi?.target ?? null, metric.unit, periods.target, now);
  const measured = periods.scope === 'SELECTION';
  return {
    key: metric.key,
    name: kpi?.name ?? metric.name,
    definition: kpi?.definition || metric.definition,
    kind: metric.kind,
    unit: metric.unit,
    ...computed,
    target,
    targetGap: measured ? targetGap(computed.value, target) : null,
    targetToDate: toDate,
    paceGap: measured ? targetGap(computed.value, toDate) : null,
    trend: buckets.map((bucket, index) => ({
      bucketStart: bucket.start,
      value: bucket.start > now ? null : metric.compute(perBucket[index]).value,
      partial: isPartial(bucket, periods.counted, now),
      target: bucketTarget(kpi?.target ?? null, metric.unit, bucket, periods, now),
    })),
  };
}

/** A bucket's share of the target (see TrendPoint.target): over the days of it that are counted and targeted. */
function bucketTarget(
  target: KpiEntry['target'],
  unit: MetricUnit,
  bucket: Bucket,
  periods: { counted: Period; target: Period | null },
  now: Date,
): number | null {
  if (!target || !periods.target || bucket.start > now) return null;
  const { counted } = periods;
  const end = startOfLocalDay(bucket.endDate, counted.timeZone).getTime();
  const from = Math.max(bucket.start.getTime(), counted.from.getTime(), periods.target.from.getTime());
  const to = Math.min(end, counted.to.getTime(), periods.target.to.getTime(), now.getTime());
  if (from >= to) return null;
  return scaledTarget(target, unit, { from: new Date(from), to: new Date(to), timeZone: counted.timeZone });
}

/** Whether a bucket begins before the period or ends after it or after `now` (see TrendPoint.partial). */
function isPartial(bucket: Bucket, period: Period, now: Date): boolean {
  const end = startOfLocalDay(bucket.endDate, period.timeZone).getTime();
  return bucket.start < period.from || end > Math.min(period.to.getTime(), now.getTime());
}

/** The local day an instant belongs to, for grouping facts the way dashboardNumbers expects. */
export function factDay(instant: Date, timeZone: string): LocalDate {
  return localDate(instant, timeZone);
}

/**
 * Whether nothing at all was counted: every metric is zero or has no value and every funnel step is empty — the
 * filters match no fact in the period, which a page says in words rather than with flat charts.
 */
export function nothingCounted(numbers: {
  outcomes: readonly { value: number | null }[];
  activities: readonly { value: number | null }[];
  funnel: readonly { count: number }[];
}): boolean {
  return (
    [...numbers.outcomes, ...numbers.activities].every((metric) => !metric.value) &&
    numbers.funnel.every((step) => step.count === 0)
  );
}

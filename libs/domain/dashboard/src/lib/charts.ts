import type { FunnelStep } from './metrics';
import { DashboardGranularity, MAX_TREND_POINTS, bucketLabel, localDate } from './periods';

/** One bar or point of an @swimlane/ngx-charts chart. */
export interface ChartDatum {
  name: string;
  value: number;
}

/** One line of an @swimlane/ngx-charts multi-series chart. */
export interface ChartSeries {
  name: string;
  series: ChartDatum[];
}

/** The funnel as bars, one per stage in order. */
export function funnelChart(steps: readonly Pick<FunnelStep, 'stage' | 'count'>[]): ChartDatum[] {
  return steps.map((step) => ({ name: step.stage, value: step.count }));
}

/** A trend point as the API sends it: bucketStart may arrive as an ISO string. */
export interface TrendInput {
  bucketStart: Date | string;
  value: number | null;
  /** Whether the bucket is only partly counted (see the domain's TrendPoint); its label then says so. */
  partial?: boolean;
}

/** What a partly counted bucket's label ends with: "2026-11-23 (partial)". */
export const PARTIAL_BUCKET_SUFFIX = ' (partial)';

/**
 * A metric's trend as one line, each point labelled by its bucket in the workspace's time zone ("2026-11",
 * "2026-Q4", or a week's Monday; a partly counted bucket's label ends in "(partial)", so that the week in progress
 * or a period's first days are not read as a dip). Points without a value (a rate with nothing to divide) are
 * left out rather than drawn as zero; a series longer than MAX_TREND_POINTS keeps its latest points.
 */
export function trendSeries(
  name: string,
  points: readonly TrendInput[],
  granularity: DashboardGranularity,
  timeZone: string,
): ChartSeries {
  const series: ChartDatum[] = [];
  for (const point of points.slice(-MAX_TREND_POINTS)) {
    if (point.value === null) continue;
    const start = localDate(new Date(point.bucketStart), timeZone);
    const label = bucketLabel(start, granularity);
    series.push({ name: point.partial ? label + PARTIAL_BUCKET_SUFFIX : label, value: point.value });
  }
  return { name, series };
}

/** Several metrics' trends on one chart. */
export function trendChart(
  metrics: readonly { name: string; trend: readonly TrendInput[] }[],
  granularity: DashboardGranularity,
  timeZone: string,
): ChartSeries[] {
  return metrics.map((metric) => trendSeries(metric.name, metric.trend, granularity, timeZone));
}

/** The granularity a trend was drawn at, read back from its bucket starts (for labels). */
export function trendGranularity(points: readonly TrendInput[], timeZone: string): DashboardGranularity {
  if (points.length < 2) return 'MONTH';
  const first = localDate(new Date(points[0].bucketStart), timeZone);
  const second = localDate(new Date(points[1].bucketStart), timeZone);
  const days = (Date.parse(second) - Date.parse(first)) / 86_400_000;
  if (days <= 7) return 'WEEK';
  return days <= 31 ? 'MONTH' : 'QUARTER';
}

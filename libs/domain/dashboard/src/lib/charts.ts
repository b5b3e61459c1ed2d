import type { FunnelStep } from './metrics';
import { DashboardGranularity, LocalDate, MAX_TREND_POINTS, bucketLabel, localDate } from './periods';

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

const COUNT_TICK = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * A count axis's tick: "1,250"; empty between whole numbers, since a count of 0.2 means nothing (d3 puts ticks
 * at 0.2 steps over a scale from 0 to 1, and at "0.000000" over an empty one).
 */
export function countTick(value: number): string {
  return Number.isInteger(value) ? COUNT_TICK.format(value) : '';
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

/** The most buckets a trend's axis names: about what a phone's width holds ("23 Nov" is some 45 px). */
export const MAX_TREND_TICKS = 7;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A bucket's short label for an axis: "23 Nov" (a week's Monday), "Nov 2026", "Q4 2026". */
export function bucketTick(startDate: LocalDate, granularity: DashboardGranularity): string {
  const [year, month, day] = startDate.split('-').map(Number);
  switch (granularity) {
    case 'WEEK':
      return `${day} ${MONTHS[month - 1]}`;
    case 'MONTH':
      return `${MONTHS[month - 1]} ${year}`;
    case 'QUARTER':
      return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
  }
}

/** One bucket of a trend's time axis. */
export interface TrendBucket {
  /** Where the bucket sits on the x axis: the centre of its slot of [1, 2] (see TrendChart). */
  x: number;
  /** The full label, for descriptions and tooltips: "2026-11-23 (partial)", "2026-11", "2026-Q4". */
  label: string;
  /** The axis's short label: "23 Nov (partial)", "Nov 2026", "Q4 2026". */
  tick: string;
  value: number | null;
}

/** A point of a trend line; its name is its bucket's position on the x axis. */
export interface TrendDatum {
  name: number;
  value: number;
}

/** A run of buckets with a value, drawn as one line. */
export interface TrendLine {
  name: string;
  series: TrendDatum[];
}

/**
 * A metric's trend shaped for ngx-charts' line chart. Every bucket of the period has its place on the x axis, so a
 * bucket without a value (a median with no wins, a week not begun) shows as a gap rather than being skipped — which
 * needs a linear axis: ngx-charts' ordinal axis holds only the names its points carry. Buckets sit at the centres
 * of equal slots of [xMin, xMax] = [1, 2], a domain d3's `nice()` (the chart's roundDomains) leaves as it is.
 */
export interface TrendChart {
  name: string;
  buckets: TrendBucket[];
  /**
   * One line per run of consecutive buckets with a value, so that no line is drawn across a gap; a run of one
   * bucket is a point alone. Each is named after the metric and its run ("MQLs", "MQLs 2", …), as the chart
   * needs distinct names.
   */
  lines: TrendLine[];
  xMin: number;
  xMax: number;
  /** The positions the axis names: every bucket, or every few counted back from the latest (at most MAX_TREND_TICKS). */
  ticks: number[];
}

/**
 * A metric's trend as a line chart: each bucket labelled in the workspace's time zone ("2026-11", "2026-Q4", or a
 * week's Monday; a partly counted bucket's label ends in "(partial)", so that the week in progress or a period's
 * first days are not read as a dip). A bucket without a value (a rate with nothing to divide, a bucket not begun)
 * keeps its place on the axis with no point, rather than being drawn as zero or left out; a series longer than
 * MAX_TREND_POINTS keeps its latest buckets.
 */
export function trendChart(
  name: string,
  points: readonly TrendInput[],
  granularity: DashboardGranularity,
  timeZone: string,
): TrendChart {
  const kept = points.slice(-MAX_TREND_POINTS);
  const buckets = kept.map((point, index): TrendBucket => {
    const start = localDate(new Date(point.bucketStart), timeZone);
    const suffix = point.partial ? PARTIAL_BUCKET_SUFFIX : '';
    return {
      x: 1 + (2 * index + 1) / (2 * kept.length),
      label: bucketLabel(start, granularity) + suffix,
      tick: bucketTick(start, granularity) + suffix,
      value: point.value,
    };
  });
  const lines: TrendLine[] = [];
  let run: TrendDatum[] | null = null;
  for (const bucket of buckets) {
    if (bucket.value === null) {
      run = null;
      continue;
    }
    if (run === null) {
      run = [];
      lines.push({ name: lines.length === 0 ? name : `${name} ${lines.length + 1}`, series: run });
    }
    run.push({ name: bucket.x, value: bucket.value });
  }
  const step = Math.ceil(buckets.length / MAX_TREND_TICKS);
  const ticks = buckets
    .filter((_, index) => (buckets.length - 1 - index) % step === 0)
    .map((bucket) => bucket.x);
  return { name, buckets, lines, xMin: 1, xMax: 2, ticks };
}

/** The bucket at a position of a trend's x axis (a line's point, a tick), or undefined. */
export function trendBucketAt(chart: Pick<TrendChart, 'buckets'>, x: number): TrendBucket | undefined {
  const index = Math.round((x - 1) * chart.buckets.length - 0.5);
  return chart.buckets[index];
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

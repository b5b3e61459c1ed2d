import {
  type ChartDatum,
  FUNNEL_STAGES,
  type FunnelStage,
  type FunnelStepDefinitions,
  type TrendChart,
  type TrendLine,
  accrues,
  funnelChart,
  funnelDrillKey,
  funnelStepDefinitions,
  trendChart,
} from '@accord/domain/dashboard';
import type { DashboardGranularity } from '@accord/web/shared/data-access';

import type { DashboardFunnelStep, DashboardMetric } from './dashboard-types';
import { NO_VALUE } from './metric-format';

export const FUNNEL_LABELS: Readonly<Record<FunnelStage, string>> = {
  LEAD: 'Lead',
  MQL: 'MQL',
  SAL: 'SAL',
  SQL: 'SQL',
  OPPORTUNITY: 'Opportunity',
  WON: 'Won',
};

function isFunnelStage(stage: string): stage is FunnelStage {
  return (FUNNEL_STAGES as readonly string[]).includes(stage);
}

/** A funnel stage as the page names it ("Opportunity"); a stage it does not know, as the API sent it. */
export function funnelLabel(stage: string): string {
  return isFunnelStage(stage) ? FUNNEL_LABELS[stage] : stage;
}

/** The funnel's steps on the path LEAD → … → WON, in its order; a stage the API left out counts 0. */
function onPath(steps: readonly DashboardFunnelStep[]): (DashboardFunnelStep & { stage: FunnelStage })[] {
  return FUNNEL_STAGES.map((stage) => {
    const step = steps.find((entry) => entry.stage === stage);
    return step && isFunnelStage(step.stage)
      ? { ...step, stage }
      : { stage, count: 0, conversionFromPrevious: null, dropOff: null };
  });
}

/** The funnel chart's bars (the domain's mapping), named as people say the stages. */
export function funnelBars(steps: readonly DashboardFunnelStep[]): ChartDatum[] {
  return funnelChart(onPath(steps)).map((bar) => ({ ...bar, name: funnelLabel(bar.name) }));
}

/** One step of the funnel as its table reads. */
export interface FunnelRow {
  stage: FunnelStage;
  label: string;
  count: number;
  /** "62.5%" of the previous step's count; "—" for the first step and after an empty one. */
  conversion: string;
  /** The previous step's count minus this one's (negative when more entered than the step before); null first. */
  dropOff: number | null;
  /** The drill-down key of the step's rows. */
  drillKey: string;
  /** What the step's count, conversion and drop-off are, naming its stages (shown on hover). */
  definitions: FunnelStepDefinitions;
}

const PERCENT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function funnelRows(steps: readonly DashboardFunnelStep[]): FunnelRow[] {
  return onPath(steps).map((step) => ({
    stage: step.stage,
    label: FUNNEL_LABELS[step.stage],
    count: step.count,
    conversion:
      step.conversionFromPrevious === null ? NO_VALUE : `${PERCENT.format(step.conversionFromPrevious)}%`,
    dropOff: step.dropOff,
    drillKey: funnelDrillKey(step.stage),
    definitions: funnelStepDefinitions(step.stage),
  }));
}

/**
 * What to say under the funnel when a step counts more moves than the step before it (over 100 %, a negative
 * drop-off), which reads as an error without it; null when none does. Steps are moves within the period, so the
 * later one also counts leads that entered the earlier stage before the period — or, under a version filter,
 * under an earlier version, as every lead a publication's rescore makes an MQL did.
 */
export function funnelOverNote(
  steps: readonly DashboardFunnelStep[],
  versionFiltered: boolean,
): string | null {
  const path = onPath(steps);
  const over = path.findIndex((step, index) => index > 0 && step.count > path[index - 1].count);
  if (over < 0) return null;
  const [from, to] = [FUNNEL_LABELS[path[over - 1].stage], FUNNEL_LABELS[path[over].stage]];
  const before = versionFiltered ? 'before the period or under an earlier version' : 'before the period';
  return (
    `More leads moved into ${to} than into ${from}: each step counts the moves made in the period, and these ` +
    `include leads that entered ${from} ${before}.`
  );
}

/**
 * A metric's trend as the line chart draws it (the domain's mapping: every bucket of the period on the axis, capped
 * to the latest ones, lines broken where a bucket has no value), labelled at the step the API used — which is
 * coarser than the one asked for when a period has too many buckets.
 */
export function metricTrend(
  metric: Pick<DashboardMetric, 'name' | 'trend'>,
  timeZone: string,
  granularity: DashboardGranularity,
): TrendChart {
  return trendChart(metric.name, metric.trend, granularity, timeZone);
}

/**
 * The target as the trend chart's reference line, for rates, durations and ratios only: a count's or amount's target
 * is for the whole period, so drawing it across weekly points would mislead. `name` labels it ("Workspace
 * target" under a segment, owner or team filter, whose numbers are not held to it).
 */
export function targetLine(metric: Pick<DashboardMetric, 'target' | 'unit'>, name = 'Target'): ChartDatum[] {
  if (metric.target === null || accrues(metric.unit)) return [];
  return [{ name, value: metric.target }];
}

/**
 * A count's or amount's target as the trend chart's second line: each bucket's own share of it (the API's
 * `trend.target`: a week's part of a monthly 60, this week's part up to now), at the metric's points, so each
 * week's MQLs are read against what that week was due. Empty for rates and durations (a reference line draws their
 * target) and without a target. Named as the reference line is ("Workspace target" under a filter).
 */
export function targetTrend(
  metric: Pick<DashboardMetric, 'trend' | 'unit'>,
  timeZone: string,
  granularity: DashboardGranularity,
  name = 'Target',
): TrendLine[] {
  if (!accrues(metric.unit)) return [];
  const points = metric.trend.map((point) => ({ ...point, value: point.target ?? null }));
  return trendChart(name, points, granularity, timeZone).lines;
}

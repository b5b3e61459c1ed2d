import { formatMoney } from '@accord/domain/pipeline';
import type { DashboardTargetScope, MetricUnit } from '@accord/web/shared/data-access';

import type { DashboardMetric } from './dashboard-types';

/** Shown where a figure has no value (a rate over nothing, a median of no deals). */
export const NO_VALUE = '—';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const POINTS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * The currency an amount is in, for the unit: the workspace's reporting currency for amounts (ISO 4217, "USD"),
 * null for every other unit or when none is known.
 */
export function unitCurrency(unit: MetricUnit, currency?: string | null): string | null {
  return unit === 'AMOUNT' && currency ? currency : null;
}

/**
 * A figure as people read it: "1,204", "38.5%" (rates are percentages, 0–100), "125,000" (amounts; "125,000 USD"
 * given the currency), "42 days". An amount with cents shows them, "125,000.50", as the rows it sums do: a card
 * that rounded them would not add up to its drill-down.
 */
export function formatMetricValue(value: number | null, unit: MetricUnit, currency?: string | null): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case 'COUNT':
    case 'RATIO':
      return COUNT.format(value);
    case 'RATE':
      return `${POINTS.format(value)}%`;
    case 'AMOUNT': {
      const amount = formatMoney(value);
      const code = unitCurrency(unit, currency);
      return code ? `${amount} ${code}` : amount;
    }
    case 'DAYS': {
      const days = COUNT.format(value);
      return `${days} ${days === '1' ? 'day' : 'days'}`;
    }
  }
}

/** To the nearest whole, halves away from zero as a size is read: 65,332.50 below reads 65,333 below. */
function whole(figure: number): number {
  return Math.sign(figure) * Math.round(Math.abs(figure));
}

/**
 * A target, or a gap to one, as the figure to read: a plan's, so an amount's share of a month spread over days
 * (83,333.33) is read to the whole unit, unlike a value, which sums real deals to the cent.
 */
export function planFigure(figure: number, unit: MetricUnit): number {
  return unit === 'AMOUNT' ? whole(figure) : figure;
}

/**
 * A target, or a gap to one, as a card reads it: its `planFigure`, and a count in whole units too — a card's
 * "Target 183.9 SQLs" or "0.5 below target" asks for a fraction of a lead, which nobody is behind by. (A trend
 * keeps each week's exact share, 9.3 of a monthly 40, as its dashed line draws it.)
 */
export function cardFigure(figure: number, unit: MetricUnit): number {
  return unit === 'COUNT' ? whole(figure) : planFigure(figure, unit);
}

/** A target as people read it: `formatMetricValue` of its `planFigure`. */
export function formatTarget(target: number, unit: MetricUnit, currency?: string | null): string {
  return formatMetricValue(planFigure(target, unit), unit, currency);
}

/** A heading of amounts naming their currency: "Revenue won (USD)"; the label alone without one. */
export function withCurrency(label: string, currency?: string | null): string {
  return currency ? `${label} (${currency})` : label;
}

/** A difference in the metric's unit, without sign: rates differ in percentage points ("4.5 pts"). */
export function formatDifference(difference: number, unit: MetricUnit, currency?: string | null): string {
  const size = Math.abs(difference);
  return unit === 'RATE' ? `${POINTS.format(size)} pts` : formatMetricValue(size, unit, currency);
}

/** Whether the figure is where the agreement wants it: `none` without a target or a value. */
export type GapTone = 'ahead' | 'behind' | 'on-target' | 'none';

/**
 * Fewer days is better (a shorter sales cycle), and less activity per outcome (fewer calls per qualified meeting);
 * for every other unit, more is.
 */
export function lowerIsBetter(unit: MetricUnit): boolean {
  return unit === 'DAYS' || unit === 'RATIO';
}

export interface TargetWording {
  /**
   * "Target 40" ("Target 83,333 USD" for an amount), "Target 60 (19 due by now)" while the period runs, "Workspace
   * target 60" when the numbers are a slice's (see `targetScope`), or null without one.
   */
  target: string | null;
  /**
   * "5 above target", "2.5 pts below target", "on target"; while the period runs, against the part due by now: "7
   * behind pace", "3 ahead of pace", "on pace". Null without a target or value.
   */
  gap: string | null;
  tone: GapTone;
  /** What the colour says, for those who cannot see it: "ahead of target", "behind pace". */
  toneLabel: string;
}

type TargetedMetric = Pick<DashboardMetric, 'value' | 'target' | 'targetGap' | 'unit'> &
  Partial<Pick<DashboardMetric, 'targetToDate' | 'paceGap'>>;

const NO_GAP = { gap: null, tone: 'none', toneLabel: '' } as const;

/**
 * The metric against its target: value − target, both as a card reads them (`cardFigure`), worded and toned by the unit's
 * direction; amounts name `currency` (the dashboard's). Until the period ends, a count or amount is measured
 * against the part of its target due by now (the API's `targetToDate`: none before the period begins), so that the
 * 2nd of the month is not "58 below target", nor next month "62 below target". Under a
 * segment, owner or team filter (`scope` WORKSPACE) the target is the whole workspace's: it is named so, for
 * reference, with no gap and no colour — a slice is not behind it.
 */
export function targetWording(
  metric: TargetedMetric,
  currency?: string | null,
  scope: DashboardTargetScope = 'SELECTION',
): TargetWording {
  const { value, unit } = metric;
  if (metric.target === null) return { target: null, ...NO_GAP };
  const plan = (figure: number) => cardFigure(figure, unit);
  const target = plan(metric.target);
  const figure = formatMetricValue(target, unit, currency);
  if (scope === 'WORKSPACE') return { target: `Workspace target ${figure}`, ...NO_GAP };
  if (value === null) return { target: `Target ${figure}`, ...NO_GAP };
  // Each gap is the one between the figures shown, so that a card adds up: 0 SQLs against a target of 0.5, read
  // as 1, are "1 below target", not "on target" (the API's exact gap, -0.5, would round to nothing).
  const toDate = metric.targetToDate ?? null;
  if (toDate === null)
    return { target: `Target ${figure}`, ...gapWording(plan(value - target), unit, currency, TARGET) };
  // A pace is a share of days, read as a plan is: "54.4 MQLs due" reads as 54.
  const due = plan(toDate);
  return {
    target: `Target ${figure} (${formatMetricValue(due, unit, currency)} due by now)`,
    ...gapWording(plan(value - due), unit, currency, PACE),
  };
}

interface GapWords {
  above: string;
  below: string;
  level: string;
  labels: Readonly<Record<GapTone, string>>;
}

const TARGET: GapWords = {
  above: 'above target',
  below: 'below target',
  level: 'on target',
  labels: { ahead: 'ahead of target', behind: 'behind target', 'on-target': 'on target', none: '' },
};

const PACE: GapWords = {
  above: 'ahead of pace',
  below: 'behind pace',
  level: 'on pace',
  labels: { ahead: 'ahead of pace', behind: 'behind pace', 'on-target': 'on pace', none: '' },
};

function gapWording(
  gap: number,
  unit: MetricUnit,
  currency: string | null | undefined,
  words: GapWords,
): Omit<TargetWording, 'target'> {
  const size = formatDifference(gap, unit, currency);
  if (gap === 0 || size === formatDifference(0, unit, currency))
    return { gap: words.level, tone: 'on-target', toneLabel: words.labels['on-target'] };
  const above = gap > 0;
  const tone: GapTone = above !== lowerIsBetter(unit) ? 'ahead' : 'behind';
  return { gap: `${size} ${above ? words.above : words.below}`, tone, toneLabel: words.labels[tone] };
}

/**
 * What a figure is made of, under its value: "25 of 40" for a rate, "310 ÷ 40" for a ratio, "median of 6 wins"
 * for a sales cycle (its denominator is the wins it covers); null for a count or an amount.
 */
export function metricParts(
  metric: Pick<DashboardMetric, 'numerator' | 'denominator' | 'unit'>,
): string | null {
  const { numerator, denominator, unit } = metric;
  if (unit === 'DAYS' && denominator !== null)
    return `median of ${formatMetricValue(denominator, 'COUNT')} ${denominator === 1 ? 'win' : 'wins'}`;
  if (unit === 'AMOUNT' || numerator === null || denominator === null) return null;
  const [top, bottom] = [formatMetricValue(numerator, 'COUNT'), formatMetricValue(denominator, 'COUNT')];
  return unit === 'RATE' ? `${top} of ${bottom}` : `${top} ÷ ${bottom}`;
}

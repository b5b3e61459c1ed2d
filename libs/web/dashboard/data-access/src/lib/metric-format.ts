import type { MetricUnit } from '@accord/web/shared/data-access';

import type { DashboardMetric } from './dashboard-types';

/** Shown where a figure has no value (a rate over nothing, a median of no deals). */
export const NO_VALUE = '—';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const POINTS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A figure as people read it: "1,204", "38.5%" (rates are percentages, 0–100), "125,000" (amounts), "42 days". */
export function formatMetricValue(value: number | null, unit: MetricUnit): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case 'COUNT':
      return COUNT.format(value);
    case 'RATE':
      return `${POINTS.format(value)}%`;
    case 'AMOUNT':
      return AMOUNT.format(value);
    case 'DAYS': {
      const days = COUNT.format(value);
      return `${days} ${days === '1' ? 'day' : 'days'}`;
    }
  }
}

/** A difference in the metric's unit, without sign: rates differ in percentage points ("4.5 pts"). */
export function formatDifference(difference: number, unit: MetricUnit): string {
  const size = Math.abs(difference);
  return unit === 'RATE' ? `${POINTS.format(size)} pts` : formatMetricValue(size, unit);
}

/** Whether the figure is where the agreement wants it: `none` without a target or a value. */
export type GapTone = 'ahead' | 'behind' | 'on-target' | 'none';

/** Fewer days is better (a shorter sales cycle); for every other unit, more is. */
export function lowerIsBetter(unit: MetricUnit): boolean {
  return unit === 'DAYS';
}

export interface TargetWording {
  /** "Target 40", or null without one. */
  target: string | null;
  /** "5 above target", "2.5 pts below target", "on target"; null without a target or value. */
  gap: string | null;
  tone: GapTone;
  /** What the colour says, for those who cannot see it: "ahead of target", "behind target". */
  toneLabel: string;
}

const TONE_LABELS: Readonly<Record<GapTone, string>> = {
  ahead: 'ahead of target',
  behind: 'behind target',
  'on-target': 'on target',
  none: '',
};

/** The metric against its target: the API's gap (value − target), worded and toned by the unit's direction. */
export function targetWording(
  metric: Pick<DashboardMetric, 'value' | 'target' | 'targetGap' | 'unit'>,
): TargetWording {
  const target = metric.target === null ? null : `Target ${formatMetricValue(metric.target, metric.unit)}`;
  const gapValue =
    metric.targetGap ??
    (metric.value !== null && metric.target !== null ? metric.value - metric.target : null);
  if (target === null || gapValue === null || metric.value === null)
    return { target, gap: null, tone: 'none', toneLabel: '' };
  const size = formatDifference(gapValue, metric.unit);
  if (gapValue === 0 || size === formatDifference(0, metric.unit))
    return { target, gap: 'on target', tone: 'on-target', toneLabel: TONE_LABELS['on-target'] };
  const above = gapValue > 0;
  const tone: GapTone = above !== lowerIsBetter(metric.unit) ? 'ahead' : 'behind';
  return { target, gap: `${size} ${above ? 'above' : 'below'} target`, tone, toneLabel: TONE_LABELS[tone] };
}

import { FUNNEL_STAGES, funnelDrillKey } from '@accord/domain/dashboard';
import type { MetricUnit } from '@accord/web/shared/data-access';

import { formatMetricValue } from './metric-format';

/** A figure as far as its rows are concerned: its number and the parts it was computed from. */
export interface DrillFigure {
  key: string;
  unit: MetricUnit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** What a rate's numerator rows are, in a few words ("53 of 61 within SLA"). */
const NUMERATOR_WORDS: Readonly<Record<string, string>> = {
  'mql-acceptance-rate': 'accepted',
  'close-rate': 'won',
  'sla-met': 'within SLA',
};

/** The two kinds of rows behind a ratio, numerator first ("310 calls, 40 qualified meetings"). */
const RATIO_WORDS: Readonly<Record<string, readonly [string, string]>> = {
  'calls-per-qualified-meeting': ['calls', 'qualified meetings'],
  'emails-per-sql': ['e-mails', 'SQLs'],
};

const count = (n: number) => formatMetricValue(n, 'COUNT');
const rows = (n: number) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;

/**
 * How many rows are behind a figure (as the dashboard counted them, all pages together) and what they add up to:
 * "12 rows"; "6 rows · 194,800 USD" for an amount; "61 rows · 53 of 61 within SLA" for a rate; "6 rows · median
 * 28 days" for a sales cycle; "350 rows · 310 calls, 40 qualified meetings" for a ratio. Null when the figure is
 * not known.
 */
export function drillSummary(
  key: string,
  dashboard: {
    outcomes: readonly DrillFigure[];
    activities: readonly DrillFigure[];
    funnel: readonly { stage: string; count: number }[];
  },
  currency?: string | null,
): string | null {
  const step = dashboard.funnel.find((entry) =>
    FUNNEL_STAGES.some((stage) => stage === entry.stage && funnelDrillKey(stage) === key),
  );
  if (step) return rows(step.count);
  const figure = [...dashboard.outcomes, ...dashboard.activities].find((metric) => metric.key === key);
  if (!figure) return null;
  const { unit, value, numerator, denominator } = figure;
  switch (unit) {
    case 'AMOUNT':
      return denominator === null
        ? null
        : `${rows(denominator)} · ${formatMetricValue(value, unit, currency)}`;
    case 'DAYS':
      return denominator === null
        ? null
        : `${rows(denominator)}${value === null ? '' : ` · median ${formatMetricValue(value, unit)}`}`;
    case 'RATE':
      if (numerator === null || denominator === null) return null;
      return `${rows(denominator)} · ${count(numerator)} of ${count(denominator)} ${NUMERATOR_WORDS[key] ?? 'counted'}`;
    case 'COUNT':
    case 'RATIO': {
      if (numerator === null || denominator === null) return value === null ? null : rows(value);
      const words = RATIO_WORDS[key];
      const parts = words
        ? `${count(numerator)} ${words[0]}, ${count(denominator)} ${words[1]}`
        : `${count(numerator)} ÷ ${count(denominator)}`;
      return `${rows(numerator + denominator)} · ${parts}`;
    }
  }
}

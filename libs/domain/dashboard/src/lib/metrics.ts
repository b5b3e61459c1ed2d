import { FUNNEL_STAGES, FactCounts, FunnelStage } from './facts';
import { median, percentage, ratio } from './formulas';

export const METRIC_KINDS = ['OUTCOME', 'ACTIVITY'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/**
 * COUNT: a number of things; RATE: a percentage 0–100; AMOUNT: money; DAYS: a duration; RATIO: so many of one
 * thing per another (calls per qualified meeting held), which, like a rate, does not add up over a period.
 */
export const METRIC_UNITS = ['COUNT', 'RATE', 'AMOUNT', 'DAYS', 'RATIO'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

/** A metric's number with the parts it was computed from (null where a part does not apply). */
export interface MetricValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface MetricDefinition {
  /** Matches the key of the agreement's KPI that sets its target, e.g. "mqls". */
  key: string;
  name: string;
  /** Shown on hover, unless the agreement's KPI of the same key words it otherwise. */
  definition: string;
  kind: MetricKind;
  unit: MetricUnit;
  compute(facts: FactCounts): MetricValue;
}

const count = (value: number): MetricValue => ({ value, numerator: null, denominator: null });
const rate = (numerator: number, denominator: number): MetricValue => ({
  value: percentage(numerator, denominator),
  numerator,
  denominator,
});
const per = (numerator: number, denominator: number): MetricValue => ({
  value: ratio(numerator, denominator),
  numerator,
  denominator,
});
/** A sum of amounts, with how many were added (the rows behind it: "6 wins · 194,800 USD"). */
const sum = (amount: number, amounts: number): MetricValue => ({
  value: amount,
  numerator: null,
  denominator: amounts,
});
const middle = (days: readonly number[]): MetricValue => ({
  value: median(days),
  numerator: null,
  denominator: days.length,
});

/** Every metric of the dashboard, outcomes first, each with its one formula. */
export const METRICS: readonly MetricDefinition[] = [
  {
    key: 'mqls',
    name: 'MQLs',
    definition:
      'Leads that became marketing-qualified (moved into MQL) in the period; a recycled lead counts again.',
    kind: 'OUTCOME',
    unit: 'COUNT',
    compute: (f) => count(f.entered.MQL),
  },
  {
    key: 'mql-acceptance-rate',
    name: 'MQL → SAL acceptance rate',
    definition:
      'Handovers accepted by sales ÷ handovers accepted or rejected, by decision time in the period.',
    kind: 'OUTCOME',
    unit: 'RATE',
    compute: (f) => rate(f.handoversAccepted, f.handoversAccepted + f.handoversRejected),
  },
  {
    key: 'sqls',
    name: 'SQLs',
    definition: 'Accepted leads that met the SQL checklist (moved into SQL) in the period.',
    kind: 'OUTCOME',
    unit: 'COUNT',
    compute: (f) => count(f.entered.SQL),
  },
  {
    key: 'qualified-meetings-held',
    name: 'Qualified meetings held',
    definition:
      'Meetings held with a lead sales had accepted by then, by scheduled time; no-shows do not count.',
    kind: 'OUTCOME',
    unit: 'COUNT',
    compute: (f) => count(f.qualifiedMeetingsHeld),
  },
  {
    key: 'pipeline-sourced',
    name: 'Pipeline sourced',
    definition: 'Sum of the opening amounts of opportunities opened in the period.',
    kind: 'OUTCOME',
    unit: 'AMOUNT',
    compute: (f) => sum(f.pipelineSourced, f.opportunitiesOpened),
  },
  {
    key: 'revenue-won',
    name: 'Revenue won',
    definition: 'Sum of the closing amounts of opportunities won in the period.',
    kind: 'OUTCOME',
    unit: 'AMOUNT',
    compute: (f) => sum(f.revenueWon, f.opportunitiesWon),
  },
  {
    key: 'close-rate',
    name: 'Close rate',
    definition: 'Opportunities won ÷ opportunities closed (won or lost) in the period.',
    kind: 'OUTCOME',
    unit: 'RATE',
    compute: (f) => rate(f.opportunitiesWon, f.opportunitiesWon + f.opportunitiesLost),
  },
  {
    key: 'sales-cycle-days',
    name: 'Sales cycle (first touch → close)',
    definition:
      'Median days from a lead first being recorded to its opportunity being won, over wins in the period.',
    kind: 'OUTCOME',
    unit: 'DAYS',
    compute: (f) => middle(f.salesCycleDays),
  },
  {
    key: 'opportunity-cycle-days',
    name: 'Sales cycle (opportunity → close)',
    definition: 'Median days from an opportunity being opened to it being won, over wins in the period.',
    kind: 'OUTCOME',
    unit: 'DAYS',
    compute: (f) => middle(f.opportunityCycleDays),
  },
  {
    key: 'sla-met',
    name: 'Handover SLA compliance',
    definition:
      'Handovers decided within their SLA ÷ handovers handed over in the period and no longer open; ' +
      'expired undecided ones count as missed.',
    kind: 'OUTCOME',
    unit: 'RATE',
    compute: (f) => rate(f.handoversWithinSla, f.handoversDue),
  },
  {
    key: 'emails-sent',
    name: 'E-mails sent',
    definition: 'EMAIL_SENT activity signals in the period; a diagnostic, never a goal.',
    kind: 'ACTIVITY',
    unit: 'COUNT',
    compute: (f) => count(f.emailsSent),
  },
  {
    key: 'calls-made',
    name: 'Calls made',
    definition: 'CALL_MADE activity signals in the period; a diagnostic, never a goal.',
    kind: 'ACTIVITY',
    unit: 'COUNT',
    compute: (f) => count(f.callsMade),
  },
  {
    key: 'meetings-booked',
    name: 'Meetings booked',
    definition: 'MEETING_BOOKED activity signals in the period; a diagnostic, never a goal.',
    kind: 'ACTIVITY',
    unit: 'COUNT',
    compute: (f) => count(f.meetingsBooked),
  },
  {
    key: 'calls-per-qualified-meeting',
    name: 'Calls per qualified meeting held',
    definition: 'Calls made ÷ qualified meetings held in the period.',
    kind: 'ACTIVITY',
    unit: 'RATIO',
    compute: (f) => per(f.callsMade, f.qualifiedMeetingsHeld),
  },
  {
    key: 'emails-per-sql',
    name: 'E-mails per SQL',
    definition: 'E-mails sent ÷ SQLs in the period.',
    kind: 'ACTIVITY',
    unit: 'RATIO',
    compute: (f) => per(f.emailsSent, f.entered.SQL),
  },
];

export const METRIC_KEYS = METRICS.map((metric) => metric.key);

export function metricByKey(key: string): MetricDefinition | undefined {
  return METRICS.find((metric) => metric.key === key);
}

/** One step of the funnel: leads that entered the stage, and what the step kept and lost of the one before. */
export interface FunnelStep {
  stage: FunnelStage;
  count: number;
  /** count ÷ the previous step's count, as a percentage; null for LEAD and after an empty step. */
  conversionFromPrevious: number | null;
  /** The previous step's count minus this one's; null for LEAD. */
  dropOff: number | null;
}

/**
 * The funnel LEAD → MQL → SAL → SQL → OPPORTUNITY → WON over a period: each step counts the moves into its
 * stage made in the period. Steps count flows, not one cohort, so over a short period a step may exceed the
 * one before (leads entering SAL now became MQLs last month): conversion is then above 100 % and the drop-off
 * negative, as the facts say.
 */
export function funnel(facts: FactCounts): FunnelStep[] {
  return FUNNEL_STAGES.map((stage, index) => {
    const current = facts.entered[stage];
    if (index === 0) return { stage, count: current, conversionFromPrevious: null, dropOff: null };
    const previous = facts.entered[FUNNEL_STAGES[index - 1]];
    return {
      stage,
      count: current,
      conversionFromPrevious: percentage(current, previous),
      dropOff: previous - current,
    };
  });
}

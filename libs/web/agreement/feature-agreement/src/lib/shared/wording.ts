import type {
  FitCondition,
  FitCriterion,
  FitField,
  IntentSignalRule,
  Kpi,
  MatrixOutcome,
  RejectionReason,
} from '@accord/domain/agreement';
import { SENIORITY_LABELS } from '@accord/domain/agreement';
import { type MetricUnit, accrues, metricByKey } from '@accord/domain/dashboard';
import type { Role } from '@accord/domain/workspace';

const FIELD_LABELS: Record<FitField, string> = {
  employeeCount: 'Employee count',
  annualRevenue: 'Annual revenue',
  industry: 'Industry',
  country: 'Country',
  technologies: 'Technologies',
  seniority: 'Seniority',
  department: 'Department',
  emailDomain: 'E-mail domain',
  title: 'Job title',
  budgetAuthority: 'Budget authority',
};

const OUTCOME_LABELS: Record<MatrixOutcome, string> = {
  MQL: 'MQL',
  FAST_TRACK: 'Fast track',
  NURTURE: 'Nurture',
};

/** Words for the vocabulary's constants wherever they appear as values. */
const VALUE_LABELS: Record<string, string> = {
  ...FIELD_LABELS,
  ...OUTCOME_LABELS,
  ...SENIORITY_LABELS,
  RECYCLE: 'Recycle',
  DISQUALIFY: 'Disqualify',
  OUTCOME: 'Outcome',
  ACTIVITY: 'Activity',
  WEEK: 'Week',
  MONTH: 'Month',
  QUARTER: 'Quarter',
  ROUND_ROBIN: 'Round robin',
  TERRITORY: 'By territory',
  RANGE: 'Range',
  ANY_OF: 'Any of',
  CONTAINS_ANY: 'Contains any of',
  IS: 'Is',
};

export function fieldLabel(field: FitField): string {
  return FIELD_LABELS[field];
}

export function outcomeLabel(outcome: MatrixOutcome): string {
  return OUTCOME_LABELS[outcome];
}

/** The label of a vocabulary constant (MQL, RECYCLE, MONTH…); other text as it is. */
export function valueLabel(value: string): string {
  return VALUE_LABELS[value] ?? value;
}

const MINUS = '\u2212';

export function formatNumber(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : '—';
}

/** "+15", "−30" */
export function signedPoints(points: number): string {
  return `${points < 0 ? MINUS : '+'}${formatNumber(Math.abs(points))}`;
}

function quotedList(values: readonly string[]): string {
  return values.map((value) => `“${valueLabel(value)}”`).join(', ');
}

/** A condition in words: "50 to under 200", "any of “US”, “CA”", "contains “sales”", "yes". */
export function conditionText(condition: FitCondition): string {
  switch (condition.kind) {
    case 'RANGE':
      if (condition.min !== null && condition.max !== null)
        return `${formatNumber(condition.min)} to under ${formatNumber(condition.max)}`;
      if (condition.min !== null) return `${formatNumber(condition.min)} or more`;
      return condition.max !== null ? `under ${formatNumber(condition.max)}` : 'any value';
    case 'ANY_OF':
      return `any of ${quotedList(condition.values)}`;
    case 'CONTAINS_ANY':
      return `contains ${quotedList(condition.keywords)}`;
    case 'IS':
      return condition.value ? 'yes' : 'no';
  }
}

export function criterionText(criterion: FitCriterion): string {
  return `${criterion.label}: ${fieldLabel(criterion.field)} ${conditionText(criterion.condition)}, ${signedPoints(criterion.points)} points`;
}

export function signalText(signal: IntentSignalRule): string {
  return `${signal.label} (${signal.type}): weight ${formatNumber(signal.weight)}, counts ${signal.cap} at most, half-life ${formatNumber(signal.halfLifeDays)} days`;
}

export function recycleText(reason: RejectionReason): string {
  return reason.recycleAfterDays === null
    ? valueLabel(reason.consequence)
    : `${valueLabel(reason.consequence)} after ${reason.recycleAfterDays} days`;
}

export function reasonText(reason: RejectionReason): string {
  return `${reason.label}: ${recycleText(reason)}`;
}

/**
 * What a KPI's number measures, from the dashboard metric of the same key (the dashboard holds it to its target):
 * a KPI of the workspace's own counts things.
 */
export function kpiUnit(key: string): MetricUnit {
  return metricByKey(key)?.unit ?? 'COUNT';
}

/**
 * Whether a target is so much per week, month or quarter: counts and amounts add up over time, but a rate
 * ("90%") or a duration ("30 days") is the same whatever the period, so the document's period means nothing there.
 */
export function targetHasPeriod(unit: MetricUnit): boolean {
  return accrues(unit);
}

/** "60 per month", "90%", "30 days", "No target". */
export function kpiTargetText(target: Kpi['target'], unit: MetricUnit): string {
  if (target === null) return 'No target';
  const value = formatNumber(target.value);
  switch (unit) {
    case 'RATE':
      return `${value}%`;
    case 'DAYS':
      return `${value} ${target.value === 1 ? 'day' : 'days'}`;
    case 'RATIO':
      return value;
    case 'COUNT':
    case 'AMOUNT':
      return `${value} per ${target.period.toLowerCase()}`;
  }
}

export function kpiText(kpi: Kpi): string {
  return `${kpi.name} (${valueLabel(kpi.kind).toLowerCase()}): ${kpiTargetText(kpi.target, kpiUnit(kpi.key))}`;
}

/** A member's name when the page knows it, else their id as the agreement stores it. */
export function personName(id: string, people: ReadonlyMap<string, string>): string {
  return people.get(id) ?? id;
}

/** The day of an instant as every date of the app reads, "25 Nov 2026", in `timeZone` (the browser's if none). */
export function formatDay(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** An instant in the workspace's time zone, e.g. "12 Mar 2026, 14:05". */
export function formatInstant(iso: string | null, timeZone?: string): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** Who may start a backtest (the API's rule): the teams that write the agreement, and admins. */
export function canRunBacktest(roles: readonly Role[]): boolean {
  return roles.some((role) => role === 'ADMIN' || role === 'MARKETING' || role === 'SALES');
}

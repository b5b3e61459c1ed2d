import type { DrillSource } from '@accord/domain/dashboard';
import { LIFECYCLE_STAGE_LABELS } from '@accord/domain/leads';

import {
  EMPLOYEE_BAND_OF,
  JOIN_LEAD,
  LEAD_SEGMENT,
  inForceAt,
  inPeriod,
  ownedBy,
  recordedUnder,
} from './fact-scope';

/**
 * One kind of recorded fact, read straight from its table within the scope ($1–$14, see fact-scope.ts):
 * every select yields `at`, `lead_id`, `fact` (a FactName), `amount`, `row_key` (unique across sources) and
 * `detail` (one line for the drill-down list).
 */
export interface FactSource {
  at: string;
  fact: string;
  amount: string;
  rowKey: string;
  detail: string;
  /** The member the fact counts for (the owner and team filters and the per-rep view). */
  owner: string;
  /** The version the fact was recorded under; null for facts that belong to the version in force at `at`. */
  version: string | null;
  /**
   * What the rollup keeps besides the count: a rejection's reason, grade and its lead's source and campaign; a
   * win's cycle lengths.
   */
  rollup?: Partial<Record<RollupExtra, string>>;
  /** FROM … WHERE …, within the scope. */
  body: string;
}

/** The rollup's extra columns and their types (a source without one selects a NULL of that type). */
const ROLLUP_EXTRA_TYPES = {
  grade: 'text',
  reason_key: 'text',
  lead_source: 'text',
  lead_campaign: 'text',
  reason_label: 'text',
  decided_at: 'timestamptz',
  sales_days: 'float8',
  opportunity_days: 'float8',
} as const;
export type RollupExtra = keyof typeof ROLLUP_EXTRA_TYPES;

const FUNNEL_STAGE_LIST = `('LEAD', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON')`;
const ACTIVITY_TYPES = `('EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED')`;
const CLOSING = `ot.from_stage IS NOT NULL AND ot.from_stage NOT IN ('WON', 'LOST') AND ot.to_stage IN ('WON', 'LOST')`;
const WON = `${CLOSING} AND ot.to_stage = 'WON'`;

/**
 * The drill-down's details in the words the app uses, written in SQL since the rows are read page by page there:
 * a stage as the lead page names it ("Nurture → MQL", not "NURTURE → MQL").
 */
const stageWords = (column: string) =>
  `CASE ${column} ${Object.entries(LIFECYCLE_STAGE_LABELS)
    .map(([stage, label]) => `WHEN '${stage}' THEN '${label.replace(/'/g, "''")}'`)
    .join(' ')} ELSE ${column} END`;
/** "ACCEPTED" as "accepted". */
const statusWords = (column: string) => `lower(${column})`;
/** A signal type as the timeline names types it has no label for: "CALL_MADE" as "Call made". */
const typeWords = (column: string) =>
  `upper(left(${column}, 1)) || lower(replace(substr(${column}, 2), '_', ' '))`;

const transitions = (stageCondition: string): FactSource => ({
  at: 't.at',
  fact: `'ENTERED_' || t.to_stage`,
  amount: '0',
  rowKey: `'t' || t.id`,
  detail: `coalesce(${stageWords('t.from_stage')}, 'New') || ' → ' || ${stageWords('t.to_stage')}`,
  owner: 'l.owner_id',
  version: 't.version_id',
  body: `FROM lead_transitions t ${JOIN_LEAD('t')}
   WHERE ${inPeriod('t.at')} AND ${stageCondition} AND ${recordedUnder('t.version_id')}
     AND ${ownedBy('l.owner_id')} AND ${LEAD_SEGMENT}`,
});

const HANDOVERS = `FROM handovers h ${JOIN_LEAD('h')}`;
const HANDOVER_SCOPE = `${recordedUnder('h.version_id')} AND ${ownedBy('h.owner_id')} AND ${LEAD_SEGMENT}`;

const handoversDecided: FactSource = {
  at: 'h.decided_at',
  fact: `'HANDOVER_' || h.status`,
  amount: '0',
  rowKey: `'h' || h.id`,
  detail: `${statusWords('h.status')} || coalesce(': ' || h.reason_label, '')`,
  owner: 'h.owner_id',
  version: 'h.version_id',
  rollup: {
    grade: `CASE WHEN h.status = 'REJECTED' THEN h.grade END`,
    reason_key: `CASE WHEN h.status = 'REJECTED' THEN h.reason_key END`,
    lead_source: `CASE WHEN h.status = 'REJECTED' THEN l.source END`,
    lead_campaign: `CASE WHEN h.status = 'REJECTED' THEN l.campaign END`,
    reason_label: `CASE WHEN h.status = 'REJECTED' THEN h.reason_label END`,
    decided_at: `CASE WHEN h.status = 'REJECTED' THEN h.decided_at END`,
  },
  body: `${HANDOVERS} WHERE ${inPeriod('h.decided_at')} AND h.status IN ('ACCEPTED', 'REJECTED') AND ${HANDOVER_SCOPE}`,
};

const handoversDue = (onlyWithinSla: boolean): FactSource => ({
  at: 'h.handed_over_at',
  fact: onlyWithinSla ? `'HANDOVER_WITHIN_SLA'` : `'HANDOVER_DUE'`,
  amount: '0',
  rowKey: `'h' || h.id`,
  detail: `CASE WHEN h.within_sla THEN 'within SLA (' ELSE 'SLA missed (' END || ${statusWords('h.status')} || ')'`,
  owner: 'h.owner_id',
  version: 'h.version_id',
  body: `${HANDOVERS} WHERE ${inPeriod('h.handed_over_at')} AND h.status <> 'OPEN'
     ${onlyWithinSla ? 'AND h.within_sla' : ''} AND ${HANDOVER_SCOPE}`,
});

const qualifiedMeetings: FactSource = {
  at: 'm.scheduled_at',
  fact: `'QUALIFIED_MEETING'`,
  amount: '0',
  rowKey: `'m' || m.id`,
  detail: `coalesce(m.title, 'Qualified meeting held')`,
  owner: 'm.owner_id',
  version: null,
  body: `FROM meetings m ${JOIN_LEAD('m')}
   WHERE ${inPeriod('m.scheduled_at')} AND m.qualified AND m.status = 'HELD' AND ${inForceAt('m.scheduled_at')}
     AND ${ownedBy('m.owner_id')} AND ${LEAD_SEGMENT}`,
};

const opportunityChanges = (condition: string): FactSource => ({
  at: 'ot.at',
  fact: `CASE WHEN ot.from_stage IS NULL THEN 'OPPORTUNITY_OPENED' ELSE 'OPPORTUNITY_' || ot.to_stage END`,
  amount: 'ot.amount',
  rowKey: `'o' || ot.id`,
  // Written as the dashboard's cards write amounts: "won 42,200 USD" (cents only when there are some).
  detail: `CASE WHEN ot.from_stage IS NULL THEN 'opened' ELSE lower(ot.to_stage) END || ' ' ||
    CASE WHEN ot.amount = trunc(ot.amount) THEN to_char(ot.amount, 'FM999,999,999,990')
         ELSE to_char(ot.amount, 'FM999,999,999,990.00') END || ' ' || o.currency`,
  owner: 'o.owner_id',
  version: 'ot.version_id',
  rollup: {
    sales_days: `CASE WHEN ${WON} THEN (extract(epoch FROM ot.at - l.created_at) / 86400)::float8 END`,
    opportunity_days: `CASE WHEN ${WON} THEN (extract(epoch FROM ot.at - o.opened_at) / 86400)::float8 END`,
  },
  body: `FROM opportunity_transitions ot
    JOIN opportunities o ON o.workspace_id = ot.workspace_id AND o.id = ot.opportunity_id ${JOIN_LEAD('o')}
   WHERE ${inPeriod('ot.at')} AND (${condition}) AND ${recordedUnder('ot.version_id')}
     AND ${ownedBy('o.owner_id')} AND ${LEAD_SEGMENT}`,
});

/** Days from `since` to the transition, as a drill-down row words a win's cycle: "38.5 days". */
const daysSince = (since: string) => {
  const days = `round((extract(epoch FROM ot.at - ${since}) / 86400)::numeric, 1)`;
  return `trim(trailing '.' from to_char(${days}, 'FM999,999,990.9')) || CASE WHEN ${days} = 1 THEN ' day' ELSE ' days' END`;
};

/**
 * The wins of a sales cycle's drill-down, each row saying the days the median is taken of: "38.5 days from first
 * touch (won 42,200 USD)".
 */
const winCycles = (since: string, from: string): FactSource => {
  const won = opportunityChanges(WON);
  return { ...won, detail: `${daysSince(since)} || ' ${from} (' || ${won.detail} || ')'` };
};

const activity = (types: string): FactSource => ({
  at: 's.occurred_at',
  fact: 's.type',
  amount: '0',
  rowKey: `'s' || s.lead_id || ':' || s.external_id`,
  detail: `${typeWords('s.type')} || coalesce(' via ' || s.source, '')`,
  owner: 'l.owner_id',
  version: null,
  body: `FROM signals s ${JOIN_LEAD('s')}
   WHERE ${inPeriod('s.occurred_at')} AND s.type IN ${types} AND ${inForceAt('s.occurred_at')}
     AND ${ownedBy('l.owner_id')} AND ${LEAD_SEGMENT}`,
});

/** Every fact the dashboard counts, each once. */
export const COUNTED_SOURCES: readonly FactSource[] = [
  transitions(`t.to_stage IN ${FUNNEL_STAGE_LIST}`),
  handoversDecided,
  handoversDue(false),
  handoversDue(true),
  qualifiedMeetings,
  opportunityChanges(`ot.from_stage IS NULL OR ${CLOSING}`),
  activity(ACTIVITY_TYPES),
];

/** The facts behind a drill-down source. */
export function drillSource(source: DrillSource): FactSource {
  switch (source) {
    case 'ENTERED_LEAD':
    case 'ENTERED_MQL':
    case 'ENTERED_SAL':
    case 'ENTERED_SQL':
    case 'ENTERED_OPPORTUNITY':
    case 'ENTERED_WON':
      return transitions(`t.to_stage = '${source.slice('ENTERED_'.length)}'`);
    case 'HANDOVER_DECIDED':
      return handoversDecided;
    case 'HANDOVER_SLA':
      return handoversDue(false);
    case 'QUALIFIED_MEETING':
      return qualifiedMeetings;
    case 'OPPORTUNITY_OPENED':
      return opportunityChanges('ot.from_stage IS NULL');
    case 'OPPORTUNITY_WON':
      return opportunityChanges(WON);
    case 'OPPORTUNITY_CLOSED':
      return opportunityChanges(CLOSING);
    case 'WON_SALES_CYCLE':
      return winCycles('l.created_at', 'from first touch');
    case 'WON_OPPORTUNITY_CYCLE':
      return winCycles('o.opened_at', 'from the opportunity');
    case 'EMAIL_SENT':
    case 'CALL_MADE':
    case 'MEETING_BOOKED':
      return activity(`('${source}')`);
  }
}

/**
 * The facts a rep is credited with, each credited to its source's owner: handovers accepted (the handover's
 * owner), qualified meetings held (the meeting's), wins (the opportunity's) and activity (the lead's).
 */
export const REP_SOURCES: readonly FactSource[] = [
  handoversDecided,
  qualifiedMeetings,
  opportunityChanges(WON),
  activity(ACTIVITY_TYPES),
];

/** The select of a source with the columns a caller needs (and the owner it credits, for the reps). */
export function selectFacts(source: FactSource, columns: 'count' | 'owned' | 'rows'): string {
  const list =
    columns === 'rows'
      ? `${source.at} AS at, l.id AS lead_id, ${source.rowKey} AS row_key, ${source.detail} AS detail,
         l.first_name, l.last_name, l.email, l.company_name`
      : `${source.at} AS at, ${source.fact} AS fact, ${source.amount} AS amount`;
  return `SELECT ${columns === 'owned' ? `${source.owner} AS owner_id, ` : ''}${list} ${source.body}`;
}

/**
 * The select of a source for the rollup: the fact with everything a slice is keyed by (the owner, the lead's
 * segment, the version — recorded, or in force at the fact's time) and the rollup's extra columns.
 */
export function selectRollupFacts(source: FactSource): string {
  const version =
    source.version ??
    `(SELECT v.id FROM agreement_versions v
       WHERE v.status = 'PUBLISHED' AND v.effective_at <= ${source.at}
         AND (v.superseded_at IS NULL OR v.superseded_at > ${source.at})
       ORDER BY v.number DESC LIMIT 1)`;
  const extras = Object.entries(ROLLUP_EXTRA_TYPES)
    .map(([extra, type]) => `${source.rollup?.[extra as RollupExtra] ?? `NULL::${type}`} AS ${extra}`)
    .join(', ');
  return `SELECT ${source.at} AS at, ${source.fact} AS fact, ${source.amount} AS amount, ${version} AS version_id,
         ${source.owner} AS owner_id, l.industry, ${EMPLOYEE_BAND_OF('l.employee_count')} AS employee_band,
         l.country, l.source, l.campaign, ${extras} ${source.body}`;
}

/** Wins in the scope with their cycle lengths in days, from the lead's creation and from the opening. */
export const WIN_CYCLES = `SELECT ot.at AS at,
       extract(epoch FROM ot.at - l.created_at) / 86400 AS sales_days,
       extract(epoch FROM ot.at - o.opened_at) / 86400 AS opportunity_days
  ${opportunityChanges(WON).body}`;

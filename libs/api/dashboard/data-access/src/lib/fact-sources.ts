import type { DrillSource } from '@accord/domain/dashboard';

import { JOIN_LEAD, LEAD_SEGMENT, inForceAt, inPeriod, ownedBy, recordedUnder } from './fact-scope';

/**
 * One kind of recorded fact, read straight from its table within the scope ($1–$13, see fact-scope.ts):
 * every select yields `at`, `lead_id`, `fact` (a FactName), `amount`, `row_key` (unique across sources) and
 * `detail` (one line for the drill-down list).
 */
interface FactSource {
  at: string;
  fact: string;
  amount: string;
  rowKey: string;
  detail: string;
  /** FROM … WHERE …, within the scope. */
  body: string;
}

const FUNNEL_STAGE_LIST = `('LEAD', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON')`;
const ACTIVITY_TYPES = `('EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED')`;
const CLOSING = `ot.from_stage IS NOT NULL AND ot.from_stage NOT IN ('WON', 'LOST') AND ot.to_stage IN ('WON', 'LOST')`;

const transitions = (stageCondition: string): FactSource => ({
  at: 't.at',
  fact: `'ENTERED_' || t.to_stage`,
  amount: '0',
  rowKey: `'t' || t.id`,
  detail: `coalesce(t.from_stage, 'new') || ' → ' || t.to_stage`,
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
  detail: `h.status || coalesce(': ' || h.reason_label, '')`,
  body: `${HANDOVERS} WHERE ${inPeriod('h.decided_at')} AND h.status IN ('ACCEPTED', 'REJECTED') AND ${HANDOVER_SCOPE}`,
};

const handoversDue = (onlyWithinSla: boolean): FactSource => ({
  at: 'h.handed_over_at',
  fact: onlyWithinSla ? `'HANDOVER_WITHIN_SLA'` : `'HANDOVER_DUE'`,
  amount: '0',
  rowKey: `'h' || h.id`,
  detail: `CASE WHEN h.within_sla THEN 'within SLA (' || h.status || ')' ELSE 'SLA missed (' || h.status || ')' END`,
  body: `${HANDOVERS} WHERE ${inPeriod('h.handed_over_at')} AND h.status <> 'OPEN'
     ${onlyWithinSla ? 'AND h.within_sla' : ''} AND ${HANDOVER_SCOPE}`,
});

const qualifiedMeetings: FactSource = {
  at: 'm.scheduled_at',
  fact: `'QUALIFIED_MEETING'`,
  amount: '0',
  rowKey: `'m' || m.id`,
  detail: `coalesce(m.title, 'Qualified meeting held')`,
  body: `FROM meetings m ${JOIN_LEAD('m')}
   WHERE ${inPeriod('m.scheduled_at')} AND m.qualified AND m.status = 'HELD' AND ${inForceAt('m.scheduled_at')}
     AND ${ownedBy('m.owner_id')} AND ${LEAD_SEGMENT}`,
};

const opportunityChanges = (condition: string): FactSource => ({
  at: 'ot.at',
  fact: `CASE WHEN ot.from_stage IS NULL THEN 'OPPORTUNITY_OPENED' ELSE 'OPPORTUNITY_' || ot.to_stage END`,
  amount: 'ot.amount',
  rowKey: `'o' || ot.id`,
  detail: `CASE WHEN ot.from_stage IS NULL THEN 'opened' ELSE lower(ot.to_stage) END || ' ' || ot.amount || ' ' || o.currency`,
  body: `FROM opportunity_transitions ot
    JOIN opportunities o ON o.workspace_id = ot.workspace_id AND o.id = ot.opportunity_id ${JOIN_LEAD('o')}
   WHERE ${inPeriod('ot.at')} AND (${condition}) AND ${recordedUnder('ot.version_id')}
     AND ${ownedBy('o.owner_id')} AND ${LEAD_SEGMENT}`,
});

const activity = (types: string): FactSource => ({
  at: 's.occurred_at',
  fact: 's.type',
  amount: '0',
  rowKey: `'s' || s.lead_id || ':' || s.external_id`,
  detail: `s.type || coalesce(' via ' || s.source, '')`,
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
      return opportunityChanges(`${CLOSING} AND ot.to_stage = 'WON'`);
    case 'OPPORTUNITY_CLOSED':
      return opportunityChanges(CLOSING);
    case 'EMAIL_SENT':
    case 'CALL_MADE':
    case 'MEETING_BOOKED':
      return activity(`('${source}')`);
  }
}

/**
 * The facts a rep is credited with, each with the owner it credits: handovers accepted (the handover's owner),
 * qualified meetings held (the meeting's), wins (the opportunity's) and activity (the lead's).
 */
export const REP_SOURCES: readonly { source: FactSource; owner: string }[] = [
  { source: handoversDecided, owner: 'h.owner_id' },
  { source: qualifiedMeetings, owner: 'm.owner_id' },
  { source: opportunityChanges(`${CLOSING} AND ot.to_stage = 'WON'`), owner: 'o.owner_id' },
  { source: activity(ACTIVITY_TYPES), owner: 'l.owner_id' },
];

/** The select of a source with the columns a caller needs (and the owner it credits, for the reps). */
export function selectFacts(source: FactSource, columns: 'count' | 'rows', owner?: string): string {
  const list =
    columns === 'count'
      ? `${source.at} AS at, ${source.fact} AS fact, ${source.amount} AS amount`
      : `${source.at} AS at, l.id AS lead_id, ${source.rowKey} AS row_key, ${source.detail} AS detail,
         l.first_name, l.last_name, l.email, l.company_name`;
  return `SELECT ${owner ? `${owner} AS owner_id, ` : ''}${list} ${source.body}`;
}

/** Wins in the scope with their cycle lengths in days, from the lead's creation and from the opening. */
export const WIN_CYCLES = `SELECT ot.at AS at,
       extract(epoch FROM ot.at - l.created_at) / 86400 AS sales_days,
       extract(epoch FROM ot.at - o.opened_at) / 86400 AS opportunity_days
  ${opportunityChanges(`${CLOSING} AND ot.to_stage = 'WON'`).body}`;

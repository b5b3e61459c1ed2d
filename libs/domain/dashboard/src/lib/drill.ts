import { FUNNEL_STAGES, FunnelStage } from './facts';

/**
 * The recorded facts a number is made of, one kind per table and condition:
 * `ENTERED_<stage>` lead transitions; `HANDOVER_DECIDED` handovers accepted or rejected; `HANDOVER_SLA`
 * handovers handed over and no longer open; `QUALIFIED_MEETING` qualified meetings held; `OPPORTUNITY_OPENED`,
 * `OPPORTUNITY_WON`, `OPPORTUNITY_CLOSED` opportunity transitions — `WON_SALES_CYCLE` and `WON_OPPORTUNITY_CYCLE`
 * are the wins again, each row saying how many days it took (from the lead's first touch, or from the
 * opportunity's opening), the numbers a sales cycle's median is taken of; `EMAIL_SENT`, `CALL_MADE`,
 * `MEETING_BOOKED` activity signals.
 */
export type DrillSource =
  | `ENTERED_${FunnelStage}`
  | 'HANDOVER_DECIDED'
  | 'HANDOVER_SLA'
  | 'QUALIFIED_MEETING'
  | 'OPPORTUNITY_OPENED'
  | 'OPPORTUNITY_WON'
  | 'OPPORTUNITY_CLOSED'
  | 'WON_SALES_CYCLE'
  | 'WON_OPPORTUNITY_CYCLE'
  | 'EMAIL_SENT'
  | 'CALL_MADE'
  | 'MEETING_BOOKED';

const METRIC_SOURCES: Record<string, readonly DrillSource[]> = {
  mqls: ['ENTERED_MQL'],
  'mql-acceptance-rate': ['HANDOVER_DECIDED'],
  sqls: ['ENTERED_SQL'],
  'qualified-meetings-held': ['QUALIFIED_MEETING'],
  'pipeline-sourced': ['OPPORTUNITY_OPENED'],
  'revenue-won': ['OPPORTUNITY_WON'],
  'close-rate': ['OPPORTUNITY_CLOSED'],
  'sales-cycle-days': ['WON_SALES_CYCLE'],
  'opportunity-cycle-days': ['WON_OPPORTUNITY_CYCLE'],
  'sla-met': ['HANDOVER_SLA'],
  'emails-sent': ['EMAIL_SENT'],
  'calls-made': ['CALL_MADE'],
  'meetings-booked': ['MEETING_BOOKED'],
  'calls-per-qualified-meeting': ['CALL_MADE', 'QUALIFIED_MEETING'],
  'emails-per-sql': ['EMAIL_SENT', 'ENTERED_SQL'],
};

/** The drill-down key of a funnel step: "funnel-MQL". */
export function funnelDrillKey(stage: FunnelStage): string {
  return `funnel-${stage}`;
}

/**
 * The facts behind a metric (or a funnel step's `funnel-<STAGE>` key): for a count or amount, the facts counted;
 * for a rate, its denominator's facts (each row's detail says whether it is in the numerator); for a ratio,
 * both sides. Undefined for an unknown key.
 */
export function drillSources(key: string): readonly DrillSource[] | undefined {
  if (Object.prototype.hasOwnProperty.call(METRIC_SOURCES, key)) return METRIC_SOURCES[key];
  const stage = FUNNEL_STAGES.find((candidate) => funnelDrillKey(candidate) === key);
  return stage ? [`ENTERED_${stage}`] : undefined;
}

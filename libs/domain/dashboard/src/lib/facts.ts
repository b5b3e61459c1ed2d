/** The lifecycle stages the funnel walks, in order; NURTURE, DISQUALIFIED and LOST are off its path. */
export const FUNNEL_STAGES = ['LEAD', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * What the dashboard counts, summed over a span of days. Every number on the dashboard is a formula over
 * these (see metrics.ts), so the API, the rollups and the tests agree on one set of facts:
 *
 * - `entered`: lead_transitions into each funnel stage, by the transition's time;
 * - `handoversAccepted` / `handoversRejected`: handovers decided so, by decision time;
 * - `handoversDue`: handovers handed over in the span that are no longer open (decided, or expired);
 *   `handoversWithinSla`: those of them decided by their due time;
 * - `qualifiedMeetingsHeld`: meetings marked held and qualified, by scheduled time;
 * - `opportunitiesOpened` / `pipelineSourced`: openings and their opening amounts;
 * - `opportunitiesWon` / `opportunitiesLost` / `revenueWon`: closes, and the amounts won;
 * - `salesCycleDays` / `opportunityCycleDays`: per win, days from the lead's creation (its first touch) and
 *   from the opportunity's opening to the win;
 * - `emailsSent`, `callsMade`, `meetingsBooked`: activity signals, by their time.
 */
export interface FactCounts {
  entered: Record<FunnelStage, number>;
  handoversAccepted: number;
  handoversRejected: number;
  handoversDue: number;
  handoversWithinSla: number;
  qualifiedMeetingsHeld: number;
  opportunitiesOpened: number;
  pipelineSourced: number;
  opportunitiesWon: number;
  opportunitiesLost: number;
  revenueWon: number;
  emailsSent: number;
  callsMade: number;
  meetingsBooked: number;
  salesCycleDays: number[];
  opportunityCycleDays: number[];
}

/** The additive counters of FactCounts (everything but `entered` and the cycle lists). */
export const FACT_COUNTERS = [
  'handoversAccepted',
  'handoversRejected',
  'handoversDue',
  'handoversWithinSla',
  'qualifiedMeetingsHeld',
  'opportunitiesOpened',
  'pipelineSourced',
  'opportunitiesWon',
  'opportunitiesLost',
  'revenueWon',
  'emailsSent',
  'callsMade',
  'meetingsBooked',
] as const;
export type FactCounter = (typeof FACT_COUNTERS)[number];

export function emptyFacts(): FactCounts {
  return {
    entered: { LEAD: 0, MQL: 0, SAL: 0, SQL: 0, OPPORTUNITY: 0, WON: 0 },
    handoversAccepted: 0,
    handoversRejected: 0,
    handoversDue: 0,
    handoversWithinSla: 0,
    qualifiedMeetingsHeld: 0,
    opportunitiesOpened: 0,
    pipelineSourced: 0,
    opportunitiesWon: 0,
    opportunitiesLost: 0,
    revenueWon: 0,
    emailsSent: 0,
    callsMade: 0,
    meetingsBooked: 0,
    salesCycleDays: [],
    opportunityCycleDays: [],
  };
}

/** Adds `more` into `into` (mutating it) and returns it. */
export function addFacts(into: FactCounts, more: FactCounts): FactCounts {
  for (const stage of FUNNEL_STAGES) into.entered[stage] += more.entered[stage];
  for (const counter of FACT_COUNTERS) into[counter] += more[counter];
  // Amounts in whole cents stay exact when summed as cents.
  into.pipelineSourced = roundCents(into.pipelineSourced);
  into.revenueWon = roundCents(into.revenueWon);
  into.salesCycleDays.push(...more.salesCycleDays);
  into.opportunityCycleDays.push(...more.opportunityCycleDays);
  return into;
}

/** The sum of several days' facts. */
export function sumFacts(days: readonly FactCounts[]): FactCounts {
  return days.reduce((total, day) => addFacts(total, day), emptyFacts());
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** The name under which the API counts each kind of fact (one per table and condition). */
export const FACT_NAMES = [
  'ENTERED_LEAD',
  'ENTERED_MQL',
  'ENTERED_SAL',
  'ENTERED_SQL',
  'ENTERED_OPPORTUNITY',
  'ENTERED_WON',
  'HANDOVER_ACCEPTED',
  'HANDOVER_REJECTED',
  'HANDOVER_DUE',
  'HANDOVER_WITHIN_SLA',
  'QUALIFIED_MEETING',
  'OPPORTUNITY_OPENED',
  'OPPORTUNITY_WON',
  'OPPORTUNITY_LOST',
  'EMAIL_SENT',
  'CALL_MADE',
  'MEETING_BOOKED',
] as const;
export type FactName = (typeof FACT_NAMES)[number];

const COUNTER_OF: Record<Exclude<FactName, `ENTERED_${string}`>, FactCounter> = {
  HANDOVER_ACCEPTED: 'handoversAccepted',
  HANDOVER_REJECTED: 'handoversRejected',
  HANDOVER_DUE: 'handoversDue',
  HANDOVER_WITHIN_SLA: 'handoversWithinSla',
  QUALIFIED_MEETING: 'qualifiedMeetingsHeld',
  OPPORTUNITY_OPENED: 'opportunitiesOpened',
  OPPORTUNITY_WON: 'opportunitiesWon',
  OPPORTUNITY_LOST: 'opportunitiesLost',
  EMAIL_SENT: 'emailsSent',
  CALL_MADE: 'callsMade',
  MEETING_BOOKED: 'meetingsBooked',
};

/**
 * Adds `count` facts of a kind (and, for openings and wins, their `amount`) into `into`. Unknown names are
 * ignored, so a newer fact in a rollup cannot break an older reader.
 */
export function addFact(into: FactCounts, name: string, count: number, amount = 0): FactCounts {
  if (name.startsWith('ENTERED_')) {
    const stage = name.slice('ENTERED_'.length) as FunnelStage;
    if ((FUNNEL_STAGES as readonly string[]).includes(stage)) into.entered[stage] += count;
    return into;
  }
  const counter = (COUNTER_OF as Record<string, FactCounter | undefined>)[name];
  if (!counter) return into;
  into[counter] += count;
  if (name === 'OPPORTUNITY_OPENED') into.pipelineSourced = roundCents(into.pipelineSourced + amount);
  if (name === 'OPPORTUNITY_WON') into.revenueWon = roundCents(into.revenueWon + amount);
  return into;
}

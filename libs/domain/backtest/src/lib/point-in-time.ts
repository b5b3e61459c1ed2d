import type { Grade, MatrixOutcome } from '@accord/domain/agreement';
import type { PreparedVersion, Scores } from '@accord/domain/scoring';

import type { HistoricalLead } from './model';

/** Whether a matrix cell hands the lead to sales. */
export function handsOver(outcome: MatrixOutcome): boolean {
  return outcome === 'MQL' || outcome === 'FAST_TRACK';
}

/** The moment a version would have handed a lead over, and the scores it had then. */
export interface HandoverMoment {
  at: number;
  scores: Scores;
}

/**
 * The point-in-time rule. A lead is scored where the product scores it: when it is created, when each of its
 * signals arrives, and at the moment it was in fact handed over; each time only with the signals dated at or
 * before that moment. Between two such moments the fit cannot change and intent only decays, so a version
 * that does not hand the lead over at any of them would not have in between (for any matrix where a hotter
 * cell hands over whenever a colder one of the same grade does — every agreement we know of).
 * Returns the first such moment before `until` at which the version hands the lead over, or null.
 */
export function firstHandover(
  version: PreparedVersion,
  lead: HistoricalLead,
  until: number,
  fit: { fitScore: number; grade: Grade } = version.fit(lead.facts),
): HandoverMoment | null {
  for (const at of scoringMoments(lead, until)) {
    const intent = version.intent(lead.signals, at);
    const outcome = version.outcome(fit.grade, intent.temperature);
    if (handsOver(outcome)) return { at, scores: { ...fit, ...intent, outcome } };
  }
  return null;
}

/** Creation, each signal after it, and the recorded handover: ascending, distinct, before `until`. */
export function scoringMoments(lead: HistoricalLead, until: number): number[] {
  const moments = new Set<number>([lead.createdAt]);
  for (const type of Object.keys(lead.signals))
    for (const time of lead.signals[type]) if (time > lead.createdAt) moments.add(time);
  if (lead.handedOverAt !== null) moments.add(lead.handedOverAt);
  return [...moments].filter((moment) => moment < until).sort((a, b) => a - b);
}

/** Whether the lead had at least one signal of the type at or before the moment. */
export function hadSignal(lead: HistoricalLead, type: string, at: number): boolean {
  const times = Object.hasOwn(lead.signals, type) ? lead.signals[type] : undefined;
  return times !== undefined && times.some((time) => time <= at);
}

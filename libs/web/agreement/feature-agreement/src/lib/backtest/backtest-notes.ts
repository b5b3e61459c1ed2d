import type { ArmResult } from '@accord/domain/backtest';
import type { UnknownOutcomes } from '@accord/web/agreement/data-access';

const count = (value: number) => value.toLocaleString('en-US');

const COUNTED = 'The accepted, won and revenue lines count only MQLs that were handed over.';

/**
 * Says how many MQLs have no known outcome, or null when every MQL of both versions was handed over. Without it
 * "won ±0" beside extra MQLs reads as "the extra MQLs are worthless", when nobody knows what they would have done.
 */
export function unknownOutcomeNote(unknown: UnknownOutcomes, inForceName: string): string | null {
  const { draft, inForce, extra, extraUnknown } = unknown;
  const rise = draft.unknown - inForce.unknown;
  if (extraUnknown > 0 && rise > extra) {
    // More unknown outcomes than extra MQLs: the draft also drops MQLs that were handed over. "172 of the 172
    // extra" beside a table's "+176" unknown would read as a mistake, so both figures are given.
    const fewer = rise - extra;
    return `${count(rise)} more of this version's MQLs than ${inForceName}'s were never actually handed over to sales — more than its ${count(extra)} extra MQLs, as it also has ${count(fewer)} fewer that were: their acceptance, wins and revenue are unknown, not zero. ${COUNTED}`;
  }
  if (extraUnknown > 0) {
    const mqls = extra === 1 ? 'extra MQL was' : 'extra MQLs were';
    return `${extraUnknown.toLocaleString('en-US')} of the ${extra.toLocaleString('en-US')} ${mqls} never actually handed over to sales: their acceptance, wins and revenue are unknown, not zero. ${COUNTED}`;
  }
  if (draft.unknown === 0 && inForce.unknown === 0) return null;
  return `${draft.unknown.toLocaleString('en-US')} of this version's ${draft.mqls.toLocaleString('en-US')} MQLs and ${inForce.unknown.toLocaleString('en-US')} of ${inForceName}'s ${inForce.mqls.toLocaleString('en-US')} were never actually handed over to sales: their acceptance, wins and revenue are unknown, not zero. ${COUNTED}`;
}

/**
 * What publishing the version would do to sales' queue the moment it is in force: the nurtured leads it makes MQLs
 * at once, each a handover with its SLA running — a looser definition's backlog lands on one day, not spread over
 * the window like the averages above. Null for a run saved before this was counted.
 */
export function publishNote(draft: ArmResult, inForce: ArmResult, inForceName: string): string | null {
  const now = draft.onPublish;
  if (!now) return null;
  const handed = (handovers: number) => (handovers === 0 ? 'none' : count(handovers));
  const then = inForce.onPublish
    ? ` ${inForceName}, the version in force, would hand over ${handed(inForce.onPublish.handovers)}.`
    : '';
  const leads = now.handovers === 1 ? 'lead' : 'leads';
  const opening = `Publishing this version today would hand ${handed(now.handovers)} of today's nurtured ${leads} to sales at once`;
  if (now.handovers === 0) return `${opening}.${then}`;
  const heat = (['HOT', 'WARM', 'COLD'] as const)
    .filter((temperature) => now.byTemperature[temperature] > 0)
    .map(
      (temperature) =>
        `${count(now.byTemperature[temperature])} ${temperature.toLowerCase()} (due within ${draft.load.slaHours[temperature]} h)`,
    )
    .join(', ');
  const perRep = now.perRep.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${opening}: ${perRep} per rep; ${heat}.${then}`;
}

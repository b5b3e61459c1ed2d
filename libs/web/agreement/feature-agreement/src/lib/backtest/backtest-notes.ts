import type { UnknownOutcomes } from '@accord/web/agreement/data-access';

const COUNTED = 'The accepted, won and revenue lines count only MQLs that were handed over.';

/**
 * Says how many MQLs have no known outcome, or null when every MQL of both versions was handed over. Without it
 * "won ±0" beside extra MQLs reads as "the extra MQLs are worthless", when nobody knows what they would have done.
 */
export function unknownOutcomeNote(unknown: UnknownOutcomes, inForceName: string): string | null {
  const { draft, inForce, extra, extraUnknown } = unknown;
  if (extraUnknown > 0) {
    const mqls = extra === 1 ? 'extra MQL was' : 'extra MQLs were';
    return `${extraUnknown.toLocaleString('en-US')} of the ${extra.toLocaleString('en-US')} ${mqls} never actually handed over to sales: their acceptance, wins and revenue are unknown, not zero. ${COUNTED}`;
  }
  if (draft.unknown === 0 && inForce.unknown === 0) return null;
  return `${draft.unknown.toLocaleString('en-US')} of this version's ${draft.mqls.toLocaleString('en-US')} MQLs and ${inForce.unknown.toLocaleString('en-US')} of ${inForceName}'s ${inForce.mqls.toLocaleString('en-US')} were never actually handed over to sales: their acceptance, wins and revenue are unknown, not zero. ${COUNTED}`;
}

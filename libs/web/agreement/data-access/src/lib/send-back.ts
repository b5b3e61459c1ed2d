import type { AgreementEvent } from './agreement-version';

/** What a version's audit trail, read from its newest event, says about it having been sent back. */
export interface SendBackReading {
  /** The send-back the version is still a draft after; null when there is none. */
  event: AgreementEvent | null;
  /** False when the events ran out before saying either way: an older page may hold the answer. */
  settled: boolean;
}

/**
 * The latest send-back of a version, while it still stands: a draft stays "sent back" through its edits until it
 * is proposed again. `events` are the version's own, newest first; reaching a proposal or the version's creation
 * first means no send-back stands.
 */
export function standingSendBack(events: readonly AgreementEvent[]): SendBackReading {
  for (const event of events) {
    if (event.action === 'SENT_BACK') return { event, settled: true };
    if (event.action === 'PROPOSED' || event.action === 'CREATED') return { event: null, settled: true };
  }
  return { event: null, settled: false };
}

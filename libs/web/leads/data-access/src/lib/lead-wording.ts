import { LIFECYCLE_STAGE_LABELS, type Respelt, type SpelledField } from '@accord/domain/leads';
import {
  type ApiError,
  type LeadFieldsFragment,
  type LeadSort,
  type LifecycleStage,
  type Temperature,
  recordLoadMessage,
} from '@accord/web/shared/data-access';

export const STAGE_LABELS: Readonly<Record<LifecycleStage, string>> = LIFECYCLE_STAGE_LABELS;

export const TEMPERATURE_LABELS: Readonly<Record<Temperature, string>> = {
  COLD: 'Cold',
  WARM: 'Warm',
  HOT: 'Hot',
};

export const SORT_LABELS: Readonly<Record<LeadSort, string>> = {
  FIT: 'Fit score',
  INTENT: 'Intent score',
  NEWEST: 'Newest',
};

export { SENIORITY_LABELS } from '@accord/domain/agreement';

/** Points with their sign, rounded, as the explanation's summary writes them (domain code). */
export { signedPoints } from '@accord/domain/scoring';

/**
 * A score on the 0–100 scale as people read it: a whole number, rounded down — as the thresholds read it. Rounded
 * to nearest, an intent of 59.99 (a signal decayed for the few seconds before scoring) would show as 60 beside
 * "Warm" where the agreement makes 60 hot; a whole number is at or over a whole threshold exactly when the score is.
 */
export function wholeScore(value: number): string {
  return String(Math.floor(value));
}

/** "EMAIL_CLICK" as "E-mail click", for signal types the agreement gives no label (domain code). */
export { signalTypeLabel as typeLabel } from '@accord/domain/agreement';

/** The person's name, or their e-mail when no name is known. */
export function leadName(lead: Pick<LeadFieldsFragment, 'firstName' | 'lastName' | 'email'>): string {
  const name = [lead.firstName, lead.lastName].filter((part) => part && part.trim()).join(' ');
  return name || lead.email;
}

const MATRIX_OUTCOME_WORDS: Readonly<Record<string, string>> = {
  MQL: 'MQL',
  FAST_TRACK: 'fast track',
  NURTURE: 'nurture',
};

/**
 * Why a stage changed, in words. Scoring records its cell as "scored D/COLD: NURTURE" (the record stays terse and
 * stable for exports); a person reads "Scored fit D, cold intent: nurture". Every other reason the API writes
 * ("handover accepted", "qualified: 3 of 4 checklist items hold") is already words and only gets a capital.
 */
export function stageReason(reason: string): string {
  const scored = /^(re)?scored ([A-Z])\/(HOT|WARM|COLD): (MQL|FAST_TRACK|NURTURE)$/.exec(reason.trim());
  if (scored) {
    const [, again, grade, temperature, outcome] = scored;
    const verb = again ? 'Rescored' : 'Scored';
    const intent = TEMPERATURE_LABELS[temperature as Temperature].toLowerCase();
    return `${verb} fit ${grade}, ${intent} intent: ${MATRIX_OUTCOME_WORDS[outcome]}`;
  }
  const text = reason.trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Why the lead page shows no lead, in words: an address naming no lead of this workspace (a mistyped id is refused
 * by the API's id check, "Validation failed (uuid is expected)") says so and where to go; other failures keep the
 * API's message.
 */
export function leadLoadMessage(error: Pick<ApiError, 'code' | 'message'> | null): string | null {
  return recordLoadMessage(error, 'There is no lead at this address in this workspace. Find it in Leads.');
}

const SPELLED_LABELS: Readonly<Record<SpelledField, string>> = {
  industry: 'Industry',
  source: 'Source',
  campaign: 'Campaign',
};

/**
 * What a save stored in the workspace's spelling rather than as typed: `Source reads “LinkedIn”, as the workspace
 * already spells it.` — or '' — so that a changed case is not undone without a word.
 */
export function respeltWords(respelt: readonly Respelt[]): string {
  return respelt
    .map(
      ({ field, spelling }) =>
        `${SPELLED_LABELS[field]} reads “${spelling}”, as the workspace already spells it.`,
    )
    .join(' ');
}

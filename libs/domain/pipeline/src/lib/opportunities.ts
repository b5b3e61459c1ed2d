import type { LifecycleStage } from '@accord/domain/leads';

import type { CalendarDate } from './calendar-date';

/** An opportunity's stages in the order deals move through them; WON and LOST close it. */
export const OPPORTUNITY_STAGES = [
  'DISCOVERY',
  'DEMO',
  'PROOF_OF_CONCEPT',
  'NEGOTIATION',
  'WON',
  'LOST',
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** How people read each stage, in the web app and in the timeline's one-line summaries alike. */
export const OPPORTUNITY_STAGE_LABELS: Readonly<Record<OpportunityStage, string>> = {
  DISCOVERY: 'Discovery',
  DEMO: 'Demo',
  PROOF_OF_CONCEPT: 'Proof of concept',
  NEGOTIATION: 'Negotiation',
  WON: 'Won',
  LOST: 'Lost',
};

export const CLOSED_OPPORTUNITY_STAGES: readonly OpportunityStage[] = ['WON', 'LOST'];

/** The stage every opportunity opens in. */
export const FIRST_OPPORTUNITY_STAGE: OpportunityStage = 'DISCOVERY';

/** The largest amount an opportunity may carry (numeric(14,2) holds it with room to spare). */
export const MAX_OPPORTUNITY_AMOUNT = 100_000_000_000;

export const MAX_LOST_REASON_LENGTH = 500;

export function isClosedStage(stage: OpportunityStage): boolean {
  return CLOSED_OPPORTUNITY_STAGES.includes(stage);
}

/** Why an amount is refused: not a finite number, below zero, above the maximum, or finer than a cent. */
export type AmountRefusal = 'NOT_FINITE' | 'NEGATIVE' | 'TOO_LARGE' | 'TOO_PRECISE';

/**
 * Why an amount of money is refused, if it is; up to an opportunity's maximum unless another (a quota's) is given.
 * The bound is an option, not a second number, so that `amounts.map(amountRefusal)` cannot pass an index as one.
 */
export function amountRefusal(amount: number, { max = MAX_OPPORTUNITY_AMOUNT } = {}): AmountRefusal | null {
  if (!Number.isFinite(amount)) return 'NOT_FINITE';
  if (amount < 0) return 'NEGATIVE';
  if (amount > max) return 'TOO_LARGE';
  const cents = amount * 100;
  if (Math.abs(cents - Math.round(cents)) > 1e-6) return 'TOO_PRECISE';
  return null;
}

/** The currencies in use that ISO 4217 lists, as the runtime's ICU data knows them (USD, EUR… not XYZ). */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** A currency as ISO 4217 writes it: three capital letters, of a currency the standard lists. */
export function isCurrencyCode(value: string): boolean {
  return /^[A-Z]{3}$/.test(value) && CURRENCY_CODES.has(value);
}

/** Why an opportunity cannot be opened on a lead: only accepted leads (SAL, SQL) without an open one qualify. */
export type OpenRefusal = 'ALREADY_OPEN' | 'LEAD_NOT_ACCEPTED';

export function openRefusal(leadStage: LifecycleStage, hasOpenOpportunity: boolean): OpenRefusal | null {
  if (hasOpenOpportunity || leadStage === 'OPPORTUNITY') return 'ALREADY_OPEN';
  if (leadStage !== 'SAL' && leadStage !== 'SQL') return 'LEAD_NOT_ACCEPTED';
  return null;
}

/** A requested stage move, with what closing needs: the close date and, when lost, why. */
export interface OpportunityMove {
  from: OpportunityStage;
  to: OpportunityStage;
  closeDate: CalendarDate | null;
  lostReason: string | null;
  /** The day the opportunity opened, in the workspace's time zone. */
  openedOn: CalendarDate;
  /** Today, in the workspace's time zone. */
  today: CalendarDate;
}

export type OpportunityMoveRefusal =
  | 'ALREADY_CLOSED'
  | 'NOT_FORWARD'
  | 'CLOSE_DATE_REQUIRED'
  | 'CLOSE_DATE_ONLY_WHEN_CLOSING'
  | 'CLOSE_DATE_BEFORE_OPENED'
  | 'CLOSE_DATE_IN_FUTURE'
  | 'LOST_REASON_REQUIRED'
  | 'LOST_REASON_ONLY_WHEN_LOST'
  | 'LOST_REASON_TOO_LONG';

/**
 * Null when the move is allowed: forward only (skipping stages is fine), never out of WON or LOST; closing
 * needs a close date between the day it opened and today, and LOST a reason. A close date or lost reason on a
 * move that does not need one is refused rather than silently dropped.
 */
export function checkOpportunityMove(move: OpportunityMove): OpportunityMoveRefusal | null {
  if (isClosedStage(move.from)) return 'ALREADY_CLOSED';
  if (OPPORTUNITY_STAGES.indexOf(move.to) <= OPPORTUNITY_STAGES.indexOf(move.from)) return 'NOT_FORWARD';
  const reason = move.lostReason?.trim() ?? '';
  if (move.to === 'LOST') {
    if (reason === '') return 'LOST_REASON_REQUIRED';
    if (reason.length > MAX_LOST_REASON_LENGTH) return 'LOST_REASON_TOO_LONG';
  } else if (reason !== '') return 'LOST_REASON_ONLY_WHEN_LOST';
  if (!isClosedStage(move.to)) return move.closeDate === null ? null : 'CLOSE_DATE_ONLY_WHEN_CLOSING';
  if (move.closeDate === null) return 'CLOSE_DATE_REQUIRED';
  // YYYY-MM-DD strings order as the days they name.
  if (move.closeDate < move.openedOn) return 'CLOSE_DATE_BEFORE_OPENED';
  if (move.closeDate > move.today) return 'CLOSE_DATE_IN_FUTURE';
  return null;
}

/** Why an amount cannot change: a closed opportunity's amount is what it closed at. */
export function amountChangeRefusal(stage: OpportunityStage): 'ALREADY_CLOSED' | null {
  return isClosedStage(stage) ? 'ALREADY_CLOSED' : null;
}

/** The lead's lifecycle stage while its opportunity is at `stage`. */
export function leadStageFor(stage: OpportunityStage): LifecycleStage {
  if (stage === 'WON') return 'WON';
  if (stage === 'LOST') return 'LOST';
  return 'OPPORTUNITY';
}

/**
 * The digits of an amount as people read them: "25,000", "30,000.50" — whole amounts without cents, others with
 * both digits, once a sum's floating-point noise (0.1 + 0.2) is rounded away.
 */
export function formatMoney(amount: number): string {
  const digits = Number.isInteger(Math.round(amount * 100) / 100) ? 0 : 2;
  return amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * An amount as people read it, in the web app and in what the API writes for it (the lead timeline): "25,000 USD",
 * "30,000.50 USD".
 */
export function formatAmount(amount: number, currency: string): string {
  return `${formatMoney(amount)} ${currency}`;
}

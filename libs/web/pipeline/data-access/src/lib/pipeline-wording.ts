import {
  type MeetingStatus,
  OPPORTUNITY_STAGES,
  type OpportunityStage,
  isClosedStage,
} from '@accord/domain/pipeline';

export { OPPORTUNITY_STAGE_LABELS } from '@accord/domain/pipeline';

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  BOOKED: 'Booked',
  HELD: 'Held',
  NO_SHOW: 'No-show',
  CANCELLED: 'Cancelled',
};

/** The open stages an opportunity may still move to (forward only; closing is its own action). */
export function nextOpenStages(stage: OpportunityStage): OpportunityStage[] {
  if (isClosedStage(stage)) return [];
  return OPPORTUNITY_STAGES.slice(OPPORTUNITY_STAGES.indexOf(stage) + 1).filter(
    (next) => !isClosedStage(next),
  );
}

/** "25,000 USD", "30,000.50 USD": whole amounts without cents, others with two digits. */
export function formatAmount(amount: number, currency: string): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return `${amount.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${currency}`;
}

/** A form's amount: a finite number of at least zero, or a message saying what is wrong. */
export function parseAmount(text: string): { ok: true; amount: number } | { ok: false; message: string } {
  const cleaned = text.replace(/[\s,]/g, '');
  if (cleaned === '') return { ok: false, message: 'Enter an amount.' };
  const amount = Number(cleaned);
  if (!Number.isFinite(amount)) return { ok: false, message: 'Enter the amount as a number, e.g. 25000.' };
  if (amount < 0) return { ok: false, message: 'The amount cannot be negative.' };
  return { ok: true, amount };
}

/** Today as YYYY-MM-DD in the browser's calendar, for a close date's default. */
export function todayIso(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

import {
  type AmountRefusal,
  MAX_OPPORTUNITY_AMOUNT,
  type MeetingStatus,
  OPPORTUNITY_STAGES,
  type OpportunityStage,
  amountRefusal,
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

// One formatter for the web app and the API's own words (the lead timeline): the domain's.
export { formatAmount } from '@accord/domain/pipeline';

// "25000", "25000.50"; or grouped by thousands, "1,234,567.89" or "1 234 567.89" — one separator throughout.
const PLAIN_AMOUNT = /^\d+(\.\d+)?$/;
const COMMA_GROUPED_AMOUNT = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const SPACE_GROUPED_AMOUNT = /^\d{1,3}( \d{3})+(\.\d+)?$/;
// Digits and commas, but not in thousands: "25,50" (a decimal comma), "1,2345".
const MISPLACED_COMMAS = /^[\d,]+(\.\d+)?$/;
// Scientific notation, "1e12": a number, but not one a person checks at a glance.
const EXPONENT = /^\d+(\.\d+)?e[+-]?\d+$/i;
// A currency sign or code around the digits: "$25,000", "25000 EUR".
const CURRENCY = /^([$€£¥]|[A-Z]{3})\s*[\d., ]+$|^[\d., ]+\s*([$€£¥]|[A-Z]{3})$/i;

/** What to say of an amount none of the accepted forms reads. */
function unreadAmountText(text: string): string {
  if (MISPLACED_COMMAS.test(text))
    return 'Use commas only between groups of three digits, and a point for cents, e.g. 1,234,567.89.';
  if (EXPONENT.test(text)) return 'Write the amount out in digits, e.g. 1000000 rather than 1e6.';
  if (CURRENCY.test(text)) return 'Enter the amount without a currency: it is in the workspace’s currency.';
  return 'Enter the amount as a number, e.g. 25000.';
}

function amountRefusalText(refusal: AmountRefusal, max: number): string {
  switch (refusal) {
    case 'NEGATIVE':
      return 'The amount cannot be negative.';
    // Only a number too long for a double is not finite once the digits are checked.
    case 'NOT_FINITE':
    case 'TOO_LARGE':
      return `The amount cannot be more than ${max.toLocaleString('en-US')}.`;
    case 'TOO_PRECISE':
      return 'The amount is in whole cents: at most two digits after the point.';
  }
}

/**
 * A form's amount, or a message saying what is wrong. Plain decimals with a point for cents, optionally grouped
 * by thousands with commas or spaces; anything else JavaScript would read as a number ("0x10", "1e3",
 * "Infinity") is refused rather than guessed at. The API's bounds apply too: 0 up to `max` (an opportunity's
 * 100 billion unless another is given), in whole cents.
 */
export function parseAmount(
  text: string,
  { max = MAX_OPPORTUNITY_AMOUNT } = {},
): { ok: true; amount: number } | { ok: false; message: string } {
  // Browsers and locales group thousands with no-break spaces too.
  const trimmed = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (trimmed === '') return { ok: false, message: 'Enter an amount.' };
  const unsigned = trimmed.replace(/^-\s*/, '');
  if (![PLAIN_AMOUNT, COMMA_GROUPED_AMOUNT, SPACE_GROUPED_AMOUNT].some((form) => form.test(unsigned)))
    return { ok: false, message: unreadAmountText(unsigned) };
  if (unsigned !== trimmed) return { ok: false, message: 'The amount cannot be negative.' };
  // "70.000" is 70 to JavaScript and 70,000 in much of Europe: more than two digits after the point are refused
  // rather than read either way (a quota of 70 for one of 70,000 would pass unseen).
  const cents = /\.(\d+)$/.exec(unsigned)?.[1] ?? '';
  if (cents.length === 3 && !unsigned.includes(',') && !unsigned.startsWith('0.'))
    return {
      ok: false,
      message: 'A point is for cents: write thousands with a comma or nothing, e.g. 70,000 or 70000.',
    };
  if (cents.length > 2) return { ok: false, message: amountRefusalText('TOO_PRECISE', max) };
  const amount = Number(unsigned.replace(/[, ]/g, ''));
  const refusal = amountRefusal(amount, { max });
  return refusal === null ? { ok: true, amount } : { ok: false, message: amountRefusalText(refusal, max) };
}

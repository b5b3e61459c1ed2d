import { largestFirst } from './arithmetic';
import type { Evaluation } from './evaluation';
import type { IntentContribution } from './intent';

const SEPARATOR = ' · ';
const MINUS = '\u2212';

/**
 * One line a person can read, fit then intent, each largest first, e.g.
 * "+26 200–1,000 employees · −32 Personal e-mail address · +15 Pricing page visit ×3, decayed".
 * Empty when nothing contributed.
 */
export function explanationSummary(evaluation: Evaluation): string {
  const fit = largestFirst(evaluation.fit.contributions);
  const intent = largestFirst(evaluation.intent.contributions);
  // Whole points that add up to the whole score shown (the clamp's adjustment is a part, left unwritten).
  const fitPoints = wholePoints([...fit.map((item) => item.contribution), evaluation.fit.adjustment]);
  const intentPoints = wholePoints([
    ...intent.map((item) => item.contribution),
    evaluation.intent.adjustment,
  ]);
  return [
    ...fit.map((item, index) => `${signedPoints(item.contribution, fitPoints[index])} ${item.label}`),
    ...intent.map(
      (item, index) =>
        `${signedPoints(item.contribution, intentPoints[index])} ${intentContributionLabel(item)}`,
    ),
  ].join(SEPARATOR);
}

/** A float's noise below a billionth of a point, which would move a part across a whole number. */
const steady = (value: number) => Math.round(value * 1e9) / 1e9;

/**
 * Whole points for the parts of a score, adding up to the score as shown (rounded down, as scores are read):
 * each part rounded down or up, the ups going to the largest remainders (ties to the first). Rounded one by one,
 * parts of 58.6, 16.6 and 12.7 read "+59 +17 +13" beside an intent of 87.
 */
export function wholePoints(parts: readonly number[]): number[] {
  const exact = parts.map(steady);
  const floors = exact.map(Math.floor);
  // The total from the parts as they are: parts each cut to a billionth can sum a billionth short of a whole score
  // (eight parts of 95 points scaled to 100 sum to 99.999999999), which would leave the lines a point short.
  let ups =
    Math.floor(steady(parts.reduce((total, part) => total + part, 0))) - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((part, index) => ({ index, remainder: part - floors[index] }))
    .filter((entry) => entry.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder);
  const whole = [...floors];
  for (const { index } of byRemainder) {
    if (ups <= 0) break;
    whole[index] += 1;
    ups -= 1;
  }
  return whole;
}

/** An intent contribution as the summary names it: "Pricing page visit ×3, decayed". */
export function intentContributionLabel(
  item: Pick<IntentContribution, 'label' | 'counted' | 'decayed'>,
): string {
  const times = item.counted > 1 ? ` ×${item.counted}` : '';
  return `${item.label}${times}${item.decayed ? ', decayed' : ''}`;
}

/**
 * Points as the summary writes them, whole, with their sign: "+20", "−30" — rounded, or as `shown` gives them
 * (see wholePoints). The sign follows the unrounded value, so a small penalty reads "−0", never "+0".
 */
export function signedPoints(value: number, shown = Math.round(Math.abs(value))): string {
  return `${value < 0 ? MINUS : '+'}${Math.abs(shown)}`;
}

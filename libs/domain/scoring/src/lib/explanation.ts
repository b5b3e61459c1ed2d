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
  const fit = largestFirst(evaluation.fit.contributions).map(
    (item) => `${signedPoints(item.contribution)} ${item.label}`,
  );
  const intent = largestFirst(evaluation.intent.contributions).map(
    (item) => `${signedPoints(item.contribution)} ${intentContributionLabel(item)}`,
  );
  return [...fit, ...intent].join(SEPARATOR);
}

/** An intent contribution as the summary names it: "Pricing page visit ×3, decayed". */
export function intentContributionLabel(
  item: Pick<IntentContribution, 'label' | 'counted' | 'decayed'>,
): string {
  const times = item.counted > 1 ? ` ×${item.counted}` : '';
  return `${item.label}${times}${item.decayed ? ', decayed' : ''}`;
}

/**
 * Points as the summary writes them, rounded with their sign: "+20", "−30". The sign follows the unrounded
 * value, so a small penalty reads "−0", never "+0".
 */
export function signedPoints(value: number): string {
  return `${value < 0 ? MINUS : '+'}${Math.round(Math.abs(value))}`;
}

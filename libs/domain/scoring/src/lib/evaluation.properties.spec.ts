import fc from 'fast-check';

import { evaluationInputArbitrary, pastDate, signalArbitrary } from '../testing/arbitraries';
import { type EvaluationInput, evaluateLead } from './evaluation';
import { explanationSummary } from './explanation';

function total(contributions: readonly { contribution: number }[], adjustment: number): number {
  return contributions.reduce((sum, item) => sum + item.contribution, adjustment);
}

/** Rule types with a positive weight in the input's agreement; adding one of their signals can only help. */
function positiveTypes(input: EvaluationInput): string[] {
  return input.version.document.intent.signals.filter((rule) => rule.weight > 0).map((rule) => rule.type);
}

const withPositiveType = evaluationInputArbitrary.filter((input) => positiveTypes(input).length > 0);

describe('evaluateLead, for any lead, signals and valid agreement', () => {
  it('keeps both scores finite and within 0–100', () => {
    fc.assert(
      fc.property(evaluationInputArbitrary, (input) => {
        const { fit, intent } = evaluateLead(input);
        for (const score of [fit.score, intent.score]) {
          expect(Number.isFinite(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('explains each score exactly: contributions plus adjustment make the score', () => {
    fc.assert(
      fc.property(evaluationInputArbitrary, (input) => {
        const { fit, intent } = evaluateLead(input);
        expect(Math.abs(total(fit.contributions, fit.adjustment) - fit.score)).toBeLessThanOrEqual(1e-9);
        expect(Math.abs(total(intent.contributions, intent.adjustment) - intent.score)).toBeLessThanOrEqual(
          1e-9,
        );
      }),
    );
  });

  it('accounts for every signal exactly once: counted, over the cap, activity, unknown or future', () => {
    fc.assert(
      fc.property(evaluationInputArbitrary, (input) => {
        const { intent } = evaluateLead(input);
        const scored = intent.contributions.reduce((sum, item) => sum + item.counted + item.overCap, 0);
        const unscored = [...intent.activity, ...intent.unknownTypes].reduce(
          (sum, item) => sum + item.count,
          0,
        );
        // Over-cap signals of a type with none counted cannot exist: the cap is at least 1.
        expect(scored + unscored + intent.futureSignals).toBe(input.signals.length);
      }),
    );
  });

  it('never lowers intent when a signal of a positive-weight type is added', () => {
    fc.assert(
      fc.property(
        withPositiveType.chain((input) =>
          fc.tuple(fc.constant(input), signalArbitrary(fc.constantFrom(...positiveTypes(input)))),
        ),
        ([input, added]) => {
          const before = evaluateLead(input);
          const after = evaluateLead({ ...input, signals: [...input.signals, added] });
          expect(after.intent.score).toBeGreaterThanOrEqual(before.intent.score);
          expect(after.fit).toEqual(before.fit);
        },
      ),
    );
  });

  it('weighs an older signal no more than the same signal newer', () => {
    fc.assert(
      fc.property(
        withPositiveType.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.constantFrom(...positiveTypes(input)),
            fc.tuple(pastDate, pastDate),
          ),
        ),
        ([input, type, [first, second]]) => {
          const [older, newer] = first.getTime() <= second.getTime() ? [first, second] : [second, first];
          const withOlder = evaluateLead({
            ...input,
            signals: [...input.signals, { type, occurredAt: older }],
          });
          const withNewer = evaluateLead({
            ...input,
            signals: [...input.signals, { type, occurredAt: newer }],
          });
          expect(withOlder.intent.score).toBeLessThanOrEqual(withNewer.intent.score);
        },
      ),
    );
  });

  it('is deterministic: the same input, in any signal order, gives the same evaluation and summary', () => {
    fc.assert(
      fc.property(
        evaluationInputArbitrary.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.signals], {
              minLength: input.signals.length,
              maxLength: input.signals.length,
            }),
          ),
        ),
        ([input, shuffled]) => {
          const first = evaluateLead(input);
          const again = evaluateLead(structuredClone(input));
          const reordered = evaluateLead({ ...input, signals: shuffled });
          expect(again).toEqual(first);
          expect(reordered).toEqual(first);
          expect(explanationSummary(reordered)).toBe(explanationSummary(first));
        },
      ),
    );
  });
});

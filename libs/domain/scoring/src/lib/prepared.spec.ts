import fc from 'fast-check';

import { evaluationInputArbitrary } from '../testing/arbitraries';
import { type EvaluationInput, evaluateLead } from './evaluation';
import { type SignalTimes, prepareScoring } from './prepared';

/** The input's signals as a lead's summary keeps them: per type, epoch times newest first. */
function timesOf(input: EvaluationInput, order: 'newest first' | 'as given'): SignalTimes {
  // No prototype: fast-check tries types such as "valueOf".
  const times: Record<string, number[]> = Object.create(null);
  for (const { type, occurredAt } of input.signals) (times[type] ??= []).push(occurredAt.getTime());
  if (order === 'newest first') for (const list of Object.values(times)) list.sort((a, b) => b - a);
  return times;
}

function scoresOf(input: EvaluationInput) {
  const { fit, intent, outcome } = evaluateLead(input);
  return {
    fitScore: fit.score,
    grade: fit.grade,
    intentScore: intent.score,
    temperature: intent.temperature,
    outcome,
  };
}

describe('prepareScoring, for any lead, signals and valid agreement', () => {
  it('gives exactly the floats, grade, temperature and outcome that evaluateLead gives', () => {
    fc.assert(
      fc.property(evaluationInputArbitrary, (input) => {
        const score = prepareScoring(input.version.document);
        expect(score(input.lead, timesOf(input, 'newest first'), input.now.getTime())).toEqual(
          scoresOf(input),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('scores a summary whose lists are out of order as if they were sorted', () => {
    fc.assert(
      fc.property(evaluationInputArbitrary, (input) => {
        const score = prepareScoring(input.version.document);
        expect(score(input.lead, timesOf(input, 'as given'), input.now.getTime())).toEqual(scoresOf(input));
      }),
    );
  });
});

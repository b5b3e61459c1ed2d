import fc from 'fast-check';

import {
  ACTIVITY_SIGNAL_TYPES,
  type AgreementDocument,
  SENIORITIES,
  STANDARD_SIGNAL_TYPES,
  parseAgreementDocument,
} from '@accord/domain/agreement';

import type { EvaluationInput } from '../lib/evaluation';
import type { LeadFacts, SignalFact } from '../lib/lead';
import { NOW, starter } from './fixtures';

const TEN_YEARS_DAYS = 3_653;

/** Strings of any code points (white space, combining marks, lone surrogates), plus some that match. */
function text(likely: readonly string[]): fc.Arbitrary<string> {
  const weird = [fc.string(), fc.string({ unit: 'binary' })];
  return likely.length ? fc.oneof(fc.constantFrom(...likely), ...weird) : fc.oneof(...weird);
}

const number = fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.double(), fc.constantFrom(200, 1000));

const TITLE_WORDS = [
  'VP',
  'marketing',
  'Telemarketing',
  'Sales-Ops',
  'of',
  '&',
  ',',
  'Growth',
  'REVENUE',
  'ção',
];

const title = fc.oneof(
  fc.array(fc.constantFrom(...TITLE_WORDS), { maxLength: 5 }).map((words) => words.join(' ')),
  text([]),
);

export const leadArbitrary: fc.Arbitrary<LeadFacts> = fc.record({
  employeeCount: fc.option(number),
  annualRevenue: fc.option(fc.oneof(number, fc.constant(10_000_000))),
  industry: fc.option(text(['SaaS', 'software', 'Retail'])),
  country: fc.option(text(['US', 'gb', 'Us ', 'ZZ'])),
  technologies: fc.array(text(['Salesforce', 'hubspot', 'Slack']), { maxLength: 4 }),
  seniority: fc.option(text(SENIORITIES)),
  department: fc.option(text(['Marketing'])),
  emailDomain: fc.option(text(['gmail.com', 'acme.io', 'YAHOO.COM'])),
  title: fc.option(title),
  budgetAuthority: fc.option(fc.boolean()),
});

const MS_PER_DAY = 86_400_000;

/** A date within the given days of `now` (negative: before), to the millisecond. */
export function dateAround(now: Date, fromDays: number, toDays: number): fc.Arbitrary<Date> {
  return fc
    .integer({ min: fromDays * MS_PER_DAY, max: toDays * MS_PER_DAY })
    .map((offset) => new Date(now.getTime() + offset));
}

/**
 * Any date within ten years of `now`, but mostly recent ones and the edges around `now`: signals years old
 * weigh nearly nothing, and only recent ones crowd a cap or push intent past 100.
 */
export const signalDate: fc.Arbitrary<Date> = fc.oneof(
  { weight: 3, arbitrary: dateAround(NOW, -60, 0) },
  { weight: 2, arbitrary: dateAround(NOW, -TEN_YEARS_DAYS, TEN_YEARS_DAYS) },
  { weight: 1, arbitrary: fc.constantFrom(NOW, new Date(NOW.getTime() + 1), new Date(NOW.getTime() - 1)) },
);

/** A date at or before `now` within ten years, often a recent one. */
export const pastDate: fc.Arbitrary<Date> = fc.oneof(
  dateAround(NOW, -60, 0),
  dateAround(NOW, -TEN_YEARS_DAYS, 0),
);

/** Mostly types the starter's intent model knows, some activity, some it has never heard of. */
const signalType: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...STANDARD_SIGNAL_TYPES) },
  { weight: 1, arbitrary: fc.constantFrom(...ACTIVITY_SIGNAL_TYPES, 'PODCAST_LISTEN', 'demo_request') },
  { weight: 1, arbitrary: fc.string() },
);

export function signalArbitrary(types: fc.Arbitrary<string> = signalType): fc.Arbitrary<SignalFact> {
  return fc.record({ type: types, occurredAt: signalDate });
}

function descending(count: number, min: number, max: number): fc.Arbitrary<number[]> {
  return fc
    .uniqueArray(fc.double({ min, max, noNaN: true }), { minLength: count, maxLength: count })
    .map((values) => [...values].sort((a, b) => b - a));
}

function exactly<T>(count: number, item: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.array(item, { minLength: count, maxLength: count });
}

const criteriaCount = starter().fit.criteria.length;
const rulesCount = starter().intent.signals.length;

/** The starter agreement with every number varied within what parseAgreementDocument accepts. */
export const documentArbitrary: fc.Arbitrary<AgreementDocument> = fc
  .record({
    // Whole points, as the validation requires: fractions like 1e-150 next to -100 would scale a contribution
    // to 1e18, where float64 cannot add up to within 1e-9.
    points: exactly(criteriaCount, fc.integer({ min: -100, max: 100 })),
    weights: exactly(rulesCount, fc.double({ min: 0, max: 100, noNaN: true })),
    caps: exactly(rulesCount, fc.integer({ min: 1, max: 5 })),
    halfLives: exactly(rulesCount, fc.integer({ min: 1, max: 3650 })),
    grades: descending(3, 0, 100),
    temperatures: descending(2, 0, 100),
  })
  .filter(({ points }) => points.some((value) => value > 0))
  .map(({ points, weights, caps, halfLives, grades, temperatures }) => {
    const document = starter();
    const varied: AgreementDocument = {
      ...document,
      fit: {
        criteria: document.fit.criteria.map((criterion, index) => ({ ...criterion, points: points[index] })),
        grades: { A: grades[0], B: grades[1], C: grades[2] },
      },
      intent: {
        signals: document.intent.signals.map((rule, index) => ({
          ...rule,
          weight: weights[index],
          cap: caps[index],
          halfLifeDays: halfLives[index],
        })),
        temperature: { hot: temperatures[0], warm: temperatures[1] },
      },
    };
    const parsed = parseAgreementDocument(varied);
    if (!parsed.ok) throw new Error(`generated an invalid document: ${JSON.stringify(parsed.issues)}`);
    return parsed.document;
  });

/** Any lead with up to 30 signals, scored under the starter or a variation of it, at a fixed `now`. */
export const evaluationInputArbitrary: fc.Arbitrary<EvaluationInput> = fc.record({
  lead: leadArbitrary,
  signals: fc.array(signalArbitrary(), { maxLength: 30 }),
  version: fc.record({ id: fc.uuid(), document: fc.oneof(fc.constant(starter()), documentArbitrary) }),
  now: fc.constant(NOW),
});

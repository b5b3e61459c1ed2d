import { z } from 'zod';

import { finite, positive, text, whole } from './fields';
import {
  FIT_FIELD_NAMES,
  GRADES,
  KPI_KINDS,
  KPI_PERIODS,
  MATRIX_OUTCOMES,
  REJECTION_CONSEQUENCES,
  TEMPERATURES,
} from './vocabulary';

/**
 * The shape of one agreement version's document. Parsing is strict (unknown fields are refused) and
 * normalises as it goes (strings trimmed); the rules that relate one field to another live in validation.ts.
 */

export const LIMITS = {
  label: 120,
  text: 2000,
  listValues: 500,
  criteria: 200,
  signalTypes: 50,
  reasons: 50,
  kpis: 50,
  checklist: 20,
  territories: 100,
  teamMembers: 200,
  points: 100,
  weight: 100,
  cap: 1000,
  halfLifeDays: 3650,
  slaHours: 720,
  recycleAfterDays: 365,
  rangeBound: 1e12,
  kpiTarget: 1e12,
} as const;

/** Stable identities for list items, so that diffs and references survive reordering and relabelling. */
const itemKey = z
  .string({ error: 'is required' })
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,62}$/,
    'must be a lower-case key: letters, digits and dashes, at most 63 characters',
  );

export const signalType = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,49}$/, 'must be an upper-case type name such as PRICING_PAGE_VISIT');

const memberId = z
  .string({ error: 'is required' })
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a member id');

function list<T extends z.ZodType>(item: T, max: number, min = 0) {
  return z
    .array(item, { error: 'must be a list' })
    .min(min, min === 1 ? 'must not be empty' : `must hold at least ${min} items`)
    .max(max, `must hold at most ${max} items`);
}

const rangeBound = finite(0, LIMITS.rangeBound).nullable();

const condition = z.discriminatedUnion(
  'kind',
  [
    /** Matches when min ≤ value < max; either bound may be open (null). */
    z.strictObject({ kind: z.literal('RANGE'), min: rangeBound, max: rangeBound }),
    /** Matches when the field (or, for technologies, any of its entries) is one of the values, ignoring case. */
    z.strictObject({ kind: z.literal('ANY_OF'), values: list(text(LIMITS.label), LIMITS.listValues, 1) }),
    /** Matches when the field contains any of the keywords as a word or phrase, ignoring case. */
    z.strictObject({
      kind: z.literal('CONTAINS_ANY'),
      keywords: list(text(LIMITS.label), LIMITS.listValues, 1),
    }),
    z.strictObject({ kind: z.literal('IS'), value: z.boolean({ error: 'must be true or false' }) }),
  ],
  { error: 'must have a kind of RANGE, ANY_OF, CONTAINS_ANY or IS' },
);

const fitCriterion = z.strictObject({
  key: itemKey,
  label: text(LIMITS.label),
  field: z.enum(FIT_FIELD_NAMES, { error: `must be one of ${FIT_FIELD_NAMES.join(', ')}` }),
  condition,
  /** Positive for a good fit, negative for a disqualifying trait (personal e-mail, competitor, student…). */
  points: whole(-LIMITS.points, LIMITS.points),
});

const threshold = finite(0, 100);

const intentSignal = z.strictObject({
  type: signalType,
  label: text(LIMITS.label),
  weight: finite(0, LIMITS.weight),
  /** How many signals of this type count at most (the most recent ones). */
  cap: whole(1, LIMITS.cap),
  /**
   * After this many days a signal weighs half as much. Whole days, as signals age (see decayShare in the scoring
   * library): a signal counts in full for its first day, so a half-life of hours could not be honoured.
   */
  halfLifeDays: whole(1, LIMITS.halfLifeDays),
});

function byEnum<K extends readonly [string, ...string[]], V extends z.ZodType>(keys: K, value: V) {
  // A record over an enum requires every key: every matrix cell and every SLA must be defined.
  return z.record(z.enum(keys), value, { error: 'must be an object' });
}

const matrixOutcome = z.enum(MATRIX_OUTCOMES, { error: `must be one of ${MATRIX_OUTCOMES.join(', ')}` });

const routing = z.discriminatedUnion(
  'mode',
  [
    /**
     * Leads go to each member of the team in turn. An empty team is a draft's way of saying "no one yet" (a new
     * workspace has no sales members): it may be saved, not proposed (`proposalIssues`).
     */
    z.strictObject({ mode: z.literal('ROUND_ROBIN'), memberIds: list(memberId, LIMITS.teamMembers) }),
    /** Leads go round-robin to the team of the territory holding their country, else to the fallback team. */
    z.strictObject({
      mode: z.literal('TERRITORY'),
      territories: list(
        z.strictObject({
          key: itemKey,
          label: text(LIMITS.label),
          countries: list(text(2), 250, 1),
          memberIds: list(memberId, LIMITS.teamMembers, 1),
        }),
        LIMITS.territories,
        1,
      ),
      fallbackMemberIds: list(memberId, LIMITS.teamMembers, 1),
    }),
  ],
  { error: 'must have a mode of ROUND_ROBIN or TERRITORY' },
);

const rejectionReason = z.strictObject({
  key: itemKey,
  label: text(LIMITS.label),
  consequence: z.enum(REJECTION_CONSEQUENCES, { error: 'must be RECYCLE or DISQUALIFY' }),
  /** For RECYCLE: days in nurture before the lead may be handed over again; null for DISQUALIFY. */
  recycleAfterDays: whole(1, LIMITS.recycleAfterDays).nullable(),
});

const kpi = z.strictObject({
  key: itemKey,
  name: text(LIMITS.label),
  definition: text(LIMITS.text, true),
  kind: z.enum(KPI_KINDS, { error: 'must be OUTCOME or ACTIVITY' }),
  target: z
    .strictObject({
      value: finite(0, LIMITS.kpiTarget),
      period: z.enum(KPI_PERIODS, { error: 'must be WEEK, MONTH or QUARTER' }),
    })
    .nullable(),
});

export const agreementDocumentSchema = z.strictObject({
  fit: z.strictObject({
    criteria: list(fitCriterion, LIMITS.criteria, 1),
    /** Lowest fit score (0–100) for each grade; below C is D. */
    grades: z.strictObject({ A: threshold, B: threshold, C: threshold }),
  }),
  intent: z.strictObject({
    signals: list(intentSignal, LIMITS.signalTypes, 1),
    /** Lowest intent score (0–100) for WARM and HOT; below WARM is COLD. */
    temperature: z.strictObject({ warm: threshold, hot: threshold }),
  }),
  handover: z.strictObject({
    matrix: byEnum(GRADES, byEnum(TEMPERATURES, matrixOutcome)),
    /** Hours sales have to accept or reject a handed-over lead, by its temperature. */
    slaHours: byEnum(TEMPERATURES, positive(LIMITS.slaHours)),
    routing,
  }),
  sql: z.strictObject({
    checklist: list(
      z.strictObject({ key: itemKey, label: text(LIMITS.label), description: text(LIMITS.text, true) }),
      LIMITS.checklist,
      1,
    ),
    /** How many checklist items must hold for an accepted lead to become an SQL. */
    minimumMet: whole(1, LIMITS.checklist),
  }),
  rejectionReasons: list(rejectionReason, LIMITS.reasons, 1),
  kpis: list(kpi, LIMITS.kpis),
});

export type AgreementDocument = z.output<typeof agreementDocumentSchema>;
export type FitCriterion = AgreementDocument['fit']['criteria'][number];
export type FitCondition = FitCriterion['condition'];
export type IntentSignalRule = AgreementDocument['intent']['signals'][number];
export type Routing = AgreementDocument['handover']['routing'];
export type RejectionReason = AgreementDocument['rejectionReasons'][number];
export type Kpi = AgreementDocument['kpis'][number];
export type SqlChecklistItem = AgreementDocument['sql']['checklist'][number];

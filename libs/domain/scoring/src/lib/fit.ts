import type { AgreementDocument, FitCriterion, FitField, Grade } from '@accord/domain/agreement';

import { clamp, largestFirst, sum } from './arithmetic';
import { criterionMatches } from './criterion-match';
import type { LeadFacts } from './lead';

/** One matched criterion and what it added to (or took from) the fit score. */
export interface FitContribution {
  key: string;
  label: string;
  field: FitField;
  /** The criterion's points, as written in the agreement. */
  points: number;
  /** The points on the 0–100 scale of the fit score. */
  contribution: number;
}

/** How well the lead matches the ideal customer profile, and why. */
export interface FitScore {
  score: number;
  grade: Grade;
  /** Matched criteria, largest magnitude first. */
  contributions: FitContribution[];
  /** What clamping to 0–100 added to the contributions (to within a float's rounding); 0 unless clamped. */
  adjustment: number;
}

type FitRules = AgreementDocument['fit'];

/** Scores the lead's fit under the agreement's criteria, scaled so that the best possible lead scores 100. */
export function scoreFit(lead: LeadFacts, rules: FitRules): FitScore {
  const maxPositive = maxPositivePoints(rules.criteria);
  const contributions = rules.criteria
    .filter((criterion) => criterionMatches(criterion, lead))
    .map(({ key, label, field, points }) => ({
      key,
      label,
      field,
      points,
      contribution: (points * 100) / maxPositive,
    }));
  // Scaled once from the points' sum, as prepareVersion does, not summed from scaled parts: those add up to
  // 99.99999… for a lead matching every best criterion, and fall just short of a grade's threshold met exactly.
  const raw = (sum(contributions.map((item) => item.points)) * 100) / maxPositive;
  const score = clamp(raw, 0, 100);
  return {
    score,
    grade: gradeFor(score, rules.grades),
    contributions: largestFirst(contributions),
    adjustment: score - raw,
  };
}

/**
 * The points of the best possible lead, which scale to 100. Criteria on one field are usually alternatives
 * (employee bands, say), so only the largest positive points of each field count; negative ones subtract.
 */
export function maxPositivePoints(criteria: readonly FitCriterion[]): number {
  const bestOfField = new Map<FitField, number>();
  for (const { field, points } of criteria) {
    if (points > 0) bestOfField.set(field, Math.max(bestOfField.get(field) ?? 0, points));
  }
  const total = sum([...bestOfField.values()]);
  // parseAgreementDocument refuses such a document; scoring against one would divide by zero.
  if (!(total > 0))
    throw new RangeError('The fit criteria hold no positive points: parse the document first');
  return total;
}

export function gradeFor(score: number, thresholds: FitRules['grades']): Grade {
  if (score >= thresholds.A) return 'A';
  if (score >= thresholds.B) return 'B';
  if (score >= thresholds.C) return 'C';
  return 'D';
}

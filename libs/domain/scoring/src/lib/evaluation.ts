import type { AgreementDocument, MatrixOutcome } from '@accord/domain/agreement';

import { type FitScore, scoreFit } from './fit';
import { type IntentScore, scoreIntent } from './intent';
import type { LeadFacts, SignalFact } from './lead';

/** A lead scored under one agreement version: its fit, its intent and the matrix cell they select. */
export interface Evaluation {
  versionId: string;
  fit: FitScore;
  intent: IntentScore;
  /** document.handover.matrix[fit.grade][intent.temperature] */
  outcome: MatrixOutcome;
}

export interface EvaluationInput {
  lead: LeadFacts;
  signals: readonly SignalFact[];
  /** A version whose document passed parseAgreementDocument. */
  version: { id: string; document: AgreementDocument };
  /** The moment of scoring; signals decay towards it, and later ones do not count. */
  now: Date;
}

/** Scores a lead against an agreement version. Pure: the same input always gives the same evaluation. */
export function evaluateLead(input: EvaluationInput): Evaluation {
  const { id, document } = input.version;
  const fit = scoreFit(input.lead, document.fit);
  const intent = scoreIntent(input.signals, document.intent, input.now);
  return { versionId: id, fit, intent, outcome: document.handover.matrix[fit.grade][intent.temperature] };
}

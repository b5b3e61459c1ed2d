import type { AgreementDocument } from '@accord/domain/agreement';
import type { LifecycleStage } from '@accord/domain/leads';
import type { LeadFacts, SignalTimes } from '@accord/domain/scoring';

/** What happened to a lead after it was handed over, as recorded. */
export interface RecordedOutcome {
  /** The decision on its first handover, or null if it was never handed over. */
  decision: 'ACCEPTED' | 'REJECTED' | 'EXPIRED' | 'OPEN' | null;
  /** The rejection reason key, when the decision was REJECTED. */
  rejectionReason: string | null;
  /** Reached SQL (a transition into SQL was recorded). */
  sql: boolean;
  /** Had an opportunity opened. */
  opportunity: boolean;
  /** An opportunity of the lead was won. */
  won: boolean;
  /** The amount won (sum over its won opportunities). */
  revenue: number;
  /** When the first win was recorded (epoch ms), for cycle length. */
  wonAt: number | null;
}

/** One lead of the history, as the backtest reads it. */
export interface HistoricalLead {
  id: string;
  facts: LeadFacts;
  source: string | null;
  createdAt: number;
  /** Every recorded signal's time (epoch ms) per type, any order; later ones are ignored point in time. */
  signals: SignalTimes;
  /** When the lead first moved into MQL (was handed over), or null if it never did. */
  handedOverAt: number | null;
  outcome: RecordedOutcome;
  /**
   * Where the lead stands as the run reads it, and until when a rejection recycles it (epoch ms): what
   * publishing the version would do to it at once (see stageAfterEvaluation).
   */
  stage: LifecycleStage;
  recycleUntil: number | null;
}

/** A version of the agreement the backtest evaluates history under. */
export interface BacktestArmInput {
  id: string;
  document: AgreementDocument;
}

/** The backtest's window [from, to), in epoch ms. */
export interface BacktestWindow {
  from: number;
  to: number;
}

import { type Grade, TEMPERATURES, type Temperature } from '@accord/domain/agreement';
import { stageAfterEvaluation } from '@accord/domain/leads';
import { type PreparedVersion, prepareVersion } from '@accord/domain/scoring';

import { monthOf, weekOf } from './calendar';
import type { BacktestArmInput, BacktestWindow, HistoricalLead } from './model';
import { firstHandover, hadSignal, handsOver } from './point-in-time';
import { type OutcomeTally, addCents, byGrade, byTemperature, emptyTally, increment } from './tallies';

const DAY_MS = 86_400_000;

/** How many lead ids of missed wins and acceptances a result keeps, to trace the figure to rows. */
export const MISSED_SAMPLE = 20;
/** Distinct lead sources tallied by name; the rest are counted under OTHER_SOURCE so memory stays bounded. */
export const MAX_SOURCES = 50;
export const OTHER_SOURCE = '(other)';
export const NO_SOURCE = '(none)';

/** What one version did with the window's leads. Plain JSON: a run saves it with its cursor and resumes. */
export interface ArmState {
  versionId: string;
  mqlsByMonth: Record<string, number>;
  mqlsByWeek: Record<string, number>;
  mqlsByTemperature: Record<Temperature, number>;
  /** The version's MQLs in the window and what in fact became of them. */
  mqls: OutcomeTally;
  /** Leads accepted (or won) in fact that the version would never have handed over by the window's end. */
  missed: { accepted: number; won: number; revenue: number; sample: string[] };
  /** Leads in fact handed over in the window, graded point in time at that moment. */
  calibration: { byGrade: Record<Grade, OutcomeTally>; byTemperature: Record<Temperature, OutcomeTally> };
  /** Per fit criterion key and intent signal type: the window's leads with and without it. */
  lift: {
    criteria: Record<string, { with: OutcomeTally; without: OutcomeTally }>;
    signals: Record<string, { with: OutcomeTally; without: OutcomeTally }>;
  };
  /**
   * Today's leads that publishing the version at the window's end would hand over at once, by temperature: those
   * marketing still holds (LEAD, or NURTURE past any recycling) that it makes MQLs. Absent from a state saved
   * before it was counted.
   */
  onPublish?: Record<Temperature, number>;
  /** Rejected handovers by reason, by matched criterion, by source, and by each pair. */
  rejections: {
    total: number;
    byReason: Record<string, number>;
    byCriterion: Record<string, number>;
    byReasonCriterion: Record<string, Record<string, number>>;
    bySource: Record<string, number>;
    byReasonSource: Record<string, Record<string, number>>;
  };
}

export interface BacktestState {
  window: BacktestWindow;
  leadsRead: number;
  /** Leads in the window: created before its end, and handed over in it or never. */
  leadsInWindow: number;
  /** What in fact happened: handovers in the window, by month, and what became of them. */
  recorded: { mqlsByMonth: Record<string, number>; mqls: OutcomeTally };
  draft: ArmState;
  baseline: ArmState;
}

export function emptyArm(arm: BacktestArmInput): ArmState {
  return {
    versionId: arm.id,
    mqlsByMonth: {},
    mqlsByWeek: {},
    mqlsByTemperature: { COLD: 0, WARM: 0, HOT: 0 },
    onPublish: { COLD: 0, WARM: 0, HOT: 0 },
    mqls: emptyTally(),
    missed: { accepted: 0, won: 0, revenue: 0, sample: [] },
    calibration: { byGrade: byGrade(), byTemperature: byTemperature() },
    lift: {
      criteria: Object.fromEntries(
        arm.document.fit.criteria.map((c) => [c.key, { with: emptyTally(), without: emptyTally() }]),
      ),
      signals: Object.fromEntries(
        arm.document.intent.signals.map((s) => [s.type, { with: emptyTally(), without: emptyTally() }]),
      ),
    },
    rejections: {
      total: 0,
      byReason: {},
      byCriterion: {},
      byReasonCriterion: {},
      bySource: {},
      byReasonSource: {},
    },
  };
}

export function emptyBacktest(
  window: BacktestWindow,
  draft: BacktestArmInput,
  baseline: BacktestArmInput,
): BacktestState {
  if (!(window.from < window.to)) throw new RangeError('a backtest window must end after it starts');
  return {
    window,
    leadsRead: 0,
    leadsInWindow: 0,
    recorded: { mqlsByMonth: {}, mqls: emptyTally() },
    draft: emptyArm(draft),
    baseline: emptyArm(baseline),
  };
}

type LeadFit = ReturnType<PreparedVersion['fit']>;

/** A version prepared once for many leads, and the grades whose matrix row hands nothing over. */
interface PreparedArm {
  input: BacktestArmInput;
  version: PreparedVersion;
  /** No moment can make a lead of such a grade an MQL: its moments need not be scored. */
  closedGrades: ReadonlySet<Grade>;
  /** Reused for every lead: whether each criterion matched, in the document's order. */
  matched: boolean[];
}

function prepareArm(input: BacktestArmInput): PreparedArm {
  const matrix = input.document.handover.matrix;
  const closedGrades = new Set(
    (Object.keys(matrix) as Grade[]).filter((grade) =>
      TEMPERATURES.every((heat) => !handsOver(matrix[grade][heat])),
    ),
  );
  return {
    input,
    version: prepareVersion(input.document),
    closedGrades,
    matched: new Array<boolean>(input.document.fit.criteria.length).fill(false),
  };
}

/**
 * Folds historical leads, a batch at a time, into a backtest state of bounded size (counts by month, week,
 * grade, criterion, reason — never per lead). The state is plain JSON, so a background run saves it together
 * with its cursor and a resumed run carries on from exactly where the last saved batch ended.
 */
export class BacktestAccumulator {
  private readonly draft: PreparedArm;
  private readonly baseline: PreparedArm;
  /** When a publish is imagined: the window's end, the run's start. */
  private readonly publishedAt: Date;

  constructor(
    readonly state: BacktestState,
    draft: BacktestArmInput,
    baseline: BacktestArmInput,
  ) {
    if (state.draft.versionId !== draft.id || state.baseline.versionId !== baseline.id)
      throw new Error('the saved backtest state belongs to other versions');
    this.draft = prepareArm(draft);
    this.baseline = prepareArm(baseline);
    this.publishedAt = new Date(state.window.to);
  }

  add(leads: Iterable<HistoricalLead>): void {
    for (const lead of leads) this.addLead(lead);
  }

  private addLead(lead: HistoricalLead): void {
    const { state } = this;
    const { from, to } = state.window;
    state.leadsRead += 1;
    if (lead.createdAt >= to) return;
    const handedOver = lead.handedOverAt;
    const handedInWindow = handedOver !== null && handedOver >= from && handedOver < to;
    // A lead handed over before the window had its chance then; one handed over later is not yet history.
    const inWindow = handedOver === null || handedInWindow;
    if (inWindow) {
      state.leadsInWindow += 1;
      if (handedInWindow) {
        increment(state.recorded.mqlsByMonth, monthOf(handedOver));
        tally(state.recorded.mqls, lead);
      }
    }
    // Whatever its history, a lead marketing holds today is one a publish could hand over.
    const heldByMarketing = lead.stage === 'LEAD' || lead.stage === 'NURTURE';
    if (!inWindow && !heldByMarketing) return;
    for (const [arm, into] of [
      [this.draft, state.draft],
      [this.baseline, state.baseline],
    ] as const) {
      // Fit has no history (a lead's facts are as they are now), so it is scored once; intent moves with time.
      const fit = arm.version.fit(lead.facts, arm.matched);
      if (inWindow) foldArm(arm, into, lead, state.window, fit);
      if (heldByMarketing) foldPublish(arm, into, lead, this.publishedAt, fit);
    }
  }
}

/** Counts the lead if publishing the version at `at` would make it an MQL there and then. */
function foldPublish(arm: PreparedArm, into: ArmState, lead: HistoricalLead, at: Date, fit: LeadFit): void {
  // A run saved before these were counted carries on without them: half a count would read as the whole.
  if (!into.onPublish || arm.closedGrades.has(fit.grade)) return;
  const { temperature } = arm.version.intent(lead.signals, at.getTime());
  const outcome = arm.version.outcome(fit.grade, temperature);
  const recycleUntil = lead.recycleUntil === null ? null : new Date(lead.recycleUntil);
  if (stageAfterEvaluation(lead.stage, outcome, recycleUntil, at) !== 'MQL') return;
  into.onPublish[temperature] += 1;
}

function foldArm(
  arm: PreparedArm,
  into: ArmState,
  lead: HistoricalLead,
  window: BacktestWindow,
  fit: LeadFit,
): void {
  const moment = arm.closedGrades.has(fit.grade) ? null : firstHandover(arm.version, lead, window.to, fit);
  const observed = lead.handedOverAt !== null;
  if (moment && moment.at >= window.from) {
    increment(into.mqlsByMonth, monthOf(moment.at));
    increment(into.mqlsByWeek, weekOf(moment.at));
    into.mqlsByTemperature[moment.scores.temperature] += 1;
    tally(into.mqls, lead);
  }
  const { outcome } = lead;
  if (!moment && observed && (outcome.decision === 'ACCEPTED' || outcome.won)) {
    if (outcome.decision === 'ACCEPTED') into.missed.accepted += 1;
    if (outcome.won) {
      into.missed.won += 1;
      into.missed.revenue = addCents(into.missed.revenue, outcome.revenue);
    }
    if (into.missed.sample.length < MISSED_SAMPLE) into.missed.sample.push(lead.id);
  }

  // Calibration, lift and rejections look at the lead as it stood when it was in fact handed over (or, never
  // handed over, at the window's end): the version's grade and the signals it had by then.
  const reference = lead.handedOverAt ?? window.to - 1;
  if (observed) {
    const { temperature } = arm.version.intent(lead.signals, reference);
    tally(into.calibration.byGrade[fit.grade], lead);
    tally(into.calibration.byTemperature[temperature], lead);
  }
  const criteria = arm.input.document.fit.criteria;
  for (let index = 0; index < criteria.length; index += 1) {
    const pair = into.lift.criteria[criteria[index].key];
    if (pair) tally(arm.matched[index] ? pair.with : pair.without, lead);
  }
  for (const type of Object.keys(into.lift.signals)) {
    const pair = into.lift.signals[type];
    tally(hadSignal(lead, type, reference) ? pair.with : pair.without, lead);
  }
  if (outcome.decision === 'REJECTED') foldRejection(into, lead, arm);
}

function foldRejection(into: ArmState, lead: HistoricalLead, arm: PreparedArm): void {
  const rejections = into.rejections;
  const reason = lead.outcome.rejectionReason ?? '(no reason)';
  rejections.total += 1;
  increment(rejections.byReason, reason);
  const criteria = arm.input.document.fit.criteria;
  for (let index = 0; index < criteria.length; index += 1) {
    if (!arm.matched[index]) continue;
    increment(rejections.byCriterion, criteria[index].key);
    increment((rejections.byReasonCriterion[reason] ??= {}), criteria[index].key);
  }
  const named = lead.source ?? NO_SOURCE;
  const known = Object.hasOwn(rejections.bySource, named);
  const source = known || Object.keys(rejections.bySource).length < MAX_SOURCES ? named : OTHER_SOURCE;
  increment(rejections.bySource, source);
  increment((rejections.byReasonSource[reason] ??= {}), source);
}

/** Adds one lead's recorded outcome to a tally. */
export function tally(into: OutcomeTally, lead: HistoricalLead): void {
  const { outcome } = lead;
  into.leads += 1;
  if (lead.handedOverAt === null) return;
  into.handedOver += 1;
  if (outcome.decision === 'ACCEPTED' || outcome.decision === 'REJECTED') into.decided += 1;
  if (outcome.decision === 'ACCEPTED') into.accepted += 1;
  if (outcome.sql) into.sql += 1;
  if (outcome.opportunity) into.opportunity += 1;
  if (outcome.won) {
    into.won += 1;
    into.revenue = addCents(into.revenue, outcome.revenue);
    if (outcome.wonAt !== null) {
      into.cycleDays += (outcome.wonAt - lead.createdAt) / DAY_MS;
      into.cycles += 1;
    }
  }
}

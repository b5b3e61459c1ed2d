import {
  type AgreementDocument,
  GRADES,
  TEMPERATURES,
  type Temperature,
  routedMemberIds,
} from '@accord/domain/agreement';

import type { ArmState, BacktestState } from './accumulator';
import { monthsBetween, monthsIn, weeksIn } from './calendar';
import type { OutcomeTally } from './tallies';
import { type Rate, wilson } from './wilson';

const HOURS_PER_WEEK = 168;

/** Outcome rates of a group of handed-over leads. */
export interface RateRow {
  key: string;
  handedOver: number;
  /** accepted ÷ accepted or rejected (the dashboard's MQL → SAL acceptance rate). */
  acceptance: Rate;
  /** moved into SQL ÷ handed over. */
  sql: Rate;
  /** won ÷ handed over. */
  win: Rate;
  /** Mean days from the lead's creation to its win (the dashboard's first touch → close), or null. */
  meanCycleDays: number | null;
}

/** A better grade (or hotter temperature) converting worse than a lesser one. */
export interface Inversion {
  dimension: 'GRADE' | 'TEMPERATURE';
  metric: 'ACCEPTANCE' | 'WIN';
  better: string;
  worse: string;
  betterRate: number;
  worseRate: number;
  /** The two 95% intervals do not overlap: not a small-sample accident. */
  confident: boolean;
}

/** What one fit criterion or intent signal type was worth: the window's leads with it against those without. */
export interface LiftRow {
  kind: 'CRITERION' | 'SIGNAL';
  key: string;
  label: string;
  /** The criterion's points, or the signal's weight. */
  points: number;
  withLeads: number;
  withoutLeads: number;
  /** won ÷ leads, with and without. */
  winWith: Rate;
  winWithout: Rate;
  /** winWith ÷ winWithout; null when either is unknown or the denominator is 0. */
  winLift: number | null;
  /** accepted ÷ decided, with and without. */
  acceptanceWith: Rate;
  acceptanceWithout: Rate;
  acceptanceLift: number | null;
}

/** A rejection reason clustering on one criterion or source, turned into a suggested edit. */
export interface Suggestion {
  kind: 'CRITERION' | 'SOURCE';
  reasonKey: string;
  reasonLabel: string;
  key: string;
  label: string;
  /** Rejections with this reason among rejected leads with the criterion (or source), and all of those. */
  rejections: number;
  of: number;
  share: number;
  /** The reason's share of all rejections. */
  overallShare: number;
  text: string;
}

export interface ArmResult {
  versionId: string;
  mqls: number;
  mqlsPerMonth: { month: string; count: number }[];
  averageMqlsPerMonth: number;
  /** The version's MQLs and what in fact became of them; `unobserved` were never handed over in fact. */
  ofMqls: {
    observed: number;
    unobserved: number;
    accepted: number;
    sql: number;
    opportunity: number;
    won: number;
    revenue: number;
    acceptance: Rate;
    win: Rate;
  };
  missed: { accepted: number; won: number; revenue: number; sample: string[] };
  load: {
    reps: number;
    meanPerRepPerWeek: number;
    peakPerRepPerWeek: number;
    peakWeek: string | null;
    /** Decisions each rep holds open at once if each handover waits its whole SLA (Little's law). */
    openPerRepWithinSla: number;
    slaHours: Record<Temperature, number>;
    byTemperature: Record<Temperature, number>;
  };
  calibration: { byGrade: RateRow[]; byTemperature: RateRow[]; inversions: Inversion[] };
  /**
   * Today's leads that publishing the version would hand over at once — marketing's nurtured leads it makes MQLs
   * — with the reps' share; null for a run saved before it was counted.
   */
  onPublish: { handovers: number; perRep: number; byTemperature: Record<Temperature, number> } | null;
  signalValue: LiftRow[];
  suggestions: Suggestion[];
}

export interface BacktestResult {
  window: { from: string; to: string };
  leadsRead: number;
  leadsInWindow: number;
  recorded: { mqls: number; mqlsPerMonth: { month: string; count: number }[]; ofMqls: ArmResult['ofMqls'] };
  draft: ArmResult;
  baseline: ArmResult;
}

/** Thresholds for turning a rejection cluster into a suggestion. */
export const SUGGESTION_RULES = { minOf: 10, minRejections: 5, minShare: 0.5, overRepresented: 1.5, max: 10 };

/** The figures of a finished (or partial) backtest state. */
export function backtestResult(
  state: BacktestState,
  draft: AgreementDocument,
  baseline: AgreementDocument,
): BacktestResult {
  const months = monthsBetween(state.window.from, state.window.to);
  return {
    window: { from: new Date(state.window.from).toISOString(), to: new Date(state.window.to).toISOString() },
    leadsRead: state.leadsRead,
    leadsInWindow: state.leadsInWindow,
    recorded: {
      mqls: state.recorded.mqls.leads,
      mqlsPerMonth: perMonth(months, state.recorded.mqlsByMonth),
      ofMqls: ofMqls(state.recorded.mqls),
    },
    draft: armResult(state.draft, draft, state, months),
    baseline: armResult(state.baseline, baseline, state, months),
  };
}

function onPublish(arm: ArmState, reps: number): ArmResult['onPublish'] {
  if (!arm.onPublish) return null;
  const handovers = TEMPERATURES.reduce((total, heat) => total + (arm.onPublish?.[heat] ?? 0), 0);
  return { handovers, perRep: handovers / reps, byTemperature: { ...arm.onPublish } };
}

function armResult(
  arm: ArmState,
  document: AgreementDocument,
  state: BacktestState,
  months: string[],
): ArmResult {
  const weeks = weeksIn(state.window.from, state.window.to);
  const reps = Math.max(1, new Set(routedMemberIds(document)).size);
  const sla = document.handover.slaHours;
  let peakWeek: string | null = null;
  // The earliest of equally busy weeks: a saved state's keys come back in the database's order, not ours.
  for (const [week, count] of Object.entries(arm.mqlsByWeek))
    if (
      peakWeek === null ||
      count > arm.mqlsByWeek[peakWeek] ||
      (count === arm.mqlsByWeek[peakWeek] && week < peakWeek)
    )
      peakWeek = week;
  const openPerRep = TEMPERATURES.reduce(
    (total, heat) => total + (arm.mqlsByTemperature[heat] / weeks / reps) * (sla[heat] / HOURS_PER_WEEK),
    0,
  );
  const byGradeRows = GRADES.map((grade) => rateRow(grade, arm.calibration.byGrade[grade]));
  const byHeatRows = [...TEMPERATURES]
    .reverse()
    .map((heat) => rateRow(heat, arm.calibration.byTemperature[heat]));
  return {
    versionId: arm.versionId,
    mqls: arm.mqls.leads,
    mqlsPerMonth: perMonth(months, arm.mqlsByMonth),
    averageMqlsPerMonth: arm.mqls.leads / monthsIn(state.window.from, state.window.to),
    ofMqls: ofMqls(arm.mqls),
    missed: { ...arm.missed, sample: [...arm.missed.sample] },
    onPublish: onPublish(arm, reps),
    load: {
      reps,
      meanPerRepPerWeek: arm.mqls.leads / weeks / reps,
      peakPerRepPerWeek: peakWeek === null ? 0 : arm.mqlsByWeek[peakWeek] / reps,
      peakWeek,
      openPerRepWithinSla: openPerRep,
      slaHours: { ...sla },
      byTemperature: { ...arm.mqlsByTemperature },
    },
    calibration: {
      byGrade: byGradeRows,
      byTemperature: byHeatRows,
      inversions: [...inversions('GRADE', byGradeRows), ...inversions('TEMPERATURE', byHeatRows)],
    },
    signalValue: liftRows(arm, document),
    suggestions: suggestions(arm, document),
  };
}

function perMonth(months: string[], counts: Record<string, number>): { month: string; count: number }[] {
  return months.map((month) => ({ month, count: counts[month] ?? 0 }));
}

function ofMqls(tally: OutcomeTally): ArmResult['ofMqls'] {
  return {
    observed: tally.handedOver,
    unobserved: tally.leads - tally.handedOver,
    accepted: tally.accepted,
    sql: tally.sql,
    opportunity: tally.opportunity,
    won: tally.won,
    revenue: tally.revenue,
    acceptance: wilson(tally.accepted, tally.decided),
    win: wilson(tally.won, tally.handedOver),
  };
}

function rateRow(key: string, tally: OutcomeTally): RateRow {
  return {
    key,
    handedOver: tally.handedOver,
    acceptance: wilson(tally.accepted, tally.decided),
    sql: wilson(tally.sql, tally.handedOver),
    win: wilson(tally.won, tally.handedOver),
    meanCycleDays: tally.cycles === 0 ? null : tally.cycleDays / tally.cycles,
  };
}

/** Rows ordered best first (A before B, HOT before WARM): every pair where the better one converts worse. */
export function inversions(dimension: Inversion['dimension'], rows: RateRow[]): Inversion[] {
  const found: Inversion[] = [];
  for (const metric of ['ACCEPTANCE', 'WIN'] as const) {
    const rateOf = (row: RateRow) => (metric === 'ACCEPTANCE' ? row.acceptance : row.win);
    for (let i = 0; i < rows.length; i += 1)
      for (let j = i + 1; j < rows.length; j += 1) {
        const better = rateOf(rows[i]);
        const worse = rateOf(rows[j]);
        if (better.rate === null || worse.rate === null || !(better.rate < worse.rate)) continue;
        found.push({
          dimension,
          metric,
          better: rows[i].key,
          worse: rows[j].key,
          betterRate: better.rate,
          worseRate: worse.rate,
          confident: (better.high ?? 1) < (worse.low ?? 0),
        });
      }
  }
  return found;
}

function liftRows(arm: ArmState, document: AgreementDocument): LiftRow[] {
  const criteria = document.fit.criteria.flatMap((criterion) => {
    const pair = arm.lift.criteria[criterion.key];
    return pair ? [liftRow('CRITERION', criterion.key, criterion.label, criterion.points, pair)] : [];
  });
  const signals = document.intent.signals.flatMap((rule) => {
    const pair = arm.lift.signals[rule.type];
    return pair ? [liftRow('SIGNAL', rule.type, rule.label, rule.weight, pair)] : [];
  });
  return [...criteria, ...signals];
}

function liftRow(
  kind: LiftRow['kind'],
  key: string,
  label: string,
  points: number,
  pair: { with: OutcomeTally; without: OutcomeTally },
): LiftRow {
  const winWith = wilson(pair.with.won, pair.with.leads);
  const winWithout = wilson(pair.without.won, pair.without.leads);
  const acceptanceWith = wilson(pair.with.accepted, pair.with.decided);
  const acceptanceWithout = wilson(pair.without.accepted, pair.without.decided);
  return {
    kind,
    key,
    label,
    points,
    withLeads: pair.with.leads,
    withoutLeads: pair.without.leads,
    winWith,
    winWithout,
    winLift: ratio(winWith.rate, winWithout.rate),
    acceptanceWith,
    acceptanceWithout,
    acceptanceLift: ratio(acceptanceWith.rate, acceptanceWithout.rate),
  };
}

function ratio(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}

function suggestions(arm: ArmState, document: AgreementDocument): Suggestion[] {
  const { rejections } = arm;
  if (rejections.total === 0) return [];
  const reasonLabel = (key: string) =>
    document.rejectionReasons.find((reason) => reason.key === key)?.label ?? key;
  const found: (Suggestion & { excess: number })[] = [];
  const consider = (
    kind: Suggestion['kind'],
    reasonKey: string,
    key: string,
    label: string,
    count: number,
    of: number,
    advice: string,
  ) => {
    const overallShare = (rejections.byReason[reasonKey] ?? 0) / rejections.total;
    const share = of === 0 ? 0 : count / of;
    const rules = SUGGESTION_RULES;
    if (of < rules.minOf || count < rules.minRejections || share < rules.minShare) return;
    if (share < rules.overRepresented * overallShare) return;
    const reason = reasonLabel(reasonKey);
    found.push({
      kind,
      reasonKey,
      reasonLabel: reason,
      key,
      label,
      rejections: count,
      of,
      share,
      overallShare,
      text: `${count} of ${of} rejected leads ${kind === 'SOURCE' ? 'from' : 'meeting'} "${label}" were rejected as "${reason}" (${percent(share)} against ${percent(overallShare)} of all rejections): ${advice}`,
      excess: count - of * overallShare,
    });
  };
  for (const [reasonKey, byCriterion] of Object.entries(rejections.byReasonCriterion))
    for (const [key, count] of Object.entries(byCriterion)) {
      const criterion = document.fit.criteria.find((item) => item.key === key);
      if (!criterion) continue;
      const advice =
        criterion.points > 0
          ? `lower its ${criterion.points} points, or narrow it.`
          : `make its penalty (${criterion.points}) larger.`;
      consider('CRITERION', reasonKey, key, criterion.label, count, rejections.byCriterion[key] ?? 0, advice);
    }
  for (const [reasonKey, bySource] of Object.entries(rejections.byReasonSource))
    for (const [source, count] of Object.entries(bySource))
      consider(
        'SOURCE',
        reasonKey,
        source,
        source,
        count,
        rejections.bySource[source] ?? 0,
        'add a negative criterion for these leads, or review the source before handing them over.',
      );
  return found
    .sort((a, b) => b.excess - a.excess || a.key.localeCompare(b.key))
    .slice(0, SUGGESTION_RULES.max)
    .map(({ excess: _excess, ...suggestion }) => suggestion);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

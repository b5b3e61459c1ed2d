import {
  type AgreementDocument,
  type Grade,
  type MatrixOutcome,
  type Temperature,
  isActivitySignalType,
} from '@accord/domain/agreement';

import { clamp } from './arithmetic';
import { matcherFor } from './criterion-match';
import { gradeFor, maxPositivePoints } from './fit';
import { decayShare, temperatureFor } from './intent';
import type { LeadFacts } from './lead';

/** An evaluation's numbers without its explanation: what a rescore stores for each lead. */
export interface Scores {
  fitScore: number;
  grade: Grade;
  intentScore: number;
  temperature: Temperature;
  outcome: MatrixOutcome;
}

/** Per signal type, the epoch-millisecond times of a lead's signals, newest first. */
export type SignalTimes = Readonly<Record<string, readonly number[]>>;

/** Scores one lead; `nowMs` is the moment of scoring in epoch milliseconds. */
export type ScoreLead = (lead: LeadFacts, signals: SignalTimes, nowMs: number) => Scores;

/** A version prepared once for many leads, in parts: fit (constant for a lead), intent (moves with time), the cell. */
export interface PreparedVersion {
  /** The fit score and grade; when `matched` is given, whether each criterion (document order) matched. */
  fit(lead: LeadFacts, matched?: boolean[]): { fitScore: number; grade: Grade };
  /** The intent score and temperature at `nowMs`, counting only signals at or before it. */
  intent(signals: SignalTimes, nowMs: number): { intentScore: number; temperature: Temperature };
  outcome(grade: Grade, temperature: Temperature): MatrixOutcome;
}

/**
 * The version's work done once: criteria normalised, the fit scale computed, signal times kept as numbers. A
 * backtest scores a lead's fit once and its intent at many moments; prepareScoring puts the parts together.
 */
export function prepareVersion(document: AgreementDocument): PreparedVersion {
  const maxPositive = maxPositivePoints(document.fit.criteria);
  const criteria = document.fit.criteria.map((criterion) => ({
    matches: matcherFor(criterion),
    points: criterion.points,
  }));
  // An activity type listed as intent never scores (scoreIntent checks activity first).
  const rules = document.intent.signals.map((rule) => ({
    ...rule,
    counts: !isActivitySignalType(rule.type),
  }));
  const grades = document.fit.grades;
  const heat = document.intent.temperature;
  const matrix = document.handover.matrix;

  return {
    fit(lead, matched) {
      let points = 0;
      for (let index = 0; index < criteria.length; index += 1) {
        const criterion = criteria[index];
        const matches = criterion.matches(lead);
        if (matched) matched[index] = matches;
        if (matches) points += criterion.points;
      }
      // The same expression as scoreFit's, adding in the same order, so the float is the same.
      const fitScore = clamp((points * 100) / maxPositive, 0, 100);
      return { fitScore, grade: gradeFor(fitScore, grades) };
    },
    intent(signals, nowMs) {
      let rawIntent = 0;
      for (const rule of rules) {
        // Own keys only: a summary is parsed JSON, and a type must never find Object.prototype's members.
        const times = rule.counts && Object.hasOwn(signals, rule.type) ? signals[rule.type] : undefined;
        rawIntent += times ? decayedPoints(newestFirst(times), rule, nowMs) : 0;
      }
      const intentScore = Math.min(100, rawIntent);
      return { intentScore, temperature: temperatureFor(intentScore, heat) };
    },
    outcome: (grade, temperature) => matrix[grade][temperature],
  };
}

/**
 * evaluateLead's numbers for many leads under one version, with the version's work done once. It adds in the
 * same order as evaluateLead, so both give the same floats (a property test holds them equal); evaluateLead stays
 * the one that explains.
 */
export function prepareScoring(document: AgreementDocument): ScoreLead {
  const version = prepareVersion(document);
  return (lead, signals, nowMs) => {
    const { fitScore, grade } = version.fit(lead);
    const { intentScore, temperature } = version.intent(signals, nowMs);
    return { fitScore, grade, intentScore, temperature, outcome: version.outcome(grade, temperature) };
  };
}

/** The rule's most recent `cap` signals at or before now, each halving in weight every `halfLifeDays`. */
function decayedPoints(
  times: readonly number[],
  rule: { weight: number; cap: number; halfLifeDays: number },
  nowMs: number,
): number {
  let points = 0;
  let counted = 0;
  for (const time of times) {
    if (counted === rule.cap) break;
    if (time > nowMs) continue;
    points += rule.weight * decayShare(nowMs - time, rule.halfLifeDays);
    counted += 1;
  }
  return points;
}

/** Summaries are kept newest first; a list that is not is sorted (a copy) rather than mis-scored. */
function newestFirst(times: readonly number[]): readonly number[] {
  for (let i = 1; i < times.length; i += 1)
    if (times[i] > times[i - 1]) return [...times].sort((a, b) => b - a);
  return times;
}

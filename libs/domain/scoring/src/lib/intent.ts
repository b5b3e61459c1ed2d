import {
  ACTIVITY_SIGNAL_TYPES,
  type AgreementDocument,
  type IntentSignalRule,
  type Temperature,
  isActivitySignalType,
} from '@accord/domain/agreement';

import { largestFirst, sum } from './arithmetic';
import type { SignalFact } from './lead';

const MS_PER_DAY = 86_400_000;

/**
 * The share of its weight a signal still counts `ageMs` after it happened: halved every `halfLifeDays`, by whole
 * days of age — as the agreement states half-lives and its editor's preview ages signals, in days. A signal counts
 * in full for its first 24 hours, so a demo request weighted at the HOT threshold makes a lead hot when it is
 * recorded, not only at the instant it happened (seconds of decay would leave 59.99, read as 59 and WARM).
 */
export function decayShare(ageMs: number, halfLifeDays: number): number {
  return 0.5 ** (Math.floor(ageMs / MS_PER_DAY) / halfLifeDays);
}

/** What the counted signals of one type added to the intent score. */
export interface IntentContribution {
  type: string;
  label: string;
  /** Signals that count: the most recent ones, at most the rule's cap. */
  counted: number;
  /** Older signals beyond the cap, which do not count. */
  overCap: number;
  /** Whether any counted signal is older than `now`, and so weighs less than the rule's full weight. */
  decayed: boolean;
  points: number;
  /** Equal to points: the intent scale is already 0–100. */
  contribution: number;
}

export interface SignalCount {
  type: string;
  count: number;
}

/** How actively the lead is buying now, and why. */
export interface IntentScore {
  score: number;
  temperature: Temperature;
  /** Types with at least one counted signal, largest first. */
  contributions: IntentContribution[];
  /** What capping at 100 added to the contributions; 0 unless capped. */
  adjustment: number;
  /** Types the agreement's intent model does not know; they count zero. Sorted by type. */
  unknownTypes: SignalCount[];
  /** Sales activity (EMAIL_SENT, CALL_MADE, MEETING_BOOKED) measures effort, not intent: diagnostics only. */
  activity: SignalCount[];
  /** Signals dated after `now`, which cannot have happened yet and do not count. */
  futureSignals: number;
}

type IntentRules = AgreementDocument['intent'];

/**
 * Each signal lands in exactly one place: a rule's counted or over-cap signals, activity, unknown types or
 * the future. Only the first counts; the others are reported so that missing intent can be explained.
 */
export function scoreIntent(signals: readonly SignalFact[], rules: IntentRules, now: Date): IntentScore {
  const nowMs = timeOf(now);
  const timesByRule = new Map<string, number[]>(rules.signals.map((rule) => [rule.type, []]));
  const activity = new Map<string, number>();
  const unknown = new Map<string, number>();
  let futureSignals = 0;
  for (const signal of signals) {
    const occurredMs = timeOf(signal.occurredAt);
    const times = timesByRule.get(signal.type);
    if (occurredMs > nowMs) futureSignals += 1;
    // Activity first: even an agreement that listed an activity type as intent must not make effort score.
    else if (isActivitySignalType(signal.type)) increment(activity, signal.type);
    else if (times) times.push(occurredMs);
    else increment(unknown, signal.type);
  }
  const perRule = rules.signals.map((rule) =>
    ruleContribution(rule, timesByRule.get(rule.type) ?? [], nowMs),
  );
  // Summed in the document's order, not by size, so a larger contribution can never round the total down.
  const raw = sum(perRule.map((item) => item.contribution));
  const score = Math.min(100, raw);
  return {
    score,
    temperature: temperatureFor(score, rules.temperature),
    contributions: largestFirst(perRule.filter((item) => item.counted > 0)),
    adjustment: score - raw,
    unknownTypes: [...unknown]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
    activity: ACTIVITY_SIGNAL_TYPES.filter((type) => activity.has(type)).map((type) => ({
      type,
      count: activity.get(type) ?? 0,
    })),
    futureSignals,
  };
}

/** The most recent `cap` signals count, each halving in weight every `halfLifeDays`. */
function ruleContribution(
  rule: IntentSignalRule,
  times: readonly number[],
  nowMs: number,
): IntentContribution {
  const newestFirst = [...times].sort((a, b) => b - a);
  const counted = newestFirst.slice(0, rule.cap);
  const points = sum(
    counted.map((occurredMs) => rule.weight * decayShare(nowMs - occurredMs, rule.halfLifeDays)),
  );
  return {
    type: rule.type,
    label: rule.label,
    counted: counted.length,
    overCap: newestFirst.length - counted.length,
    decayed: counted.some((occurredMs) => nowMs - occurredMs >= MS_PER_DAY),
    points,
    contribution: points,
  };
}

export function temperatureFor(score: number, thresholds: IntentRules['temperature']): Temperature {
  if (score >= thresholds.hot) return 'HOT';
  if (score >= thresholds.warm) return 'WARM';
  return 'COLD';
}

// An invalid date is neither past nor future; refusing it beats silently dropping a signal.
function timeOf(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Scoring needs valid dates: got an invalid Date');
  return ms;
}

function increment(counts: Map<string, number>, type: string): void {
  counts.set(type, (counts.get(type) ?? 0) + 1);
}

import { LIMITS } from '@accord/domain/agreement';
import type { SignalFact } from '@accord/domain/scoring';

/**
 * Per signal type, the times (epoch ms) of a lead's most recent signals, newest first, at most as many as any
 * agreement can count (the largest cap). Kept on the lead so that scoring never has to read the signals table.
 */
export type SignalSummary = Record<string, number[]>;

/** Adds one signal's time, keeping the list newest first and no longer than the largest possible cap. */
export function addToSummary(summary: SignalSummary, type: string, occurredAtMs: number): SignalSummary {
  const times = summary[type] ?? [];
  const index = times.findIndex((time) => time < occurredAtMs);
  const next =
    index < 0 ? [...times, occurredAtMs] : [...times.slice(0, index), occurredAtMs, ...times.slice(index)];
  return { ...summary, [type]: next.slice(0, LIMITS.cap) };
}

/** The summary as the signals the scoring engine reads. */
export function summarySignals(summary: SignalSummary): SignalFact[] {
  return Object.entries(summary).flatMap(([type, times]) =>
    times.map((time) => ({ type, occurredAt: new Date(time) })),
  );
}

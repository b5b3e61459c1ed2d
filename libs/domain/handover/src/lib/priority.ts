import type { Temperature } from '@accord/domain/agreement';

/** Hotter first: stored with each handover so the queue's index orders by it. */
export const TEMPERATURE_RANK: Readonly<Record<Temperature, number>> = { HOT: 2, WARM: 1, COLD: 0 };

export interface QueueOrderFields {
  dueAt: Date;
  temperature: Temperature;
  fitScore: number;
}

/** The queue's order: due first, then hotter, then better fit (the SQL query sorts the same way). */
export function compareQueueOrder(a: QueueOrderFields, b: QueueOrderFields): number {
  return (
    a.dueAt.getTime() - b.dueAt.getTime() ||
    TEMPERATURE_RANK[b.temperature] - TEMPERATURE_RANK[a.temperature] ||
    b.fitScore - a.fitScore
  );
}

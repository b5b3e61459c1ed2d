import { Injectable } from '@nestjs/common';

import { LeadsRepository } from '@accord/api/leads/data-access';
import { TenantDb } from '@accord/api/shared/database';
import type { SignalEvent } from '@accord/domain/leads';

export type StoredBatch = Awaited<ReturnType<LeadsRepository['storeSignals']>>;

interface Waiting {
  signals: readonly SignalEvent[];
  receivedAt: Date;
  resolve(result: StoredBatch): void;
  reject(error: unknown): void;
}

/**
 * Events per statement, for any caller: big enough for set-based SQL, small enough to keep locks and memory
 * short. Ingestion cuts requests into batches of this size, and this store joins requests up to it.
 */
export const EVENTS_PER_STATEMENT = 5_000;

/**
 * Stores machine clients' signals with as few statements as the load allows: while one statement for a key is
 * running, the requests that arrive for that key wait together and go out as the next statement — one round trip
 * and one commit for all of them, each request still getting its own results. Under light load a request goes
 * out at once, alone; under heavy load statements and commits (each a WAL flush) grow fewer, not slower.
 *
 * Every request is answered only after the statement holding its signals committed, so batching never
 * acknowledges a signal that could still be lost. Two requests with an external id in common never share a
 * statement: the later one waits for the next, where the earlier one's row makes it a duplicate.
 */
@Injectable()
export class KeyedSignalStore {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly storing = new Set<string>();

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly leads: LeadsRepository,
  ) {}

  /** Stores validated, distinct signals for the workspace of the key; null when the key is wrong or revoked. */
  store(keyHash: string, signals: readonly SignalEvent[], receivedAt: Date): Promise<StoredBatch> {
    return new Promise((resolve, reject) => {
      const queue = this.waiting.get(keyHash) ?? [];
      queue.push({ signals, receivedAt, resolve, reject });
      this.waiting.set(keyHash, queue);
      this.next(keyHash);
    });
  }

  private next(keyHash: string): void {
    if (this.storing.has(keyHash)) return;
    const queue = this.waiting.get(keyHash);
    if (!queue?.length) {
      this.waiting.delete(keyHash);
      return;
    }
    const taken = takeCompatible(queue);
    this.storing.add(keyHash);
    const receivedAt = taken[taken.length - 1].receivedAt;
    this.leads
      .storeSignals(
        this.tenantDb.standalone,
        keyHash,
        taken.flatMap((request) => request.signals),
        receivedAt,
      )
      .then(
        (stored) => {
          let offset = 0;
          for (const request of taken) {
            const end = offset + request.signals.length;
            request.resolve(stored && { ...stored, results: stored.results.slice(offset, end) });
            offset = end;
          }
        },
        (error: unknown) => taken.forEach((request) => request.reject(error)),
      )
      .finally(() => {
        this.storing.delete(keyHash);
        this.next(keyHash);
      });
  }
}

/** The requests at the head of the queue that fit one statement without repeating an external id. */
function takeCompatible(queue: Waiting[]): Waiting[] {
  const taken: Waiting[] = [queue.shift() as Waiting];
  const ids = new Set(taken[0].signals.map((signal) => signal.externalId));
  let events = taken[0].signals.length;
  while (queue.length) {
    const next = queue[0];
    if (events + next.signals.length > EVENTS_PER_STATEMENT) break;
    if (next.signals.some((signal) => ids.has(signal.externalId))) break;
    queue.shift();
    taken.push(next);
    events += next.signals.length;
    for (const signal of next.signals) ids.add(signal.externalId);
  }
  return taken;
}

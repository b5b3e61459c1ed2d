import { AsyncLocalStorage } from 'node:async_hooks';

/** What waiting past the limit throws: too_many_connections, which the API answers 503 with Retry-After. */
export class WorkspaceShareTimeout extends Error {
  readonly code = '53300';

  constructor(workspaceId: string, limit: number, waitedMs: number) {
    super(
      `workspace ${workspaceId} already has ${limit} transactions running; waited ${waitedMs} ms for one to end`,
    );
    this.name = 'WorkspaceShareTimeout';
  }
}

interface Share {
  running: number;
  waiting: (() => void)[];
}

/**
 * Lets each workspace run at most `limit` transactions at a time in this process; its others wait their turn
 * (first come, first served, for at most `waitMs`), while other workspaces' transactions go on. A noisy workspace
 * so holds at most `limit` of the pool's connections, and the rest of the pool stays free for everyone else.
 */
export class WorkspaceShares {
  /** The workspaces whose share the current async context already holds. */
  private readonly held = new AsyncLocalStorage<ReadonlySet<string>>();
  private readonly shares = new Map<string, Share>();

  constructor(
    readonly limit: number,
    private readonly waitMs: number,
  ) {}

  async run<T>(workspaceId: string, work: () => Promise<T>): Promise<T> {
    const outer = this.held.getStore();
    // A transaction opened inside another of the same workspace (a dry run's report, written beside the rolled-back
    // work) is part of it: made to wait for a second share, it could wait for itself.
    if (outer?.has(workspaceId)) return work();
    await this.acquire(workspaceId);
    try {
      return await this.held.run(new Set([...(outer ?? []), workspaceId]), work);
    } finally {
      this.release(workspaceId);
    }
  }

  /** Transactions of the workspace running now and waiting for their turn, for tests and metrics. */
  load(workspaceId: string): { running: number; waiting: number } {
    const share = this.shares.get(workspaceId);
    return { running: share?.running ?? 0, waiting: share?.waiting.length ?? 0 };
  }

  private acquire(workspaceId: string): Promise<void> {
    let share = this.shares.get(workspaceId);
    if (!share) {
      share = { running: 0, waiting: [] };
      this.shares.set(workspaceId, share);
    }
    if (share.running < this.limit) {
      share.running += 1;
      return Promise.resolve();
    }
    const queue = share.waiting;
    const started = Date.now();
    return new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        queue.splice(queue.indexOf(turn), 1);
        reject(new WorkspaceShareTimeout(workspaceId, this.limit, Date.now() - started));
      }, this.waitMs);
      queue.push(turn);
    });
  }

  private release(workspaceId: string): void {
    const share = this.shares.get(workspaceId);
    if (!share) return;
    const next = share.waiting.shift();
    // The share passes to the next in line as it is; only when nobody waits does the count go down.
    if (next) next();
    else if (--share.running === 0) this.shares.delete(workspaceId);
  }
}

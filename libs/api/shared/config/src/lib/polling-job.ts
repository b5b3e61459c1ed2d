import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';

import type { AppConfig } from './app-config';

/**
 * Runs `work` for each workspace in turn, until `stopped()`, and adds up what it returns. A workspace whose work
 * fails is logged and passed over, so that one workspace's failure never holds up the others (each resumes from
 * what it committed at the next pass); the pass then fails, naming the first failure.
 */
export async function eachWorkspaceInTurn(
  workspaceIds: readonly string[],
  work: (workspaceId: string) => Promise<number>,
  logger: Logger,
  stopped: () => boolean,
): Promise<number> {
  let done = 0;
  const failures: { workspaceId: string; error: unknown }[] = [];
  for (const workspaceId of workspaceIds) {
    if (stopped()) break;
    try {
      done += await work(workspaceId);
    } catch (error) {
      failures.push({ workspaceId, error });
      logger.error(`workspace ${workspaceId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw workspacesFailed(failures);
  return done;
}

/** The error a pass ends with when some workspaces' work failed: how many, and the first one's reason. */
export function workspacesFailed(failures: readonly { workspaceId: string; error: unknown }[]): Error {
  const [first] = failures;
  const reason = first.error instanceof Error ? first.error.message : String(first.error);
  return new Error(`${failures.length} workspace(s) failed, the first (${first.workspaceId}): ${reason}`, {
    cause: first.error,
  });
}

/**
 * A background job that looks for due work every JOBS_POLL_MS (never two passes at once in one process) and
 * lets its current pass finish when the app shuts down (before the pools close, which happens on shutdown). Its work must be safe on several replicas at once: each
 * job claims rows with SKIP LOCKED or rechecks them under lock.
 */
export abstract class PollingJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  protected stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  protected constructor(private readonly pollConfig: AppConfig) {}

  /** Does everything due now; returns how much it did. The poll calls it, and tests call it to wait for the job. */
  abstract drain(): Promise<number>;

  onApplicationBootstrap(): void {
    if (this.pollConfig.JOBS_POLL_MS === 0) return;
    this.timer = setInterval(() => this.tick(), this.pollConfig.JOBS_POLL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Runs `work` for each workspace in turn until the job stops; see `eachWorkspaceInTurn`. */
  protected forEachWorkspace(
    workspaceIds: readonly string[],
    work: (workspaceId: string) => Promise<number>,
  ): Promise<number> {
    return eachWorkspaceInTurn(workspaceIds, work, this.logger, () => this.stopped);
  }

  /**
   * Runs `batch` — one transaction — again and again until one takes fewer than `size` rows (nothing is left) or
   * the job stops; returns what the batches did in all. A batch returns how many rows it took, or, when it does
   * not act on every row it takes, `{ taken, done }`.
   */
  protected async inBatches(
    size: number,
    batch: () => Promise<number | { taken: number; done: number }>,
  ): Promise<number> {
    let done = 0;
    for (;;) {
      const result = await batch();
      const { taken, done: did } = typeof result === 'number' ? { taken: result, done: result } : result;
      done += did;
      if (taken < size || this.stopped) return done;
    }
  }

  /** Resolves once no pass is running (another may start at any time). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Runs a pass soon, unless one is running: for work that just became due in this process. */
  protected tick(): void {
    void this.startPass(() => this.drain());
  }

  /**
   * Starts `pass` unless a pass is running or the job has stopped: one pass at a time in a process, whoever
   * starts it. Resolves when the pass ends, with whether it ran; a failure is logged, not retried at once (the
   * database may be down): the next poll or start tries again.
   */
  protected startPass(pass: () => Promise<unknown>): Promise<boolean> {
    if (this.running || this.stopped) return Promise.resolve(false);
    const running = pass()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(error))
      .finally(() => (this.running = null));
    this.running = running;
    return running.then(() => true);
  }
}

import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';

import type { AppConfig } from './app-config';

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

  /** Runs a pass soon, unless one is running: for work that just became due in this process. */
  protected tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain()
      .then(() => undefined)
      // Not retried at once (the database may be down): the next poll tries again.
      .catch((error: unknown) => this.logger.error(error))
      .finally(() => (this.running = null));
  }
}

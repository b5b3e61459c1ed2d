import { Injectable } from '@nestjs/common';

import { BacktestRunsRepository } from '@accord/api/backtest/data-access';
import { AppConfig, Clock, PollingJob } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';

import { BacktestClaimLost, BacktestRunner } from './backtest.runner';

/** A running backtest whose heartbeat (a saved batch) is older than this is taken to have died. */
const ABANDONED_AFTER_MS = 5 * 60_000;
/** Attempts before a run is marked FAILED. */
const MAX_ATTEMPTS = 3;

/**
 * Drains queued backtests, one at a time per process. Runs are rows, so none is lost to a crash; claiming
 * uses SKIP LOCKED, so any number of replicas can poll; a resumed run continues from its saved cursor.
 */
@Injectable()
export class BacktestWorker extends PollingJob {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly runs: BacktestRunsRepository,
    private readonly runner: BacktestRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super(config);
  }

  /** Runs every due backtest now, one after another; returns how many ran. */
  async drain(): Promise<number> {
    let count = 0;
    while (!this.stopped && (await this.runNext())) count += 1;
    return count;
  }

  /** A run was just queued in this process: start a pass now rather than at the next poll (jobs on). */
  wake(): void {
    if (this.config.JOBS_POLL_MS > 0) this.tick();
  }

  private async runNext(): Promise<boolean> {
    const now = this.clock.now();
    const claim = await this.tenantDb.run({ system: true }, (manager) =>
      this.runs.claimDue(manager, now, new Date(now.getTime() - ABANDONED_AFTER_MS)),
    );
    if (!claim) return false;
    try {
      await this.runner.run(claim, () => this.clock.now());
    } catch (error) {
      if (error instanceof BacktestClaimLost) return true;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`backtest ${claim.id} failed: ${message}`);
      await this.tenantDb.inWorkspace(claim.workspaceId, (manager) =>
        this.runs.failed(manager, claim, message, claim.attempts >= MAX_ATTEMPTS, this.clock.now()),
      );
    }
    return true;
  }
}

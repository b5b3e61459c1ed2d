import { Injectable } from '@nestjs/common';

import { RescoreRunEntity, ScoringStateRepository } from '@accord/api/leads/data-access';
import { AppConfig, Clock, PollingJob } from '@accord/api/shared/config';
import { TenantDb, isUniqueViolation } from '@accord/api/shared/database';

import { RescoreClaimLost, RescoreInterrupted, RescoreRunner } from './rescore.runner';

/**
 * A running run whose heartbeat (a saved batch) is older than this is taken to have died and is started again.
 * Batches take seconds; the longest step without one, attaching a large partition, takes minutes at most.
 */
const ABANDONED_AFTER_MS = 15 * 60_000;
/** Attempts before a run is given up as FAILED; the waits between them grow 1, 4, 16, 64 minutes. */
const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 60_000;

/**
 * Drains due rescore runs. Runs are rows queued in the transaction that publishes a version, so none is lost
 * to a crash; claiming uses SKIP LOCKED, so any number of replicas can poll at once and each run is taken once.
 */
@Injectable()
export class RescoreWorker extends PollingJob {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly scoring: ScoringStateRepository,
    private readonly runner: RescoreRunner,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  /** Runs every due run now, one after another; returns how many ran. Tests and the poller call it. */
  async drain(): Promise<number> {
    let count = 0;
    while (!this.stopped && (await this.runNext())) count += 1;
    return count;
  }

  private async runNext(): Promise<boolean> {
    const now = this.clock.now();
    const run = await this.claim(now);
    if (!run) return false;
    try {
      await this.runner.run(
        run,
        () => this.clock.now(),
        () => this.stopped,
      );
    } catch (error) {
      // Another worker took the run over while this one stalled: the run is theirs now, to finish or to fail.
      if (error instanceof RescoreClaimLost) {
        this.logger.warn(error.message);
        return true;
      }
      if (error instanceof RescoreInterrupted) {
        // Stopped for a shutdown, not failed: queued again at once, without spending an attempt, so the next
        // worker to poll (another replica, or this one after its restart) goes on with it.
        await this.tenantDb.inWorkspace(run.workspaceId, (manager) =>
          this.scoring.whileClaimed(manager, run, {
            status: 'QUEUED',
            attempts: run.attempts - 1,
            runAfter: this.clock.now(),
          }),
        );
        return false;
      }
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`rescore ${run.id} failed: ${message}`);
      // Queued again, after a wait that grows with each attempt (a database restart or a deadlock passes; an
      // immediate retry would spend every attempt within moments). Before its flip the next attempt starts its
      // partition over; after, it resumes the moves.
      const failedAt = this.clock.now();
      await this.tenantDb.inWorkspace(run.workspaceId, (manager) =>
        this.scoring.whileClaimed(manager, run, {
          status: run.attempts >= MAX_ATTEMPTS ? 'FAILED' : 'QUEUED',
          error: message.slice(0, 500),
          runAfter: new Date(failedAt.getTime() + FIRST_RETRY_MS * 4 ** (run.attempts - 1)),
        }),
      );
    }
    return true;
  }

  private async claim(now: Date): Promise<RescoreRunEntity | null> {
    try {
      return await this.tenantDb.run({ system: true }, (manager) =>
        this.scoring.claimDue(manager, now, new Date(now.getTime() - ABANDONED_AFTER_MS)),
      );
    } catch (error) {
      // Another worker claimed a run of the same workspace at the same instant: theirs goes first.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
}

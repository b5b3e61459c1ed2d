import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { isLockTimeout, limitLockWaits, returnedRows, unlimitLockWaits } from '@accord/api/shared/database';
import type { LifecycleStage } from '@accord/domain/leads';

import { RescoreRunEntity } from './scoring-state.entity';

/** Stage moves a rescore decided as it scored, column by column (a million of them stay compact). */
export interface PlannedMoves {
  ids: string[];
  from: LifecycleStage[];
  to: LifecycleStage[];
  reasons: string[];
}

/**
 * Takes the workspace's scoring lock in shared mode until the transaction ends (again is free). Every writer of
 * leads takes it before it locks any lead, and a rescore's flip takes it exclusively and then touches leads: in one
 * order, a writer that holds a lead can never be waiting behind the flip for it, with the flip, or another writer
 * the flip waits for, waiting for that lead.
 */
export async function shareScoringLock(manager: EntityManager): Promise<void> {
  // An advisory lock rather than a row lock: before the first rescore there is no row to lock.
  await manager.query(
    `SELECT pg_advisory_xact_lock_shared(hashtextextended(accord_current_workspace()::text, 7))`,
  );
}

/**
 * The workspace's scoring lock was held by a long transaction for longer than lockForFlip would keep the workspace's
 * writers waiting. The transaction that asked is aborted; a later one may try again.
 */
export class ScoringLockBusy extends Error {
  constructor() {
    super(
      "The workspace's leads are being changed by a long-running transaction (an import's dry run, or an import).",
    );
  }
}

/**
 * How long the takers of the exclusive scoring lock queue the workspace's writers behind them, and how often they
 * try again (see lockForFlip; tests shorten the pauses).
 */
@Injectable()
export class ScoringLockPatience {
  /** Each try waits this long for the lock. */
  readonly waitMs: number = 1_000;
  /** A correction a person asked for: a pause after each try but the last, then CONFLICT, to try again later. */
  readonly correctionPausesMs: readonly number[] = [500, 1_000, 2_000, 4_000];
  /** A rescore's flip tries until it has the lock (the run's heartbeat kept), this long apart. */
  readonly flipPauseMs: number = 5_000;
  /** A correction's batch of leads waits this long for a lead another transaction holds (a dry run holds many). */
  readonly respellWaitMs: number = 5_000;
}

/**
 * Runs `attempt`, a transaction that takes the scoring lock with lockForFlip first, again after each ScoringLockBusy,
 * once `pauseMs(tries)` has passed (the writers it held back run meanwhile) and `between` has run (a job's
 * heartbeat). When `pauseMs` says null, the ScoringLockBusy is thrown.
 */
export async function retriedWhileScoringLockBusy<T>(
  attempt: () => Promise<T>,
  pauseMs: (tries: number) => number | null,
  between: () => Promise<void> = () => Promise.resolve(),
): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const pause = error instanceof ScoringLockBusy ? pauseMs(tries) : null;
      if (pause === null) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
      await between();
    }
  }
}

/** The workspace's scoring pointer and its rescore runs. */
@Injectable()
export class ScoringStateRepository {
  /**
   * The version whose evaluations the workspace reads, share-locked: a rescore's final flip waits for writers
   * that scored under the old pointer, and catches up with them before it moves the pointer.
   */
  async pointer(manager: EntityManager, lock: 'share' | null = 'share'): Promise<string | null> {
    if (lock === 'share') await shareScoringLock(manager);
    const rows: { version_id: string }[] = await manager.query(`SELECT version_id FROM workspace_scoring`);
    return rows[0]?.version_id ?? null;
  }

  /**
   * Waits until no transaction is scoring under the current pointer, and keeps new ones out until commit. While it
   * waits, every writer of the workspace's leads queues behind it (the lock is granted in order), so it waits at
   * most `waitMs`: past that it throws ScoringLockBusy, and the writers go on. Something that holds the shared lock
   * for long — an import's dry run holds it to its end — thus delays the taker, never the workspace's writers for
   * longer than that. The rest of the transaction waits for locks as usual.
   */
  async lockForFlip(manager: EntityManager, workspaceId: string, waitMs: number): Promise<void> {
    await limitLockWaits(manager, waitMs);
    try {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7))`, [workspaceId]);
    } catch (error) {
      throw isLockTimeout(error) ? new ScoringLockBusy() : error;
    }
    await unlimitLockWaits(manager);
  }

  /**
   * After a rescore, moves those of the given leads that marketing still owns as the new version's matrix says:
   * the set-based twin of stageAfterEvaluation in @accord/domain/leads (LEAD → MQL or NURTURE; NURTURE → MQL
   * once any recycling period has passed), with one transition each, naming the version. The rescore chose the
   * leads from what it read; their current stage and evaluation decide.
   */
  async moveStagesAfterRescore(
    manager: EntityManager,
    versionId: string,
    at: Date,
    leadIds: readonly string[],
  ): Promise<number> {
    const rows: unknown[] = await manager.query(
      `WITH candidates AS (
         SELECT l.id, l.stage AS from_stage,
                CASE WHEN e.outcome IN ('MQL', 'FAST_TRACK') THEN 'MQL' ELSE 'NURTURE' END AS to_stage,
                e.grade, e.temperature, e.outcome
           FROM leads l JOIN lead_evaluations e ON e.version_id = $1 AND e.lead_id = l.id
          WHERE l.id = ANY($3::uuid[])
            AND (l.stage = 'LEAD'
                 OR (l.stage = 'NURTURE' AND e.outcome IN ('MQL', 'FAST_TRACK') AND (l.recycle_until IS NULL OR l.recycle_until <= $2)))
          FOR UPDATE OF l),
       moved AS (
         UPDATE leads SET stage = c.to_stage, stage_changed_at = $2 FROM candidates c WHERE leads.id = c.id RETURNING leads.id)
       INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, actor_id, reason, at)
       SELECT accord_current_workspace(), c.id, c.from_stage, c.to_stage, $1, NULL,
              'rescored ' || c.grade || '/' || c.temperature || ': ' || c.outcome, $2
         FROM candidates c JOIN moved m ON m.id = c.id
       RETURNING 1`,
      [versionId, at, leadIds],
    );
    return rows.length;
  }

  /**
   * Applies moves a rescore planned from what it read, for leads untouched since it started reading (a lead
   * changed since goes through moveStagesAfterRescore, which decides from its current evaluation). The UPDATE
   * rechecks each lead's stage as it locks the row, so a lead moved meanwhile by someone else is left alone.
   * (`l.id = ANY(…)` besides the join: it makes the planner probe the primary key for the batch's leads rather
   * than scan the table once per batch.)
   */
  async applyPlannedMoves(
    manager: EntityManager,
    versionId: string,
    at: Date,
    unchangedSince: Date,
    moves: PlannedMoves,
  ): Promise<number> {
    const [{ moved }]: { moved: number }[] = await manager.query(
      `WITH moved AS (
         UPDATE leads l SET stage = p.to_stage, stage_changed_at = $5
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS p(id, from_stage, to_stage, reason)
          WHERE l.id = ANY($1::uuid[]) AND l.id = p.id AND l.stage = p.from_stage AND l.updated_at < $6
         RETURNING l.id, p.from_stage, p.to_stage, p.reason),
       recorded AS (
         INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, actor_id, reason, at)
         SELECT accord_current_workspace(), id, from_stage, to_stage, $7, NULL, reason, $5 FROM moved
         RETURNING 1)
       SELECT count(*)::int AS moved FROM recorded`,
      [moves.ids, moves.from, moves.to, moves.reasons, at, unchangedSince, versionId],
    );
    return moved;
  }

  async setPointer(manager: EntityManager, workspaceId: string, versionId: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO workspace_scoring (workspace_id, version_id, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (workspace_id) DO UPDATE SET version_id = excluded.version_id, updated_at = excluded.updated_at`,
      [workspaceId, versionId, at],
    );
  }

  /** Queues a rescore under a version, to run once it takes effect. Called in the publishing transaction. */
  async enqueue(
    manager: EntityManager,
    run: { workspaceId: string; id: string; versionId: string; runAfter: Date },
  ): Promise<void> {
    await manager.insert(RescoreRunEntity, { ...run, status: 'QUEUED' });
  }

  latestRun(manager: EntityManager): Promise<RescoreRunEntity | null> {
    return manager.findOne(RescoreRunEntity, { where: {}, order: { createdAt: 'DESC' } });
  }

  findRun(manager: EntityManager, id: string): Promise<RescoreRunEntity | null> {
    return manager.findOneBy(RescoreRunEntity, { id });
  }

  /**
   * Under the system scope: claims the oldest due run of any workspace (queued, or running but abandoned by a
   * worker whose heartbeat stopped before `staleBefore`), skipping runs other workers hold and workspaces whose run
   * is live: one run at a time per workspace (a unique index backs this when two workers claim at the same
   * instant). Each claim gets a new `claim_id` (not `attempts`, which a shutdown hands back), so a worker that was
   * only stalled finds its claim taken at its next save (keepClaim) and stops.
   */
  async claimDue(manager: EntityManager, now: Date, staleBefore: Date): Promise<RescoreRunEntity | null> {
    const rows: { workspace_id: string; id: string }[] = await manager.query(
      `UPDATE rescore_runs SET status = 'RUNNING', attempts = attempts + 1, claim_id = gen_random_uuid(),
                               started_at = $1, heartbeat_at = $1,
                               processed = 0, error = NULL
          WHERE (workspace_id, id) = (
            SELECT r.workspace_id, r.id FROM rescore_runs r
             WHERE r.run_after <= $1
               AND (r.status = 'QUEUED' OR (r.status = 'RUNNING' AND coalesce(r.heartbeat_at, r.started_at) < $2))
               AND NOT EXISTS (SELECT 1 FROM rescore_runs live
                                WHERE live.workspace_id = r.workspace_id AND live.id <> r.id
                                  AND live.status = 'RUNNING' AND coalesce(live.heartbeat_at, live.started_at) >= $2)
             ORDER BY r.run_after, r.created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING workspace_id, id`,
      [now, staleBefore],
    );
    const [claimed] = returnedRows<(typeof rows)[number]>(rows);
    return claimed
      ? manager.findOneBy(RescoreRunEntity, { workspaceId: claimed.workspace_id, id: claimed.id })
      : null;
  }

  /**
   * Saves a running run's progress and moves its heartbeat, only while this attempt still holds the claim: false
   * when another worker has taken the run over (this one stalled past the abandonment threshold) or it ended.
   */
  keepClaim(
    manager: EntityManager,
    run: Pick<RescoreRunEntity, 'id' | 'claimId'>,
    at: Date,
    values: Partial<
      Pick<RescoreRunEntity, 'total' | 'processed' | 'status' | 'finishedAt' | 'flippedAt'>
    > = {},
  ): Promise<boolean> {
    return this.whileClaimed(manager, run, { ...values, heartbeatAt: at });
  }

  /**
   * Changes a running run only while this attempt holds the claim (queues it again, fails it): false when another
   * worker has taken it over, whose run it now is.
   */
  async whileClaimed(
    manager: EntityManager,
    run: Pick<RescoreRunEntity, 'id' | 'claimId'>,
    values: Partial<
      Pick<
        RescoreRunEntity,
        | 'total'
        | 'processed'
        | 'status'
        | 'error'
        | 'finishedAt'
        | 'flippedAt'
        | 'heartbeatAt'
        | 'runAfter'
        | 'attempts'
      >
    >,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RescoreRunEntity)
      .set(values)
      .where(`id = :id AND claim_id = :claimId AND status = 'RUNNING'`, { id: run.id, claimId: run.claimId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}

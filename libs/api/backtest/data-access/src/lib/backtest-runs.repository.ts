import { Injectable } from '@nestjs/common';
import { EntityManager, type QueryDeepPartialEntity } from 'typeorm';

import { returnedRows } from '@accord/api/shared/database';
import type { BacktestResult, BacktestState } from '@accord/domain/backtest';

import { BacktestRunEntity } from './backtest-run.entity';

export type NewBacktestRun = Pick<
  BacktestRunEntity,
  | 'workspaceId'
  | 'id'
  | 'versionId'
  | 'revision'
  | 'baselineVersionId'
  | 'document'
  | 'windowFrom'
  | 'windowTo'
  | 'requestedById'
  | 'createdAt'
>;

/** A claimed run's identity: the attempt that claimed it may save, no other. */
export interface RunClaim {
  workspaceId: string;
  id: string;
  attempts: number;
}

/** Backtest runs: queued by members, claimed by the worker, saved batch by batch. */
@Injectable()
export class BacktestRunsRepository {
  /**
   * The unfinished run of `run`'s revision against its version in force, queuing `run` when there is none. Two
   * callers at once get the same run: the unique index on unfinished runs makes the second insert wait for the
   * first to commit and then do nothing, and the second look (a new snapshot, under READ COMMITTED) finds it.
   */
  async queueOnce(manager: EntityManager, run: NewBacktestRun): Promise<BacktestRunEntity> {
    const unfinished = () => this.findPending(manager, run.versionId, run.revision, run.baselineVersionId);
    const queued =
      (await unfinished()) ?? (await this.insertUnlessPending(manager, run)) ?? (await unfinished());
    if (!queued)
      throw new Error('the backtest run queued at the same moment has finished already; start again');
    return queued;
  }

  /** Queues `run`; null instead when a run of its revision against its version in force is unfinished. */
  private async insertUnlessPending(
    manager: EntityManager,
    run: NewBacktestRun,
  ): Promise<BacktestRunEntity | null> {
    // The only conflict possible is backtest_runs_one_unfinished_key's: the id is new.
    await manager
      .createQueryBuilder()
      .insert()
      .into(BacktestRunEntity)
      .values({ ...run, status: 'QUEUED' })
      .orIgnore()
      .execute();
    return this.findById(manager, run.id);
  }

  findById(manager: EntityManager, id: string): Promise<BacktestRunEntity | null> {
    return manager.findOneBy(BacktestRunEntity, { id });
  }

  /** The newest run of a version, any status. */
  latestOf(manager: EntityManager, versionId: string): Promise<BacktestRunEntity | null> {
    return manager.findOne(BacktestRunEntity, {
      where: { versionId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** The newest finished run of a version compared with a given version in force. */
  latestDone(
    manager: EntityManager,
    versionId: string,
    baselineVersionId: string,
  ): Promise<BacktestRunEntity | null> {
    return manager.findOne(BacktestRunEntity, {
      where: { versionId, baselineVersionId, status: 'DONE' },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** A run of the same revision against the same version in force that has not finished yet. */
  findPending(
    manager: EntityManager,
    versionId: string,
    revision: number,
    baselineVersionId: string,
  ): Promise<BacktestRunEntity | null> {
    return manager
      .createQueryBuilder(BacktestRunEntity, 'r')
      .where(
        'r.version_id = :versionId AND r.revision = :revision AND r.baseline_version_id = :baselineVersionId',
        {
          versionId,
          revision,
          baselineVersionId,
        },
      )
      .andWhere(`r.status IN ('QUEUED', 'RUNNING')`)
      .orderBy('r.created_at', 'DESC')
      .getOne();
  }

  /**
   * Claims the oldest queued run, or a running one whose heartbeat stopped before `staleBefore` (its worker
   * died), for any workspace: SKIP LOCKED lets several replicas poll at once. The claim bumps `attempts`, so
   * a worker that was only slow finds its claim taken at its next save and stops.
   */
  async claimDue(manager: EntityManager, now: Date, staleBefore: Date): Promise<RunClaim | null> {
    const rows: { workspace_id: string; id: string; attempts: number }[] = await manager.query(
      `UPDATE backtest_runs SET status = 'RUNNING', attempts = attempts + 1, heartbeat_at = $1,
              started_at = coalesce(started_at, $1), error = NULL
        WHERE (workspace_id, id) = (
          SELECT workspace_id, id FROM backtest_runs
           WHERE status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < $2)
           ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING workspace_id, id, attempts`,
      [now, staleBefore],
    );
    const [claimed] = returnedRows<(typeof rows)[number]>(rows);
    return claimed ? { workspaceId: claimed.workspace_id, id: claimed.id, attempts: claimed.attempts } : null;
  }

  /**
   * Saves one batch's state with the cursor it reached, in the transaction that read the batch, only while the
   * claim still holds. Returns false when another attempt has taken the run over.
   */
  saveBatch(
    manager: EntityManager,
    claim: RunClaim,
    values: { state: BacktestState; lastLeadId: string; processed: number; total: number; at: Date },
  ): Promise<boolean> {
    const { state, lastLeadId, processed, total, at } = values;
    return this.whileClaimed(manager, claim, { state, lastLeadId, processed, total, heartbeatAt: at });
  }

  finish(manager: EntityManager, claim: RunClaim, result: BacktestResult, at: Date): Promise<boolean> {
    return this.whileClaimed(manager, claim, { status: 'DONE', result, finishedAt: at, heartbeatAt: at });
  }

  /** After a failed attempt: queued again to resume from its cursor, or FAILED after the last attempt. */
  async failed(
    manager: EntityManager,
    claim: RunClaim,
    error: string,
    final: boolean,
    at: Date,
  ): Promise<void> {
    await this.whileClaimed(manager, claim, {
      status: final ? 'FAILED' : 'QUEUED',
      error: error.slice(0, 500),
      finishedAt: final ? at : null,
    });
  }

  /** A conditional UPDATE: only the attempt holding the claim, and only while the run is running. */
  private async whileClaimed(
    manager: EntityManager,
    claim: RunClaim,
    values: QueryDeepPartialEntity<BacktestRunEntity>,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(BacktestRunEntity)
      .set(values)
      .where(`id = :id AND attempts = :attempts AND status = 'RUNNING'`, {
        id: claim.id,
        attempts: claim.attempts,
      })
      .execute();
    return result.affected === 1;
  }
}

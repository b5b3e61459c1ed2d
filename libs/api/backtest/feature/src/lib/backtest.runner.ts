import { Injectable, Logger } from '@nestjs/common';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';

import { AgreementsRepository } from '@accord/api/agreements/data-access';
import {
  BacktestHistoryRepository,
  BacktestRunsRepository,
  type RunClaim,
  historicalLeadFromCopy,
  historyStreamSql,
} from '@accord/api/backtest/data-access';
import { type CopyRow, CopyTextRows, OwnerDb, TenantDb } from '@accord/api/shared/database';
import {
  BacktestAccumulator,
  type BacktestArmInput,
  type BacktestState,
  backtestResult,
  emptyBacktest,
} from '@accord/domain/backtest';

/** Leads per batch: one transaction reads them, folds them and saves the state with the cursor. */
export const BACKTEST_BATCH = 5_000;

/** Where a run stands: the last lead folded (and saved with the state), how many were read, of how many. */
interface Progress {
  after: string | null;
  processed: number;
  total: number;
}

/** On a server, the streamed run saves its state (and cursor) every this many leads. */
export const BACKTEST_SAVE_EVERY = 50_000;

/** Another attempt took the run over: this one stops without touching it. */
export class BacktestClaimLost extends Error {
  constructor(id: string) {
    super(`backtest ${id} was taken over by another attempt`);
  }
}

/**
 * Runs one backtest: reads the workspace's history in keyset batches of leads (id order), folds each batch
 * into the accumulator, and saves the accumulated state together with the batch's last id — in the transaction
 * that read the batch, and only while its claim holds. A crash loses at most the batch in flight; the next
 * attempt reloads the saved state and carries on after the saved id, so no lead is ever counted twice.
 */
@Injectable()
export class BacktestRunner {
  private readonly logger = new Logger(BacktestRunner.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly runs: BacktestRunsRepository,
    private readonly history: BacktestHistoryRepository,
    private readonly agreements: AgreementsRepository,
    private readonly ownerDb: OwnerDb,
  ) {}

  /**
   * Runs (or resumes) a claimed backtest. `options` are for tests: smaller keyset batches, more frequent saves
   * of the stream, or the keyset path on a server.
   */
  async run(
    claim: RunClaim,
    now: () => Date,
    options: { batchSize?: number; saveEvery?: number; stream?: boolean } = {},
  ): Promise<void> {
    const { run, baseline, total } = await this.tenantDb.inWorkspace(claim.workspaceId, async (manager) => {
      const found = await this.runs.findById(manager, claim.id);
      if (!found) throw new Error(`backtest ${claim.id} is gone`);
      const inForce = await this.agreements.findById(manager, found.baselineVersionId);
      if (!inForce)
        throw new Error(`the version ${found.baselineVersionId} backtest ${claim.id} compares with is gone`);
      return { run: found, baseline: inForce, total: await this.history.count(manager) };
    });
    const draftArm: BacktestArmInput = { id: run.versionId, document: run.document };
    const baselineArm: BacktestArmInput = { id: baseline.id, document: baseline.document };
    const state =
      run.state ??
      emptyBacktest({ from: run.windowFrom.getTime(), to: run.windowTo.getTime() }, draftArm, baselineArm);
    const accumulator = new BacktestAccumulator(state, draftArm, baselineArm);
    const progress: Progress = { after: run.lastLeadId, processed: run.processed, total };
    if (this.ownerDb.concurrent && options.stream !== false)
      await this.streamed(
        claim,
        run.windowTo,
        accumulator,
        progress,
        now,
        options.saveEvery ?? BACKTEST_SAVE_EVERY,
      );
    else
      await this.batched(
        claim,
        run.windowTo,
        accumulator,
        progress,
        now,
        options.batchSize ?? BACKTEST_BATCH,
      );

    const result = backtestResult(state, run.document, baseline.document);
    const finished = await this.tenantDb.inWorkspace(claim.workspaceId, (manager) =>
      this.runs.finish(manager, claim, result, now()),
    );
    if (!finished) throw new BacktestClaimLost(claim.id);
    this.logger.log(
      `backtested ${progress.processed} leads of workspace ${claim.workspaceId} (run ${claim.id})`,
    );
  }

  /**
   * On a server: one COPY stream of the remaining history in id order, in a snapshot of its own, folded as it
   * arrives (PostgreSQL reads and Node folds at once, as in a rescore); the state is saved with its cursor every
   * BACKTEST_SAVE_EVERY leads on another connection, so a crash resumes after the last save.
   */
  private async streamed(
    claim: RunClaim,
    until: Date,
    accumulator: BacktestAccumulator,
    progress: Progress,
    now: () => Date,
    saveEvery: number,
  ): Promise<void> {
    const { state } = accumulator;
    let savedAt = progress.processed;
    const save = async () => {
      savedAt = progress.processed;
      if (progress.after === null) return;
      await this.save(claim, state, progress, now);
    };
    const sql = historyStreamSql(claim.workspaceId, progress.after, until);
    await this.ownerDb.inWorkspace(claim.workspaceId, async (client) => {
      // One sort of the batch's rows by id: in memory rather than spilled (the session has no JIT).
      await client.query(`SET LOCAL work_mem = '256MB'`);
      const fold = new Writable({
        objectMode: true,
        write: (rows: CopyRow[], _encoding, done) => {
          try {
            accumulator.add(rows.map(historicalLeadFromCopy));
          } catch (error) {
            return done(error as Error);
          }
          progress.processed += rows.length;
          progress.after = String(rows[rows.length - 1][0]);
          if (progress.processed - savedAt < saveEvery) return done();
          save().then(() => done(), done);
        },
      });
      await pipeline(client.query(copyTo(`COPY (${sql}) TO STDOUT`)), new CopyTextRows(), fold);
    });
    await save();
  }

  /** Keyset batches, each read, folded and saved in one transaction: the embedded database's path. */
  private async batched(
    claim: RunClaim,
    until: Date,
    accumulator: BacktestAccumulator,
    progress: Progress,
    now: () => Date,
    batchSize: number,
  ): Promise<void> {
    const { state } = accumulator;
    for (;;) {
      const next = await this.tenantDb.inWorkspace(claim.workspaceId, async (manager) => {
        const batch = await this.history.batch(manager, claim.workspaceId, progress.after, batchSize, until);
        if (batch.lastId === null) return null;
        accumulator.add(batch.leads);
        const reached = { ...progress, after: batch.lastId, processed: progress.processed + batch.read };
        if (!(await this.runs.saveBatch(manager, claim, this.saved(state, reached, now))))
          throw new BacktestClaimLost(claim.id);
        return reached;
      });
      if (next === null) return;
      progress.after = next.after;
      progress.processed = next.processed;
    }
  }

  private async save(
    claim: RunClaim,
    state: BacktestState,
    progress: Progress,
    now: () => Date,
  ): Promise<void> {
    const saved = await this.tenantDb.inWorkspace(claim.workspaceId, (manager) =>
      this.runs.saveBatch(manager, claim, this.saved(state, progress, now)),
    );
    if (!saved) throw new BacktestClaimLost(claim.id);
  }

  private saved(state: BacktestState, progress: Progress, now: () => Date) {
    return {
      state,
      lastLeadId: progress.after ?? '00000000-0000-0000-0000-000000000000',
      processed: progress.processed,
      total: Math.max(progress.total, progress.processed),
      at: now(),
    };
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';

import { AgreementsRepository } from '@accord/api/agreements/data-access';
import {
  LeadsRepository,
  PlannedMoves,
  RescoreRunEntity,
  ScoringLockPatience,
  ScoringStateRepository,
  retriedWhileScoringLockBusy,
} from '@accord/api/leads/data-access';
import { CopyRow, CopyTextRows, OwnerDb, TenantDb } from '@accord/api/shared/database';

import { LeadScorer } from './lead-scorer';
import { EVALUATION_COLUMNS, RESCORE_COLUMNS, RescoreRows } from './rescore-rows';

/** How often (in leads) a run reports its progress. */
const PROGRESS_EVERY = 25_000;

/** A UUID checked to be one, for the few statements (COPY, DDL) that cannot take bind parameters. */
function uuid(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value))
    throw new Error(`not a UUID: ${value}`);
  return value;
}

/** The partition holding one version's evaluations. */
export function partitionName(versionId: string): string {
  return `lead_evaluations_${uuid(versionId).replace(/-/g, '')}`;
}

/** Leads per transaction when stages move after the flip: short row locks, no long-held scoring lock. */
const MOVE_BATCH = 10_000;

/** Leads per transaction when rescoring in place. */
const IN_PLACE_BATCH = 2_000;

/** The start of each batch of MOVE_BATCH over `length` items. */
function range(length: number): number[] {
  return Array.from({ length: Math.ceil(length / MOVE_BATCH) }, (_, index) => index * MOVE_BATCH);
}

/**
 * How far before the run's start the flip looks for changed leads. A writer stamps a lead with the time it read
 * when its transaction began; one that began just before the run started but committed after the COPY's
 * snapshot is in neither unless the catch-up reaches back past it. Writers' transactions are short (statements
 * end within the statement timeout, idle ones within the idle-in-transaction timeout), so ten minutes covers
 * them, at the price of scoring a few recently changed leads twice.
 */
const CATCH_UP_MARGIN_MS = 10 * 60_000;

/** Another worker has taken the run over (this one stalled past the abandonment threshold): stop, touch nothing. */
export class RescoreClaimLost extends Error {
  constructor(runId: string) {
    super(`rescore ${runId} was claimed by another worker; this one stops`);
  }
}

/**
 * A run stopped between two batches because the process is shutting down. Nothing half-done is left behind: before
 * the flip the next attempt starts the partition over, after it the moves go on from the leads' stages.
 */
export class RescoreInterrupted extends Error {
  constructor() {
    super('The rescore stopped for a shutdown; it is queued again.');
  }
}

/**
 * Rescores every lead of a workspace under a newly effective version without ever showing a mix: it streams the
 * leads out with COPY, scores them in Node with the domain's engine, streams the evaluations into a fresh
 * partition with COPY, indexes and attaches it, catches up with leads changed meanwhile, and only then flips the
 * workspace's scoring pointer — in one transaction with the catch-up. A run that fails before the flip starts
 * its partition over; until the flip, readers keep seeing the previous version's evaluations.
 *
 * Stage moves follow the flip in short transactions of MOVE_BATCH leads, each rechecked against the lead's
 * current stage and evaluation: a first rescore of an imported workspace moves every lead, which in one
 * transaction would hold the scoring lock (and so every ingest) for as long as a full-table UPDATE takes. A run
 * that fails after the flip resumes with the moves; the run is DONE once they are applied.
 */
@Injectable()
export class RescoreRunner {
  private readonly logger = new Logger(RescoreRunner.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly ownerDb: OwnerDb,
    private readonly scoring: ScoringStateRepository,
    private readonly patience: ScoringLockPatience,
    private readonly agreements: AgreementsRepository,
    private readonly scorer: LeadScorer,
    private readonly leads: LeadsRepository,
  ) {}

  /**
   * Runs a claimed run to its end. `stopping` is asked between batches: once it says yes the run throws
   * RescoreInterrupted at the next one, rather than hold a shutdown for as long as a whole workspace takes.
   */
  async run(run: RescoreRunEntity, now: () => Date, stopping: () => boolean = () => false): Promise<void> {
    const { workspaceId, versionId } = run;
    const checkpoint = () => {
      if (stopping()) throw new RescoreInterrupted();
    };
    const startedAt = run.startedAt ?? now();
    const changedSince = new Date(startedAt.getTime() - CATCH_UP_MARGIN_MS);
    const { document, pointer, total } = await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM leads`,
      );
      await this.keepClaim(manager, run, now(), { total: count, processed: 0 });
      return {
        document: await this.scorer.document(manager, versionId),
        pointer: await this.scoring.pointer(manager, null),
        total: count,
      };
    });
    if (run.flippedAt) {
      // An earlier attempt flipped and then stopped: the evaluations are in place, some stage moves may not be.
      const noPlan: PlannedMoves = { ids: [], from: [], to: [], reasons: [] };
      await this.moveStages(run, noPlan, await this.everyLead(workspaceId), now, changedSince, checkpoint);
      return this.finish(run, total, now());
    }
    if (pointer === versionId) {
      // The version is already the one leads are read under: its partition is live, so score in place.
      await this.rescoreInPlace(run, total, now, checkpoint);
      return this.finish(run, total, now());
    }

    const table = partitionName(versionId);
    await this.ownerDb.inWorkspace(workspaceId, async (client) => {
      await client.query(`DROP TABLE IF EXISTS "${table}"`);
      await client.query(`CREATE TABLE "${table}" (LIKE lead_evaluations INCLUDING DEFAULTS)`);
    });

    const rows = new RescoreRows(workspaceId, { id: versionId, document }, startedAt);
    await this.copyEvaluations(run, rows, table, total, now, checkpoint);

    await this.ownerDb.inWorkspace(workspaceId, async (client) => {
      // Under the claim, held until these commit: a worker that took the run over meanwhile has dropped and
      // recreated this table, which must not be indexed and attached from here.
      const held = await client.query(
        `SELECT 1 FROM rescore_runs WHERE workspace_id = $1 AND id = $2 AND claim_id = $3 AND status = 'RUNNING'
            FOR SHARE`,
        [workspaceId, run.id, run.claimId],
      );
      if (held.rowCount === 0) throw new RescoreClaimLost(run.id);
      await client.query(`ALTER TABLE "${table}" ADD PRIMARY KEY (workspace_id, version_id, lead_id)`);
      await client.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_version" CHECK (version_id = '${uuid(versionId)}'::uuid)`,
      );
      await client.query(
        `ALTER TABLE lead_evaluations ATTACH PARTITION "${table}" FOR VALUES IN ('${uuid(versionId)}')`,
      );
    });
    // Statistics before anything joins the partition: unanalysed, the planner takes it for a few rows.
    await this.ownerDb.inWorkspace(workspaceId, (client) => client.query(`ANALYZE "${table}"`));

    // Tried until the lock is had: a long transaction holding it (an import's dry run) only delays the flip.
    const flipped = await retriedWhileScoringLockBusy(
      () =>
        this.tenantDb.inWorkspace(workspaceId, (manager) =>
          this.flip(manager, run, startedAt, changedSince, now()),
        ),
      () => this.patience.flipPauseMs,
      async () => {
        checkpoint();
        await this.tenantDb.inWorkspace(workspaceId, (manager) => this.keepClaim(manager, run, now()));
      },
    );
    await this.moveStages(run, rows.moves, flipped.changed, now, changedSince, checkpoint);
    await this.finish(run, total, now());
    await this.dropOldPartitions(workspaceId, [versionId, ...(flipped.previous ? [flipped.previous] : [])]);
    this.logger.log(`rescored ${total} leads of workspace ${workspaceId} under version ${versionId}`);
  }

  private async copyEvaluations(
    run: RescoreRunEntity,
    rows: RescoreRows,
    table: string,
    total: number,
    now: () => Date,
    checkpoint: () => void,
  ): Promise<void> {
    const report = (processed: number) =>
      this.tenantDb.inWorkspace(run.workspaceId, (manager) =>
        this.keepClaim(manager, run, now(), { processed, total }),
      );
    // The owner may bypass row-level security (a superuser does), so the workspace is named explicitly.
    const leads = `SELECT ${RESCORE_COLUMNS} FROM leads WHERE workspace_id = '${uuid(run.workspaceId)}'`;
    const processed = this.ownerDb.concurrent
      ? await this.streamed(
          run.workspaceId,
          leads,
          `COPY "${table}" (${EVALUATION_COLUMNS}) FROM STDIN`,
          rows,
          report,
          checkpoint,
        )
      : await this.chunked(run.workspaceId, leads, table, rows, report, checkpoint);
    await report(processed);
  }

  /**
   * Reading and writing at once on two connections: PostgreSQL and Node each keep a core busy. Rows arrive in
   * batches (one per chunk of COPY output) and each batch's evaluations go out as one write: a write per lead
   * costs more than scoring it.
   */
  private async streamed(
    workspaceId: string,
    leads: string,
    copyIn: string,
    rows: RescoreRows,
    report: (processed: number) => Promise<void>,
    checkpoint: () => void,
  ): Promise<number> {
    let processed = 0;
    let reported = 0;
    // A report that found the run taken over: the copy stops at its next batch rather than write on.
    let lost: Error | null = null;
    await this.ownerDb.inWorkspace(workspaceId, async (reader) => {
      const writer = await this.ownerDb.client();
      try {
        const source = reader.query(copyTo(`COPY (${leads}) TO STDOUT`));
        const score = new Transform({
          writableObjectMode: true,
          transform: (batch: CopyRow[], _encoding, done) => {
            try {
              checkpoint();
              if (lost !== null) throw lost;
            } catch (error) {
              // Ends the pipeline: both COPYs are cut off and the reader's transaction rolls back.
              done(error as Error);
              return;
            }
            processed += batch.length;
            if (processed - reported >= PROGRESS_EVERY) {
              reported = processed;
              void report(processed).catch((error: unknown) => {
                lost ??= error instanceof Error ? error : new Error(String(error));
              });
            }
            done(null, rows.lines(batch));
          },
        });
        await pipeline(source, new CopyTextRows(), score, writer.query(copyFrom(copyIn)));
      } finally {
        writer.release();
      }
    });
    return processed;
  }

  /**
   * One connection, one step at a time, inserting with unnest: the embedded PostgreSQL serves a single backend
   * and its wire server does not speak COPY FROM STDIN.
   */
  private async chunked(
    workspaceId: string,
    leads: string,
    table: string,
    rows: RescoreRows,
    report: (processed: number) => Promise<void>,
    checkpoint: () => void,
  ): Promise<number> {
    let processed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      checkpoint();
      const batch = await this.ownerDb.inWorkspace(workspaceId, async (client) => {
        const result = await client.query<CopyRow>({
          text: `${leads} AND id > $1 ORDER BY id LIMIT ${PROGRESS_EVERY}`,
          values: [after],
          rowMode: 'array',
        });
        return result.rows;
      });
      if (batch.length === 0) return processed;
      const columns = rows
        .lines(batch)
        .slice(0, -1)
        .split('\n')
        .map((line) => line.split('\t'));
      const column = (index: number) => columns.map((values) => values[index]);
      await this.ownerDb.inWorkspace(workspaceId, (client) =>
        client.query(
          `INSERT INTO "${table}" (${EVALUATION_COLUMNS})
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::float8[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::timestamptz[])`,
          [0, 1, 2, 3, 4, 5, 6, 7, 8].map(column),
        ),
      );
      after = String(batch[batch.length - 1][0]);
      processed += batch.length;
      await report(processed);
    }
  }

  /**
   * Exclusive against the shared lock every incremental scorer holds: once taken, no writer is mid-way through
   * scoring under the old version. Leads changed since the run started (less CATCH_UP_MARGIN_MS) are scored again
   * under the new one and the pointer flips — all or nothing. Returns the previous version and the leads caught up.
   */
  private async flip(
    manager: EntityManager,
    run: RescoreRunEntity,
    startedAt: Date,
    changedSince: Date,
    now: Date,
  ): Promise<{ previous: string | null; changed: string[] }> {
    await this.scoring.lockForFlip(manager, run.workspaceId, this.patience.waitMs);
    const previous = await this.scoring.pointer(manager, null);
    const rows: { id: string }[] = await manager.query(`SELECT id FROM leads WHERE updated_at >= $1`, [
      changedSince,
    ]);
    const changed = rows.map((row) => row.id);
    if (changed.length) await this.scorer.scoreUnder(manager, run.versionId, changed, startedAt);
    await this.scoring.setPointer(manager, run.workspaceId, run.versionId, now);
    // Last, in the flip's transaction: a run taken over meanwhile flips nothing.
    await this.keepClaim(manager, run, now, { flippedAt: now });
    return { previous, changed };
  }

  /**
   * Applies the new version's stage moves while it is in force, a batch per transaction: those planned while
   * scoring, for leads unchanged since, and a fresh decision for the given leads (changed during the run, or
   * all of them when resuming).
   */
  private async moveStages(
    run: RescoreRunEntity,
    planned: PlannedMoves,
    decideAgain: readonly string[],
    now: () => Date,
    unchangedSince: Date,
    checkpoint: () => void,
  ): Promise<void> {
    const at = now();
    const slice = (start: number): PlannedMoves => ({
      ids: planned.ids.slice(start, start + MOVE_BATCH),
      from: planned.from.slice(start, start + MOVE_BATCH),
      to: planned.to.slice(start, start + MOVE_BATCH),
      reasons: planned.reasons.slice(start, start + MOVE_BATCH),
    });
    const batches = [
      ...range(planned.ids.length).map(
        (start) => (manager: EntityManager) =>
          this.scoring.applyPlannedMoves(manager, run.versionId, at, unchangedSince, slice(start)),
      ),
      ...range(decideAgain.length).map(
        (start) => (manager: EntityManager) =>
          this.scoring.moveStagesAfterRescore(
            manager,
            run.versionId,
            at,
            decideAgain.slice(start, start + MOVE_BATCH),
          ),
      ),
    ];
    // Batches touch different leads, so two run at once on a real server: PostgreSQL spends a core on each.
    let next = 0;
    let superseded = false;
    const mover = async () => {
      while (!superseded && next < batches.length) {
        const batch = batches[next++];
        try {
          checkpoint();
          const current = await this.tenantDb.inWorkspace(run.workspaceId, async (manager) => {
            // The shared lock every scorer takes: a newer version's flip cannot slip in between check and move.
            if ((await this.scoring.pointer(manager, 'share')) !== run.versionId) return false;
            await batch(manager);
            await this.keepClaim(manager, run, now());
            return true;
          });
          // A newer version took over: its own run moves the stages.
          if (!current) superseded = true;
        } catch (error) {
          // The other mover stops too: the run fails as a whole and a later attempt resumes the moves.
          superseded = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: this.ownerDb.concurrent ? 2 : 1 }, mover));
  }

  /**
   * Scores every lead again under the version in force, a batch of leads per transaction, as any change to a
   * lead would (stages move with it): the path for a run queued for the version already in force.
   */
  private async rescoreInPlace(
    run: RescoreRunEntity,
    total: number,
    now: () => Date,
    checkpoint: () => void,
  ): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    let processed = 0;
    for (;;) {
      checkpoint();
      const scored = await this.tenantDb.inWorkspace(run.workspaceId, async (manager) => {
        const rows: { id: string }[] = await manager.query(
          `SELECT id FROM leads WHERE id > $1 ORDER BY id LIMIT ${IN_PLACE_BATCH}`,
          [after],
        );
        const leads = await this.leads.lockForScoring(
          manager,
          rows.map((row) => row.id),
        );
        await this.scorer.scoreChanged(manager, leads, now(), null);
        // In the batch's transaction: a worker that lost the run commits nothing more of it.
        await this.keepClaim(manager, run, now(), { processed: processed + rows.length, total });
        return rows.map((row) => row.id);
      });
      if (scored.length === 0) return;
      after = scored[scored.length - 1];
      processed += scored.length;
    }
  }

  /** Every lead's id, for resuming the stage moves of a run that stopped after its flip. */
  private everyLead(workspaceId: string): Promise<string[]> {
    return this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const rows: { id: string }[] = await manager.query(`SELECT id FROM leads`);
      return rows.map((row) => row.id);
    });
  }

  private finish(run: RescoreRunEntity, total: number, at: Date): Promise<void> {
    return this.tenantDb.inWorkspace(run.workspaceId, (manager) =>
      this.keepClaim(manager, run, at, { status: 'DONE', processed: total, total, finishedAt: at }),
    );
  }

  /**
   * Saves progress and moves the heartbeat (every batch does, so a long run is not taken for dead), or throws
   * RescoreClaimLost, rolling back the caller's transaction, when another worker has taken the run over.
   */
  private async keepClaim(
    manager: EntityManager,
    run: RescoreRunEntity,
    at: Date,
    values: Parameters<ScoringStateRepository['keepClaim']>[3] = {},
  ): Promise<void> {
    if (!(await this.scoring.keepClaim(manager, run, at, values))) throw new RescoreClaimLost(run.id);
  }

  private async dropOldPartitions(workspaceId: string, keep: string[]): Promise<void> {
    const versions = await this.tenantDb.inWorkspace(workspaceId, (manager) => this.agreements.list(manager));
    const stale = versions
      .filter((version) => !keep.includes(version.id))
      .map((version) => partitionName(version.id));
    if (stale.length === 0) return;
    await this.ownerDb.inWorkspace(workspaceId, async (client) => {
      for (const table of stale) await client.query(`DROP TABLE IF EXISTS "${table}"`);
    });
  }
}

import { Injectable, Logger } from '@nestjs/common';

import { AgreementsRepository } from '@accord/api/agreements/data-access';
import {
  BacktestHistoryRepository,
  BacktestRunsRepository,
  type RunClaim,
} from '@accord/api/backtest/data-access';
import { TenantDb } from '@accord/api/shared/database';
import {
  BacktestAccumulator,
  type BacktestArmInput,
  backtestResult,
  emptyBacktest,
} from '@accord/domain/backtest';

/** Leads per batch: one transaction reads them, folds them and saves the state with the cursor. */
export const BACKTEST_BATCH = 5_000;

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
  ) {}

  async run(claim: RunClaim, now: () => Date, batchSize = BACKTEST_BATCH): Promise<void> {
    const { run, baseline, total } = await this.tenantDb.inWorkspace(claim.workspaceId, async (manager) => {
      const found = await this.runs.findById(manager, claim.id);
      if (!found) throw new Error(`backtest ${claim.id} is gone`);
      const inForce = await this.agreements.findById(manager, found.baselineVersionId);
      if (!inForce)
        throw new Error(`the version ${found.baselineVersionId} backtest ${claim.id} compares with is gone`);
      return { run: found, baseline: inForce, total: await this.history.count(manager, found.windowTo) };
    });
    const draftArm: BacktestArmInput = { id: run.versionId, document: run.document };
    const baselineArm: BacktestArmInput = { id: baseline.id, document: baseline.document };
    const state =
      run.state ??
      emptyBacktest({ from: run.windowFrom.getTime(), to: run.windowTo.getTime() }, draftArm, baselineArm);
    const accumulator = new BacktestAccumulator(state, draftArm, baselineArm);
    let after = run.lastLeadId;
    let processed = run.processed;

    for (;;) {
      const read = await this.tenantDb.inWorkspace(claim.workspaceId, async (manager) => {
        const leads = await this.history.batch(manager, after, batchSize, run.windowTo);
        if (leads.length === 0) return 0;
        accumulator.add(leads);
        const lastLeadId = leads[leads.length - 1].id;
        const saved = await this.runs.saveBatch(manager, claim, {
          state,
          lastLeadId,
          processed: processed + leads.length,
          total: Math.max(total, processed + leads.length),
          at: now(),
        });
        if (!saved) throw new BacktestClaimLost(claim.id);
        after = lastLeadId;
        return leads.length;
      });
      if (read === 0) break;
      processed += read;
    }

    const result = backtestResult(state, run.document, baseline.document);
    const finished = await this.tenantDb.inWorkspace(claim.workspaceId, (manager) =>
      this.runs.finish(manager, claim, result, now()),
    );
    if (!finished) throw new BacktestClaimLost(claim.id);
    this.logger.log(`backtested ${processed} leads of workspace ${claim.workspaceId} (run ${claim.id})`);
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

import { AgreementVersionEntity, AgreementsRepository } from '@accord/api/agreements/data-access';
import { BacktestRunEntity, BacktestRunsRepository } from '@accord/api/backtest/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import { sameBacktestInputs } from '@accord/domain/backtest';

import { BacktestWorker } from './backtest.worker';
import { StartBacktestInput } from './dto/backtest.inputs';
import { BacktestRun } from './models/backtest.model';

/** Backtests: started by members, run by the worker, read with their staleness. */
@Injectable()
export class BacktestService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly runs: BacktestRunsRepository,
    private readonly agreements: AgreementsRepository,
    private readonly worker: BacktestWorker,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues a backtest of the version's current revision against the version in force, over the last `months`
   * months. Starting one that is already queued or running for the same revision returns that one, even when
   * both are started at the same moment.
   */
  async start(actor: AuthMember, input: StartBacktestInput): Promise<BacktestRun> {
    const now = this.clock.now();
    const run = await this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const version = await this.agreements.findById(manager, input.versionId);
      if (!version) throw AppError.notFound('No agreement version with this id in the workspace');
      const inForce = await this.agreements.findInForce(manager, now);
      if (!inForce)
        throw AppError.badInput('No version is in force yet: publish a first version to compare with');
      const queued = await this.runs.queueOnce(manager, {
        workspaceId: actor.workspaceId,
        id: randomUUID(),
        versionId: version.id,
        revision: version.revision,
        baselineVersionId: inForce.id,
        document: version.document,
        windowFrom: monthsBefore(now, input.months ?? 12),
        windowTo: now,
        requestedById: actor.id,
        createdAt: now,
      });
      return this.present(manager, queued);
    });
    this.worker.wake();
    return run;
  }

  get(actor: AuthMember, id: string): Promise<BacktestRun> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const run = await this.runs.findById(manager, id);
      if (!run) throw AppError.notFound('No backtest with this id in the workspace');
      return this.present(manager, run);
    });
  }

  /** The newest backtest of a version, or null. */
  latest(actor: AuthMember, versionId: string): Promise<BacktestRun | null> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const run = await this.runs.latestOf(manager, versionId);
      return run ? this.present(manager, run) : null;
    });
  }

  /**
   * Definition quality: the newest finished backtest of the version in force against itself — its calibration,
   * signal value and rejection suggestions — or null when none has run since it took effect.
   */
  definitionQuality(actor: AuthMember): Promise<BacktestRun | null> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const inForce = await this.agreements.findInForce(manager, this.clock.now());
      if (!inForce) return null;
      const run = await this.runs.latestDone(manager, inForce.id, inForce.id);
      return run ? this.present(manager, run) : null;
    });
  }

  private async present(manager: EntityManager, run: BacktestRunEntity): Promise<BacktestRun> {
    const version = await this.agreements.findById(manager, run.versionId);
    const baseline = await this.agreements.findById(manager, run.baselineVersionId);
    const inForce = await this.agreements.findInForce(manager, this.clock.now());
    return toBacktestRun(run, version, baseline, inForce);
  }
}

export function toBacktestRun(
  run: BacktestRunEntity,
  version: AgreementVersionEntity | null,
  baseline: AgreementVersionEntity | null,
  inForce: AgreementVersionEntity | null,
): BacktestRun {
  const done = run.status === 'DONE';
  return {
    id: run.id,
    versionId: run.versionId,
    versionNumber: version?.number ?? 0,
    revision: run.revision,
    baselineVersionId: run.baselineVersionId,
    baselineVersionNumber: baseline?.number ?? 0,
    status: run.status,
    processed: run.processed,
    total: run.total,
    progress: done ? 1 : run.total === 0 ? 0 : Math.min(1, run.processed / run.total),
    stale: isStale(run, version, inForce),
    windowFrom: run.windowFrom,
    windowTo: run.windowTo,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    error: run.error,
    result: done ? (run.result as unknown as Record<string, unknown>) : null,
  };
}

/**
 * Whether the results no longer answer for the version: a part the backtest reads was edited since (a send-back
 * or a KPI target alone changes nothing it computed), or, before publishing, another version took effect and is
 * now the one to compare with. A published version's backtest is its record from before publishing, never stale.
 */
function isStale(
  run: BacktestRunEntity,
  version: AgreementVersionEntity | null,
  inForce: AgreementVersionEntity | null,
): boolean {
  if (!version) return true;
  if (version.revision !== run.revision && !sameBacktestInputs(run.document, version.document)) return true;
  return version.status !== 'PUBLISHED' && inForce?.id !== run.baselineVersionId;
}

/** The same instant `months` calendar months earlier (UTC), clamped to the month's last day. */
export function monthsBefore(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(at);
  result.setUTCFullYear(year, month, Math.min(at.getUTCDate(), lastDay));
  return result;
}

import { Injectable } from '@nestjs/common';

import { LeadsRepository } from '@accord/api/leads/data-access';
import { AppConfig, Clock, PollingJob } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';

import { LeadScorer } from './lead-scorer';

/** Leads per transaction. */
const BATCH = 500;
/** Workspaces looked at per poll. */
const POLL_WORKSPACES = 100;

/**
 * Brings recycled leads back: a handover rejected with a RECYCLE reason sends its lead to nurture until the
 * reason's days have passed. When they have, the lead is scored again under the version in force — one that
 * still qualifies becomes an MQL and is handed over anew; one that does not stays in nurture, now eligible the
 * moment it qualifies — and its recycle period is cleared, so each lead comes back once. Safe on several replicas:
 * leads are locked with SKIP LOCKED, and scoring and clearing commit together.
 */
@Injectable()
export class RecycleSweep extends PollingJob {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly leads: LeadsRepository,
    private readonly scorer: LeadScorer,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  /** Brings back every recycled lead whose period has ended; returns how many. */
  async drain(): Promise<number> {
    const now = this.clock.now();
    const workspaces = await this.tenantDb.run({ system: true }, (manager) =>
      this.leads.workspacesWithRecycleDue(manager, now, POLL_WORKSPACES),
    );
    return this.forEachWorkspace(workspaces, (workspaceId) => this.sweep(workspaceId, now));
  }

  private sweep(workspaceId: string, now: Date): Promise<number> {
    return this.inBatches(BATCH, () =>
      this.tenantDb.inWorkspace(workspaceId, async (manager) => {
        const due = await this.leads.lockRecycleDue(manager, now, BATCH);
        if (due.length === 0) return 0;
        await this.scorer.scoreChanged(manager, due, now, null);
        await this.leads.endRecycle(
          manager,
          due.map((lead) => lead.id),
        );
        return due.length;
      }),
    );
  }
}

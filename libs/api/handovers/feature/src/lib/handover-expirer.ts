import { Injectable } from '@nestjs/common';

import { HandoversRepository } from '@accord/api/handovers/data-access';
import { AppConfig, Clock, PollingJob } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';

import { EscalationMailer } from './escalation-mail';
import { HandoverEvents } from './handover-events';

const BATCH = 500;
const POLL_WORKSPACES = 100;

/**
 * Expires handovers nobody decided by their due time and escalates them to the sales managers: their team queue
 * lists expired ones, each manager gets an e-mail per batch, and `handover.expired` goes out — all in the expiry's
 * transaction. Safe on several replicas: each expiry locks its rows with
 * SKIP LOCKED and rechecks the status, so a handover expires once.
 */
@Injectable()
export class HandoverExpirer extends PollingJob {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly handovers: HandoversRepository,
    private readonly events: HandoverEvents,
    private readonly escalations: EscalationMailer,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  async drain(): Promise<number> {
    const now = this.clock.now();
    const workspaces = await this.tenantDb.run({ system: true }, (manager) =>
      this.handovers.workspacesWithOverdue(manager, now, POLL_WORKSPACES),
    );
    return this.forEachWorkspace(workspaces, (workspaceId) => this.expireIn(workspaceId, now));
  }

  /** Expires the workspace's overdue handovers, a batch per transaction; returns how many. */
  private expireIn(workspaceId: string, now: Date): Promise<number> {
    return this.inBatches(BATCH, () =>
      this.tenantDb.inWorkspace(workspaceId, async (manager) => {
        const rows = await this.handovers.expireOverdue(manager, now, BATCH);
        await this.events.expired(manager, rows, now);
        await this.escalations.queue(
          manager,
          rows.map((row) => row.id),
          now,
        );
        return rows.length;
      }),
    );
  }
}

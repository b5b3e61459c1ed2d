import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

import { PublishedDocuments } from '@accord/api/agreements/data-access';
import { HandoversRepository, NewHandover, NewMql } from '@accord/api/handovers/data-access';
import { LeadForScoring, LeadsRepository } from '@accord/api/leads/data-access';
import { AppConfig, Clock, PollingJob } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { TEMPERATURE_RANK, handoverDueAt, routeLeads } from '@accord/domain/handover';
import { leadFacts, summarySignals } from '@accord/domain/leads';
import { evaluateLead, explanationSummary } from '@accord/domain/scoring';

import { HandoverEvents } from './handover-events';

/** Moves into MQL per transaction. */
const BATCH = 500;
const POLL_WORKSPACES = 100;

/**
 * Opens a handover for each lead that became an MQL, whichever path moved it (a change, a signal, a rescore):
 * it reads the moves into MQL the lead transitions record, so scoring never waits for routing. Each handover is
 * opened under the version that made the lead an MQL, routed by that version's rule, and due by its SLA for the
 * lead's temperature from the moment of the move. Taking a move and opening its handover commit together.
 */
@Injectable()
export class HandoverOpener extends PollingJob {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly handovers: HandoversRepository,
    private readonly leads: LeadsRepository,
    private readonly published: PublishedDocuments,
    private readonly events: HandoverEvents,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  async drain(): Promise<number> {
    const workspaces = await this.tenantDb.run({ system: true }, (manager) =>
      this.handovers.workspacesWithNewMqls(manager, POLL_WORKSPACES),
    );
    return this.forEachWorkspace(workspaces, (workspaceId) => this.openPending(workspaceId));
  }

  /** Opens the handovers the workspace's new MQLs are waiting for; returns how many. */
  openPending(workspaceId: string): Promise<number> {
    return this.inBatches(BATCH, async () => {
      const batch = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
        this.openBatch(manager, workspaceId),
      );
      return { taken: batch.taken, done: batch.opened };
    });
  }

  private async openBatch(
    manager: EntityManager,
    workspaceId: string,
  ): Promise<{ taken: number; opened: number }> {
    const mqls = await this.handovers.takeNewMqls(manager, BATCH);
    if (mqls.length === 0) return { taken: 0, opened: 0 };
    const now = this.clock.now();
    const leads = new Map(
      (
        await this.leads.lockForScoring(
          manager,
          mqls.map((mql) => mql.leadId),
        )
      ).map((lead) => [lead.id, lead]),
    );
    const busy = await this.handovers.leadsWithUndecided(manager, [...leads.keys()]);
    // A lead that moved on since (decided, or moved out of MQL by hand), or that has a handover already, gets
    // none; of several moves of one lead in the batch, the latest opens it.
    const due = new Map<string, { mql: NewMql & { versionId: string }; lead: LeadForScoring }>();
    for (const mql of mqls) {
      const lead = leads.get(mql.leadId);
      if (lead?.stage === 'MQL' && mql.versionId && !busy.has(lead.id))
        due.set(lead.id, { mql: { ...mql, versionId: mql.versionId }, lead });
    }
    const opened = await this.open(manager, workspaceId, [...due.values()], now);
    await this.handovers.markMqlsChecked(
      manager,
      mqls.map((mql) => mql.transitionId),
      now,
    );
    return { taken: mqls.length, opened: opened.length };
  }

  private async open(
    manager: EntityManager,
    workspaceId: string,
    due: { mql: NewMql & { versionId: string }; lead: LeadForScoring }[],
    now: Date,
  ): Promise<NewHandover[]> {
    if (due.length === 0) return [];
    let cursors = await this.handovers.lockRouting(manager, workspaceId, now);
    const routable = await this.handovers.routableMemberIds(manager);
    const rows: NewHandover[] = [];
    for (const versionId of new Set(due.map((item) => item.mql.versionId))) {
      const version = await this.published.version(manager, versionId);
      const mine = due.filter((item) => item.mql.versionId === versionId);
      const routed = routeLeads(
        version.document.handover.routing,
        mine.map((item) => item.lead),
        cursors,
        routable,
      );
      cursors = routed.cursors;
      mine.forEach(({ mql, lead }, index) => {
        const evaluation = evaluateLead({
          lead: leadFacts(lead),
          signals: summarySignals(lead.signalSummary),
          version,
          now: mql.at,
        });
        rows.push({
          id: randomUUID(),
          leadId: lead.id,
          transitionId: mql.transitionId,
          versionId,
          ownerId: routed.ownerIds[index],
          grade: evaluation.fit.grade,
          temperature: evaluation.intent.temperature,
          temperatureRank: TEMPERATURE_RANK[evaluation.intent.temperature],
          outcome: evaluation.outcome,
          fitScore: evaluation.fit.score,
          intentScore: evaluation.intent.score,
          explanation: explanationSummary(evaluation).slice(0, 1000),
          handedOverAt: mql.at,
          dueAt: handoverDueAt(mql.at, evaluation.intent.temperature, version.document.handover.slaHours),
        });
      });
    }
    await this.handovers.insert(manager, rows);
    await this.handovers.saveRouting(manager, workspaceId, cursors, now);
    await this.leads.assignOwners(
      manager,
      rows.flatMap((row) => (row.ownerId ? [{ id: row.leadId, ownerId: row.ownerId }] : [])),
    );
    await this.events.opened(manager, rows, now);
    return rows;
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { LeadsRepository } from '@accord/api/leads/data-access';
import { AppConfig, Clock, PollingJob } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { addToSummary } from '@accord/domain/leads';

import { LeadScorer } from './lead-scorer';

/** Signals per transaction: one statement takes them, one locks their leads, one stores the new scores. */
const BATCH = 2_000;
/**
 * How long a wake-up waits before applying: signals arriving meanwhile join the same batch. Each transaction
 * costs about ten statements whatever its size, so under load this turns ten statements per request into a few
 * per hundred requests, well inside the second within which a new score must be readable.
 */
const GATHER_MS = 100;
/** Workspaces looked at per poll. */
const POLL_WORKSPACES = 100;

/**
 * Folds stored signals into their leads' summaries and scores, from the inbox ingestion fills. Ingestion wakes
 * it after each commit; whatever arrives while it works is taken in its next batch, so under load one
 * transaction applies many requests' signals. A poll picks up what another replica or a crashed process left.
 * Taking a signal from the inbox and applying it commit together: a signal is applied once, or not yet.
 */
@Injectable()
export class SignalApplier extends PollingJob {
  private readonly due = new Set<string>();
  /** Per workspace, the last inbox id taken while the inbox had more to give. */
  private readonly cursors = new Map<string, string>();

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly leads: LeadsRepository,
    private readonly scorer: LeadScorer,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  /** Signals of this workspace are waiting: apply them soon, after whatever is being applied now. */
  wake(workspaceId: string): void {
    this.due.add(workspaceId);
    this.kick();
  }

  private kick(): void {
    if (this.due.size === 0) return;
    void this.startPass(async () => {
      await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
      await this.applyDue();
    }).then((ran) => {
      // Woken while the last batch committed: go on.
      if (ran) this.kick();
    });
  }

  /** Applies every signal waiting for the workspace; returns how many. */
  async applyPending(workspaceId: string): Promise<number> {
    let applied = 0;
    for (;;) {
      const { count, lastId } = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
        this.applyBatch(manager, workspaceId),
      );
      applied += count;
      // Committed: the next batch starts after it. A short batch means the inbox is drained as far as this
      // applier can see; the next call starts from the first row, for rows committed out of id order.
      if (count < BATCH || !lastId) {
        this.cursors.delete(workspaceId);
        return applied;
      }
      this.cursors.set(workspaceId, lastId);
    }
  }

  /** Applies everything waiting in every workspace, now: the poll's work, and what tests wait for. */
  async drain(): Promise<number> {
    const workspaces = await this.tenantDb.run({ system: true }, (manager) =>
      this.leads.workspacesWithInbox(manager, POLL_WORKSPACES),
    );
    return this.inTurn(workspaces);
  }

  private async applyDue(): Promise<void> {
    while (this.due.size && !this.stopped) {
      const workspaces = [...this.due];
      this.due.clear();
      await this.inTurn(workspaces);
    }
  }

  /** One workspace's failing batch (its signals stay in its inbox) never keeps the others' signals waiting. */
  private inTurn(workspaceIds: readonly string[]): Promise<number> {
    return this.forEachWorkspace(workspaceIds, (id) => this.applyPending(id));
  }

  private async applyBatch(
    manager: EntityManager,
    workspaceId: string,
  ): Promise<{ count: number; lastId: string | null }> {
    const taken = await this.leads.takeFromInbox(manager, BATCH, this.cursors.get(workspaceId) ?? '0');
    if (taken.length === 0) return { count: 0, lastId: null };
    const now = this.clock.now();
    const leads = await this.leads.lockForScoring(
      manager,
      taken.map((signal) => signal.lead_id),
    );
    const byLead = new Map<string, typeof taken>();
    for (const signal of taken) {
      const mine = byLead.get(signal.lead_id);
      if (mine) mine.push(signal);
      else byLead.set(signal.lead_id, [signal]);
    }
    const changes = leads.map((lead) => {
      const mine = byLead.get(lead.id) ?? [];
      let lastSignalAt = 0;
      for (const signal of mine) {
        const at = signal.occurred_at.getTime();
        lead.signalSummary = addToSummary(lead.signalSummary, signal.type, at);
        lastSignalAt = Math.max(lastSignalAt, at);
      }
      return {
        id: lead.id,
        summary: lead.signalSummary,
        added: mine.length,
        lastSignalAt: new Date(lastSignalAt),
      };
    });
    await this.leads.saveSignalSummaries(manager, changes, now);
    await this.scorer.scoreChanged(manager, leads, now, null);
    return { count: taken.length, lastId: taken[taken.length - 1].id };
  }
}

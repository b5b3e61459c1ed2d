import { Injectable } from '@nestjs/common';

import { LeadsRepository } from '@accord/api/leads/data-access';
import { TenantDb } from '@accord/api/shared/database';
import { InputIssue } from '@accord/domain/agreement';
import { SignalEvent, addToSummary, parseSignalEvent } from '@accord/domain/leads';

import { LeadScorer } from './lead-scorer';

export type ItemStatus = 'STORED' | 'DUPLICATE' | 'REFUSED' | 'UNMATCHED';

/** What happened to one event of a request, so the sender can retry exactly what was not stored. */
export interface ItemResult {
  index: number;
  externalId: string | null;
  status: ItemStatus;
  leadId?: string;
  problems?: InputIssue[];
}

export interface IngestReport {
  stored: number;
  duplicates: number;
  refused: number;
  unmatched: number;
  items: ItemResult[];
}

/** A line of an NDJSON body that did not parse: refused on its own, the other lines still count. */
export class InvalidJsonLine {
  constructor(readonly line: string) {}
}

/** Events per transaction: big enough for set-based SQL, small enough to keep locks and memory short. */
const BATCH = 5_000;

/**
 * Stores signals once per external id, matched to their lead by id, e-mail or company domain, and rescores
 * the leads they touch in the same transaction, so a lead's new score is readable as soon as the call returns.
 * Every event gets a result: stored, a duplicate of one stored before, refused with the reason, or unmatched.
 */
@Injectable()
export class SignalIngestionService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly leads: LeadsRepository,
    private readonly scorer: LeadScorer,
  ) {}

  async ingest(
    workspaceId: string,
    events: readonly unknown[],
    now: Date,
    actorId: string | null = null,
  ): Promise<IngestReport> {
    const items: ItemResult[] = [];
    const valid: { index: number; signal: SignalEvent }[] = [];
    events.forEach((event, index) => {
      if (event instanceof InvalidJsonLine) {
        items.push({
          index,
          externalId: null,
          status: 'REFUSED',
          problems: [{ path: '', message: `line ${index + 1} is not valid JSON` }],
        });
        return;
      }
      const parsed = parseSignalEvent(event, now);
      if (parsed.ok) valid.push({ index, signal: parsed.signal });
      else items.push({ index, externalId: externalIdOf(event), status: 'REFUSED', problems: parsed.issues });
    });
    // The same external id twice in one request: the first one counts.
    const seen = new Set<string>();
    const unique = valid.filter(({ index, signal }) => {
      if (!seen.has(signal.externalId)) return seen.add(signal.externalId);
      items.push({ index, externalId: signal.externalId, status: 'DUPLICATE' });
      return false;
    });
    for (let start = 0; start < unique.length; start += BATCH) {
      items.push(...(await this.ingestBatch(workspaceId, unique.slice(start, start + BATCH), now, actorId)));
    }
    items.sort((a, b) => a.index - b.index);
    const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
    return {
      stored: count('STORED'),
      duplicates: count('DUPLICATE'),
      refused: count('REFUSED'),
      unmatched: count('UNMATCHED'),
      items,
    };
  }

  private ingestBatch(
    workspaceId: string,
    batch: { index: number; signal: SignalEvent }[],
    now: Date,
    actorId: string | null,
  ): Promise<ItemResult[]> {
    return this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const refs = batch.map(({ signal }) => signal.lead);
      const matches = await this.leads.matchIds(
        manager,
        refs.flatMap((ref) => (ref.id ? [ref.id] : [])),
        refs.flatMap((ref) => (ref.email ? [ref.email] : [])),
        refs.flatMap((ref) => (ref.companyDomain ? [ref.companyDomain] : [])),
      );
      const results: ItemResult[] = [];
      const matched: { index: number; signal: SignalEvent; leadId: string }[] = [];
      for (const { index, signal } of batch) {
        const leadId =
          (signal.lead.id && matches.ids.has(signal.lead.id) ? signal.lead.id : undefined) ??
          (signal.lead.email ? matches.byEmail.get(signal.lead.email) : undefined) ??
          (signal.lead.companyDomain ? matches.byDomain.get(signal.lead.companyDomain) : undefined);
        if (leadId) matched.push({ index, signal, leadId });
        else {
          results.push({
            index,
            externalId: signal.externalId,
            status: 'UNMATCHED',
            problems: [
              { path: 'lead', message: 'no lead of this workspace has that id, e-mail or company domain' },
            ],
          });
        }
      }
      const stored = await this.leads.insertSignals(
        manager,
        matched.map(({ signal, leadId }) => ({ ...signal, leadId })),
        now,
      );
      for (const { index, signal, leadId } of matched) {
        results.push({
          index,
          externalId: signal.externalId,
          status: stored.has(signal.externalId) ? 'STORED' : 'DUPLICATE',
          leadId,
        });
      }
      const fresh = matched.filter(({ signal }) => stored.has(signal.externalId));
      await this.applyToLeads(manager, fresh, now, actorId);
      return results;
    });
  }

  /** Folds the new signals into their leads' summaries and rescores those leads. */
  private async applyToLeads(
    manager: Parameters<LeadScorer['scoreChanged']>[0],
    fresh: { signal: SignalEvent; leadId: string }[],
    now: Date,
    actorId: string | null,
  ): Promise<void> {
    if (fresh.length === 0) return;
    const leads = await this.leads.lockByIds(
      manager,
      fresh.map((item) => item.leadId),
    );
    const byLead = new Map<string, { signal: SignalEvent }[]>();
    for (const item of fresh) byLead.set(item.leadId, [...(byLead.get(item.leadId) ?? []), item]);
    const changes = leads.map((lead) => {
      const mine = byLead.get(lead.id) ?? [];
      for (const { signal } of mine)
        lead.signalSummary = addToSummary(lead.signalSummary, signal.type, signal.occurredAt.getTime());
      const lastSignalAt = new Date(Math.max(...mine.map(({ signal }) => signal.occurredAt.getTime())));
      return { id: lead.id, summary: lead.signalSummary, added: mine.length, lastSignalAt };
    });
    await this.leads.saveSignalSummaries(manager, changes, now);
    await this.scorer.scoreChanged(manager, leads, now, actorId);
  }
}

function externalIdOf(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const id = (event as { externalId?: unknown }).externalId;
  return typeof id === 'string' ? id.slice(0, 200) : null;
}

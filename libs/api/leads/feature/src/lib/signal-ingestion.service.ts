import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ApiKeysRepository, LeadsRepository } from '@accord/api/leads/data-access';
import { TenantDb } from '@accord/api/shared/database';
import { InputIssue } from '@accord/domain/agreement';
import { cleanDomain } from '@accord/domain/imports';
import { SignalEvent, parseSignalEvent } from '@accord/domain/leads';

import { EVENTS_PER_STATEMENT, KeyedSignalStore } from './keyed-signal-store';
import { SignalApplier } from './signal-applier';

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
  /** The workspace the signals went to; null when no event reached the database (all refused). */
  workspaceId: string | null;
  stored: number;
  duplicates: number;
  refused: number;
  unmatched: number;
  items: ItemResult[];
}

/** A line of an NDJSON body that did not parse: refused on its own, the other lines still count. */
export class InvalidJsonLine {
  constructor(
    readonly line: string,
    /** Its number in the body, counted from 1 with blank lines, as an editor shows it. */
    readonly number: number,
  ) {}
}

/**
 * Whose signals these are: a member's workspace (the web app), or the workspace of the API key a machine client
 * presented, given by the key's hash and authenticated by the statement that stores each batch.
 */
export type IngestTarget = { workspaceId: string } | { apiKeyHash: string };

/** The API key presented is wrong or revoked: nothing was stored. */
export class UnknownApiKey extends Error {
  constructor() {
    super('unknown or revoked API key');
  }
}

/**
 * When stored signals reach their lead's score: `now` applies them before ingest returns (the web app, which
 * shows the new score at once); `soon` leaves them to the applier, which folds them in within moments in
 * micro-batches (machine clients, whose throughput matters more than a wait of a few milliseconds).
 */
export type ApplyWhen = 'now' | 'soon';

/**
 * Stores signals once per external id, matched to their lead by id, e-mail or company domain, and queues each
 * new one for the SignalApplier in the same transaction, so nothing acknowledged is lost. Every event gets a
 * result: stored, a duplicate of one stored before, refused with the reason, or unmatched.
 */
@Injectable()
export class SignalIngestionService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly leads: LeadsRepository,
    private readonly applier: SignalApplier,
    private readonly keyedStore: KeyedSignalStore,
    private readonly keys: ApiKeysRepository,
  ) {}

  async ingest(
    target: IngestTarget,
    events: readonly unknown[],
    now: Date,
    apply: ApplyWhen,
  ): Promise<IngestReport> {
    const items: ItemResult[] = [];
    const valid: { index: number; signal: SignalEvent }[] = [];
    events.forEach((event, index) => {
      const parsed = readEvent(event, now);
      if ('signal' in parsed) valid.push({ index, signal: parsed.signal });
      else items.push({ index, externalId: externalIdOf(event), status: 'REFUSED', problems: parsed.issues });
    });
    // The same external id twice in one request: the first one counts, and the others get its outcome.
    const first = new Map<string, number>();
    const repeats: { index: number; of: number }[] = [];
    const distinct = valid.filter(({ index, signal }) => {
      const earlier = first.get(signal.externalId);
      if (earlier !== undefined) repeats.push({ index, of: earlier });
      else first.set(signal.externalId, index);
      return earlier === undefined;
    });
    const misnamed = await this.misnamedLeads(
      target,
      distinct.map(({ signal }) => signal),
    );
    const unique = distinct.filter(({ index, signal }) => {
      if (!misnamed.has(signal)) return true;
      items.push({
        index,
        externalId: signal.externalId,
        status: 'REFUSED',
        problems: [{ path: 'lead', message: 'lead.id and lead.email name different leads' }],
      });
      return false;
    });
    const workspaces = new Set<string>();
    for (let start = 0; start < unique.length; start += EVENTS_PER_STATEMENT) {
      const batch = unique.slice(start, start + EVENTS_PER_STATEMENT);
      const signals = batch.map((item) => item.signal);
      const stored =
        'apiKeyHash' in target
          ? await this.keyedStore.store(target.apiKeyHash, signals, now)
          : await this.tenantDb.inWorkspace(target.workspaceId, (manager) =>
              this.leads.storeSignals(manager, null, signals, now),
            );
      // Every batch authenticates the key again: a key revoked mid-request stops the rest.
      if (!stored) throw new UnknownApiKey();
      workspaces.add(stored.workspaceId);
      batch.forEach(({ index, signal }, position) =>
        items.push(resultOf(index, signal, stored.results[position])),
      );
    }
    const outcomes = new Map(items.map((item) => [item.index, item]));
    for (const { index, of } of repeats) items.push(repeatOf(index, outcomes.get(of) as ItemResult));
    for (const workspaceId of workspaces) {
      if (apply === 'now') await this.applier.applyPending(workspaceId);
      else this.applier.wake(workspaceId);
    }
    items.sort((a, b) => a.index - b.index);
    const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
    return {
      workspaceId: [...workspaces][0] ?? null,
      stored: count('STORED'),
      duplicates: count('DUPLICATE'),
      refused: count('REFUSED'),
      unmatched: count('UNMATCHED'),
      items,
    };
  }

  /**
   * The events whose lead.id and lead.email name two different leads of the workspace: the store would match the
   * id and drop the e-mail silently. One query, only for events that give both.
   */
  private async misnamedLeads(target: IngestTarget, signals: SignalEvent[]): Promise<Set<SignalEvent>> {
    const named = signals.filter((signal) => signal.lead.id && signal.lead.email);
    if (named.length === 0) return new Set();
    const find = (manager: EntityManager) =>
      this.leads.leadsByIdOrEmail(
        manager,
        named.map((signal) => signal.lead.id as string),
        named.map((signal) => signal.lead.email as string),
      );
    const leads =
      'apiKeyHash' in target
        ? await this.tenantDb.run({ apiKeyHash: target.apiKeyHash }, async (manager) =>
            (await this.keys.enterKeyWorkspace(manager, target.apiKeyHash)) ? find(manager) : null,
          )
        : await this.tenantDb.inWorkspace(target.workspaceId, find);
    if (!leads) throw new UnknownApiKey();
    const emailOf = new Map(leads.map((lead) => [lead.id, lead.email]));
    const emails = new Set(emailOf.values());
    return new Set(
      named.filter(({ lead }) => {
        const emailOfId = emailOf.get(lead.id as string);
        return emailOfId !== undefined && emails.has(lead.email as string) && emailOfId !== lead.email;
      }),
    );
  }
}

/** One event of a request, validated, with its company domain cleaned as imports clean it; or why it is refused. */
function readEvent(event: unknown, now: Date): { signal: SignalEvent } | { issues: InputIssue[] } {
  if (event instanceof InvalidJsonLine)
    return { issues: [{ path: '', message: `line ${event.number} is not valid JSON` }] };
  const parsed = parseSignalEvent(event, now);
  if (!parsed.ok) return { issues: parsed.issues };
  const { companyDomain } = parsed.signal.lead;
  if (companyDomain === undefined) return { signal: parsed.signal };
  // "https://www.northwind.example/", "northwind.example." and "ana@northwind.example" all name northwind.example.
  const domain = cleanDomain(companyDomain);
  if (!domain.ok) return { issues: [{ path: 'lead.companyDomain', message: domain.reason }] };
  return { signal: { ...parsed.signal, lead: { ...parsed.signal.lead, companyDomain: domain.value } } };
}

/** A repeat of an event earlier in the same request: a duplicate of it, or unmatched as it was. */
function repeatOf(index: number, first: ItemResult): ItemResult {
  if (first.status === 'UNMATCHED' || first.status === 'REFUSED') return { ...first, index };
  return { index, externalId: first.externalId, status: 'DUPLICATE', leadId: first.leadId };
}

function resultOf(
  index: number,
  signal: SignalEvent,
  outcome: { leadId: string | null; stored: boolean },
): ItemResult {
  if (!outcome.leadId) {
    return {
      index,
      externalId: signal.externalId,
      status: 'UNMATCHED',
      problems: [
        { path: 'lead', message: 'no lead of this workspace has that id, e-mail or company domain' },
      ],
    };
  }
  return {
    index,
    externalId: signal.externalId,
    status: outcome.stored ? 'STORED' : 'DUPLICATE',
    leadId: outcome.leadId,
  };
}

function externalIdOf(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const id = (event as { externalId?: unknown }).externalId;
  return typeof id === 'string' ? id.slice(0, 200) : null;
}

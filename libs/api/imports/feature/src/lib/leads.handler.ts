import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import { ImportsRepository } from '@accord/api/imports/data-access';
import { LeadsRepository } from '@accord/api/leads/data-access';
// Imported leads are scored, and imported activities ingested, by the leads feature's own scorer and ingestion
// (not a copy of them), so an import's result is the product's: a deliberate feature → feature use.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LeadScorer } from '@accord/api/leads/feature';
import {
  type LeadFields,
  type LifecycleStage,
  impliedSeniority,
  respell,
  spellingsIn,
} from '@accord/domain/leads';

import {
  type BatchContext,
  type GoodRow,
  type KindHandler,
  type RowResult,
  firstOfEachKey,
  isoDay,
  respeltNote,
  versionInForceAt,
} from './handler';

/** The lead columns an import writes, with their SQL types for unnest; technologies travel as JSON. */
const COLUMNS: { field: keyof LeadFields; column: string; type: string }[] = [
  { field: 'email', column: 'email', type: 'text' },
  { field: 'firstName', column: 'first_name', type: 'text' },
  { field: 'lastName', column: 'last_name', type: 'text' },
  { field: 'title', column: 'title', type: 'text' },
  { field: 'seniority', column: 'seniority', type: 'text' },
  { field: 'department', column: 'department', type: 'text' },
  { field: 'budgetAuthority', column: 'budget_authority', type: 'boolean' },
  { field: 'companyName', column: 'company_name', type: 'text' },
  { field: 'companyDomain', column: 'company_domain', type: 'text' },
  { field: 'employeeCount', column: 'employee_count', type: 'int' },
  { field: 'annualRevenue', column: 'annual_revenue', type: 'float8' },
  { field: 'industry', column: 'industry', type: 'text' },
  { field: 'country', column: 'country', type: 'text' },
  { field: 'technologies', column: 'technologies', type: 'jsonb' },
  { field: 'source', column: 'source', type: 'text' },
  { field: 'campaign', column: 'campaign', type: 'text' },
];

type StoredLead = LeadFields & { id: string; ownerId: string | null; createdAt: Date };

/**
 * A time-ordered UUID (version 7) for a new lead: the leads of one import then sit side by side in the primary
 * key's index, so writing, locking and scoring a batch touches a few index pages instead of one per lead. Its
 * random bits come from randomUUID, which draws entropy in bulk (a randomBytes call per id cost more than the id).
 */
export function timeOrderedUuid(now = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0').slice(-12);
  // randomUUID's variant bits are already RFC 4122's; only the version nibble (4 → 7) changes.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`;
}

const SELECT_STORED = `SELECT id, owner_id AS "ownerId", created_at AS "createdAt", ${COLUMNS.map(
  (item) => `${item.column} AS "${item.field}"`,
).join(', ')} FROM leads WHERE email = ANY($1::text[]) ORDER BY id FOR UPDATE`;

/** The unnest parameters of COLUMNS, numbered from `offset`. */
const columnParams = (offset: number) =>
  COLUMNS.map((item, index) => `$${index + offset}::${item.type}[]`).join(', ');

const valueFor = (lead: LeadFields, field: keyof LeadFields) =>
  field === 'technologies' ? JSON.stringify(lead.technologies) : lead[field];

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

/**
 * Leads by e-mail, the natural key: new e-mails are created (with their created date when the file gives one,
 * and the "created" transition at that date), known ones get the fields the file gives, and both are scored
 * under the version in force by the product's own scorer, in the batch's transaction. The leads that scoring
 * makes MQLs are handed over only when the import asks (`handovers`), and never those with an owner.
 */
@Injectable()
export class LeadsImportHandler implements KindHandler<'LEADS'> {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly scorer: LeadScorer,
    private readonly imports: ImportsRepository,
  ) {}

  async apply(
    manager: EntityManager,
    rows: readonly GoodRow<'LEADS'>[],
    context: BatchContext,
  ): Promise<RowResult[]> {
    const { kept, skipped } = firstOfEachKey(rows, (row) => row.value.lead.email, 'e-mail', context.taken);
    const results: RowResult[] = [...skipped];
    const stored: StoredLead[] = await manager.query(SELECT_STORED, [
      kept.map((row) => row.value.lead.email),
    ]);
    const byEmail = new Map(stored.map((lead) => [lead.email, lead]));
    const owners = await context.owners(manager);
    const spellings = await context.spellings(manager, spellingsIn(kept.map((row) => row.value.lead)));
    // The leads this scoring makes MQLs get no handover unless the import asks for them; one it asks for would be
    // routed, which takes the lead from its owner, so a lead with an owner gets none either way. Without handovers
    // a new lead is history: it became an MQL when it was created (by fit alone; it has no signals yet), so its
    // move is dated then and counts in that period, not in the import's. One handed over enters sales' queue now.
    const open = context.handovers === 'OPEN';
    const created: { id: string; lead: LeadFields; ownerId: string | null; at: Date; movedAt: Date }[] = [];
    const updated: { id: string; lead: LeadFields; ownerId: string | null }[] = [];
    const backdated: { id: string; at: Date }[] = [];
    for (const row of kept) {
      const { given, owner, createdAt } = row.value;
      const { fields: lead, respelt } = respell(row.value.lead, spellings);
      const notes = respelt.map((item) => respeltNote(context, item));
      let ownerId: string | null | undefined;
      if (owner) {
        const found = owners.find(owner);
        if (found.ok) ownerId = found.memberId;
        const note = found.ok ? found.note : `${found.reason}; owner left as it was`;
        if (note) notes.push(`${context.headerOf('owner')}: ${note}`);
      }
      const current = byEmail.get(lead.email);
      if (!current) {
        const id = timeOrderedUuid();
        const at = createdAt ?? context.now;
        created.push({ id, lead, ownerId: ownerId ?? null, at, movedAt: open ? context.now : at });
        results.push({ row: row.row, outcome: 'CREATED', notes });
        continue;
      }
      const merged: LeadFields = { ...current };
      for (const field of given) (merged as Record<string, unknown>)[field] = lead[field];
      // The domain the e-mail implies fills a gap; it never replaces one the lead has.
      if (!given.includes('companyDomain') && current.companyDomain === null)
        merged.companyDomain = lead.companyDomain;
      // So does the seniority the file's job title names, which also replaces one the old title implied.
      const retitled = given.includes('title') && impliedSeniority(current);
      if (!given.includes('seniority') && (current.seniority === null || retitled))
        merged.seniority = lead.seniority;
      const nextOwner = ownerId ?? current.ownerId;
      const changed =
        nextOwner !== current.ownerId ||
        COLUMNS.some((item) => !sameValue(merged[item.field], current[item.field]));
      if (changed) updated.push({ id: current.id, lead: merged, ownerId: nextOwner });
      // A known lead's created date moves back to an earlier one the file gives (a lead first imported without
      // its date was created at that import), as an older opportunity moves it; a later date leaves it.
      const movedBack = createdAt && createdAt < current.createdAt ? createdAt : null;
      if (movedBack) {
        backdated.push({ id: current.id, at: movedBack });
        notes.push(
          `${context.headerOf('createdAt')}: the lead's created date moved back from ${isoDay(current.createdAt)} to ${isoDay(movedBack)}`,
        );
      }
      results.push({ row: row.row, outcome: changed || movedBack ? 'UPDATED' : 'UNCHANGED', notes });
    }
    const owned = new Set([...created, ...updated].flatMap((item) => (item.ownerId ? [item.id] : [])));
    // New leads are scored before they are written, so each is inserted once, in its final stage.
    const scoredNew = await this.scorer.scoreNew(
      manager,
      created.map((item) => ({
        id: item.id,
        ...item.lead,
        movedAt: item.movedAt,
        withoutHandover: !open || owned.has(item.id),
      })),
      context.now,
      context.actorId,
    );
    await this.insert(manager, created, scoredNew.stageOf, context);
    await scoredNew.store(manager);
    await this.update(manager, updated, context.now);
    await this.backdate(manager, backdated, context.now);
    if (updated.length > 0)
      await this.scorer.scoreChanged(
        manager,
        await this.leads.lockForScoring(
          manager,
          updated.map((item) => item.id),
        ),
        context.now,
        context.actorId,
      );
    await this.imports.markImportedMqlsChecked(manager, {
      leadIds: updated.map((item) => item.id).filter((id) => !open || owned.has(id)),
      at: context.now,
      actorId: context.actorId,
      ownedOnly: open,
    });
    await context.recordSpellings(
      manager,
      [...created, ...updated].map((item) => ({ ...item.lead, id: item.id })),
    );
    return results;
  }

  private async insert(
    manager: EntityManager,
    created: readonly { id: string; lead: LeadFields; ownerId: string | null; at: Date; movedAt: Date }[],
    stageOf: (leadId: string) => LifecycleStage,
    context: BatchContext,
  ): Promise<void> {
    if (created.length === 0) return;
    await manager.query(
      `INSERT INTO leads (workspace_id, id, owner_id, created_at, updated_at, stage, stage_changed_at,
                          ${COLUMNS.map((item) => item.column).join(', ')})
       SELECT accord_current_workspace(), i.id, i.owner_id, i.at, $4, i.stage,
              CASE WHEN i.stage = 'LEAD' THEN i.at ELSE i.moved_at END,
              ${COLUMNS.map((item) =>
                item.type === 'jsonb'
                  ? `ARRAY(SELECT jsonb_array_elements_text(i.${item.column}))`
                  : `i.${item.column}`,
              ).join(', ')}
         FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $5::text[], ${columnParams(6)},
                     $${6 + COLUMNS.length}::timestamptz[])
              AS i(id, owner_id, at, stage, ${COLUMNS.map((item) => item.column).join(', ')}, moved_at)`,
      [
        created.map((item) => item.id),
        created.map((item) => item.ownerId),
        created.map((item) => item.at),
        context.now,
        created.map((item) => stageOf(item.id)),
        ...COLUMNS.map((item) => created.map((entry) => valueFor(entry.lead, item.field))),
        created.map((item) => item.movedAt),
      ],
    );
    await manager.query(
      `INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, actor_id, reason, at)
       SELECT accord_current_workspace(), t.id, NULL, 'LEAD', ${versionInForceAt('t.at')}, $3, 'imported', t.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS t(id, at)`,
      [created.map((item) => item.id), created.map((item) => item.at), context.actorId],
    );
  }

  /** Lead transitions are append-only history: the "created" one keeps its time (see docs/imports.md). */
  private async backdate(
    manager: EntityManager,
    backdated: readonly { id: string; at: Date }[],
    now: Date,
  ): Promise<void> {
    if (backdated.length === 0) return;
    await manager.query(
      `UPDATE leads l SET created_at = b.at, updated_at = $3
         FROM unnest($1::uuid[], $2::timestamptz[]) AS b(id, at)
        WHERE l.id = b.id AND l.created_at > b.at`,
      [backdated.map((item) => item.id), backdated.map((item) => item.at), now],
    );
  }

  private async update(
    manager: EntityManager,
    updated: readonly { id: string; lead: LeadFields; ownerId: string | null }[],
    now: Date,
  ): Promise<void> {
    if (updated.length === 0) return;
    await manager.query(
      `UPDATE leads l SET owner_id = i.owner_id, updated_at = $3,
              ${COLUMNS.map((item) =>
                item.type === 'jsonb'
                  ? `${item.column} = ARRAY(SELECT jsonb_array_elements_text(i.${item.column}))`
                  : `${item.column} = i.${item.column}`,
              ).join(', ')}
         FROM unnest($1::uuid[], $2::uuid[], ${columnParams(4)})
              AS i(id, owner_id, ${COLUMNS.map((item) => item.column).join(', ')})
        WHERE l.id = i.id`,
      [
        updated.map((item) => item.id),
        updated.map((item) => item.ownerId),
        now,
        ...COLUMNS.map((item) => updated.map((entry) => valueFor(entry.lead, item.field))),
      ],
    );
  }
}

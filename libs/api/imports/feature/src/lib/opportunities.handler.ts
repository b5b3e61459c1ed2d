import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import { ImportsRepository } from '@accord/api/imports/data-access';
import { WorkspacesRepository } from '@accord/api/members/data-access';
import { type PreparedOpportunity, companyKey } from '@accord/domain/imports';
import type { LifecycleStage } from '@accord/domain/leads';
import {
  FIRST_OPPORTUNITY_STAGE,
  type OpportunityStage,
  isClosedStage,
  leadStageFor,
} from '@accord/domain/pipeline';

import { companyNamesByKey } from './company-names';
import {
  type BatchContext,
  type GoodRow,
  type KindHandler,
  type RowResult,
  firstOfEachKey,
  isoDay,
  versionInForceAt,
} from './handler';

interface StoredOpportunity {
  id: string;
  leadId: string;
  name: string | null;
  ownerId: string;
  stage: OpportunityStage;
  amount: number;
  currency: string;
  closeDate: string | null;
  lostReason: string | null;
  openedAt: Date;
}

interface LeadRef {
  id: string;
  stage: LifecycleStage;
  createdAt: Date;
}

/** A lead whose created date moves back to the opening of an opportunity imported for it. */
interface LeadBackdate {
  leadId: string;
  at: Date;
}

interface NewTransition {
  opportunityId: string;
  from: OpportunityStage | null;
  to: OpportunityStage;
  amount: number;
  at: Date;
}

interface LeadMove {
  leadId: string;
  from: LifecycleStage;
  to: LifecycleStage;
  at: Date;
}

/** A close date as an instant: the start of that day (UTC), never before the opportunity opened. */
function closedAtOf(closeDate: string, openedAt: Date): Date {
  const day = new Date(`${closeDate}T00:00:00Z`);
  return day < openedAt ? openedAt : day;
}

/**
 * The lead follows its opportunity, unless it has already been won: to OPPORTUNITY when the opportunity opened,
 * then to WON or LOST when it closed. The lead's stage is kept current for the batch's later rows.
 */
function followOpportunity(
  lead: LeadRef,
  opportunity: { stage: OpportunityStage; openedAt: Date; closedAt: Date | null },
  moves: LeadMove[],
): void {
  if (lead.stage === 'WON') return;
  if (lead.stage !== 'OPPORTUNITY')
    moves.push({ leadId: lead.id, from: lead.stage, to: 'OPPORTUNITY', at: opportunity.openedAt });
  lead.stage = 'OPPORTUNITY';
  if (isClosedStage(opportunity.stage)) {
    const outcome = leadStageFor(opportunity.stage);
    moves.push({ leadId: lead.id, from: 'OPPORTUNITY', to: outcome, at: opportunity.closedAt as Date });
    lead.stage = outcome;
  }
}

/**
 * Historical opportunities by the CRM's id (kept in import_keys): new ones are opened at their created date and,
 * when closed, close at their close date, with the transitions the funnel counts at those dates, recorded
 * under the version in force then; their lead moves through OPPORTUNITY to WON or LOST on the same dates.
 * Known ids are updated when the file says something new (a stage change is a transition), unchanged otherwise;
 * an open one the file closes moves its lead to WON or LOST at the close date, as a new closed one does.
 */
@Injectable()
export class OpportunitiesImportHandler implements KindHandler<'OPPORTUNITIES'> {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly workspaces: WorkspacesRepository,
  ) {}

  async apply(
    manager: EntityManager,
    rows: readonly GoodRow<'OPPORTUNITIES'>[],
    context: BatchContext,
  ): Promise<RowResult[]> {
    const { kept, skipped } = firstOfEachKey(
      rows,
      (row) => row.value.externalId,
      'opportunity id',
      context.taken,
    );
    const results: RowResult[] = [...skipped];
    const keys = await this.imports.keys(
      manager,
      'OPPORTUNITIES',
      kept.map((row) => row.value.externalId),
    );
    const stored = await this.storedOpportunities(manager, [...keys.values()]);
    const leads = await this.leadsOf(
      manager,
      kept.map((row) => row.value),
      [...stored.values()].map((opportunity) => opportunity.leadId),
    );
    const named = [...leads.byEmail.values(), ...leads.byDomain.values()];
    for (const { lead } of leads.byName.values()) named.push(lead);
    const openByLead = await this.openOpportunities(manager, [...new Set(named.map((lead) => lead.id))]);
    const owners = await context.owners(manager);
    // One currency per workspace, so that pipeline and revenue add up (see PipelineSupport.reportingCurrency).
    const currency = await this.workspaces.currencyForWriting(manager, context.workspaceId);

    const inserts: (PreparedOpportunity & {
      id: string;
      leadId: string;
      ownerId: string;
      openedAt: Date;
      closedAt: Date | null;
    })[] = [];
    const updates: (PreparedOpportunity & { id: string; ownerId: string; closedAt: Date | null })[] = [];
    const transitions: NewTransition[] = [];
    const moves: LeadMove[] = [];
    const backdates = new Map<string, LeadBackdate>();
    const newKeys: { externalId: string; targetId: string }[] = [];

    for (const row of kept) {
      const value = row.value;
      if (value.currency !== currency) {
        results.push({
          row: row.row,
          outcome: 'REFUSED',
          column: context.headerOf('amount'),
          message: `the amount is in ${value.currency}; this workspace reports in ${currency} (convert it, or set the mapping's default currency if the file's amounts name none)`,
        });
        continue;
      }
      const notes: string[] = [];
      const found = value.owner ? owners.find(value.owner) : null;
      const existingId = keys.get(value.externalId);
      const existing = existingId ? stored.get(existingId) : undefined;
      // An owner who is not a member (or a name that is no one's, or several members') leaves a stored
      // opportunity's owner as it was — whoever re-imports the file — and gives a new one to the importing member.
      if (found?.ok === false)
        notes.push(
          `${context.headerOf('owner')}: ${found.reason}; ` +
            (existing ? 'the owner is left as it was' : 'the importing member owns it'),
        );
      else if (found?.note) notes.push(`${context.headerOf('owner')}: ${found.note}`);
      const ownerId = (found?.ok ? found.memberId : null) ?? existing?.ownerId ?? context.actorId;
      if (existing) {
        const closedAt = value.closeDate ? closedAtOf(value.closeDate, existing.openedAt) : null;
        const next = {
          ...value,
          ownerId,
          name: value.name ?? existing.name,
        };
        const same =
          next.name === existing.name &&
          next.ownerId === existing.ownerId &&
          next.stage === existing.stage &&
          next.amount === existing.amount &&
          next.currency === existing.currency &&
          next.closeDate === existing.closeDate &&
          next.lostReason === existing.lostReason;
        if (same) {
          results.push({ row: row.row, outcome: 'UNCHANGED', notes });
          continue;
        }
        if (existing.stage !== next.stage) {
          if (isClosedStage(existing.stage)) {
            results.push({
              row: row.row,
              outcome: 'REFUSED',
              column: context.headerOf('stage'),
              message: `the opportunity was imported ${existing.stage}; a closed opportunity does not reopen or change outcome`,
            });
            continue;
          }
          const at = closedAt ?? context.now;
          transitions.push({
            opportunityId: existing.id,
            from: existing.stage,
            to: next.stage,
            amount: next.amount,
            at,
          });
          if (isClosedStage(next.stage)) {
            openByLead.delete(existing.leadId);
            // Read with the stored opportunities: the foreign key keeps an opportunity's lead.
            const lead = leads.byId.get(existing.leadId) as LeadRef;
            followOpportunity(lead, { stage: next.stage, openedAt: existing.openedAt, closedAt: at }, moves);
          }
        }
        updates.push({ ...next, id: existing.id, closedAt });
        results.push({ row: row.row, outcome: 'UPDATED', notes });
        continue;
      }
      const byName = value.accountNameKey ? leads.byName.get(value.accountNameKey) : undefined;
      const byEmail = value.leadEmail ? leads.byEmail.get(value.leadEmail) : undefined;
      const byDomain = !byEmail && value.accountDomain ? leads.byDomain.get(value.accountDomain) : undefined;
      const lead =
        byEmail ?? byDomain ?? ((!value.leadEmail && !value.accountDomain && byName?.lead) || null);
      if (!lead) {
        results.push({ row: row.row, outcome: 'REFUSED', ...unattached(value, context) });
        continue;
      }
      if (byDomain)
        notes.push(
          (value.leadEmail ? `no lead with the e-mail ${value.leadEmail}: ` : '') +
            `attached to ${value.accountDomain}'s first lead`,
        );
      else if (byName && !value.leadEmail)
        notes.push(
          `attached to the first lead of the company "${byName.companyName}"` +
            (byName.companyName === value.accountName ? '' : ` (matched "${value.accountName}" by name)`),
        );
      const closed = isClosedStage(value.stage);
      if (!closed && openByLead.has(lead.id)) {
        results.push({
          row: row.row,
          outcome: 'REFUSED',
          column: '',
          message: 'the lead already has an open opportunity',
        });
        continue;
      }
      const id = randomUUID();
      const openedAt = value.createdAt ?? context.now;
      const closedAt = value.closeDate ? closedAtOf(value.closeDate, openedAt) : null;
      // A lead imported without its created date was created at its import; a deal of its history opened before
      // that. The lead is then as old as its first deal, so the sales cycle (won − lead created) never goes
      // negative.
      if (openedAt < lead.createdAt) {
        notes.push(
          `${context.headerOf('createdAt')}: the lead's created date moved back from ${isoDay(lead.createdAt)} to ${isoDay(openedAt)}, when this opportunity opened`,
        );
        lead.createdAt = openedAt;
        backdates.set(lead.id, { leadId: lead.id, at: openedAt });
      }
      inserts.push({ ...value, id, leadId: lead.id, ownerId, openedAt, closedAt });
      newKeys.push({ externalId: value.externalId, targetId: id });
      if (closed) {
        transitions.push({
          opportunityId: id,
          from: null,
          to: FIRST_OPPORTUNITY_STAGE,
          amount: value.amount,
          at: openedAt,
        });
        transitions.push({
          opportunityId: id,
          from: FIRST_OPPORTUNITY_STAGE,
          to: value.stage,
          amount: value.amount,
          at: closedAt as Date,
        });
      } else {
        transitions.push({
          opportunityId: id,
          from: null,
          to: value.stage,
          amount: value.amount,
          at: openedAt,
        });
        openByLead.add(lead.id);
      }
      followOpportunity(lead, { stage: value.stage, openedAt, closedAt }, moves);
      results.push({ row: row.row, outcome: 'CREATED', notes });
    }
    await this.backdate(manager, [...backdates.values()], context);
    await this.write(manager, inserts, updates, transitions, moves, context);
    await this.imports.addKeys(manager, 'OPPORTUNITIES', newKeys);
    return results;
  }

  private async storedOpportunities(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, StoredOpportunity>> {
    if (ids.length === 0) return new Map();
    const rows: StoredOpportunity[] = await manager.query(
      `SELECT id, lead_id AS "leadId", name, owner_id AS "ownerId", stage, amount::float8 AS amount, currency,
              close_date::text AS "closeDate", lost_reason AS "lostReason", opened_at AS "openedAt"
         FROM opportunities WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * The leads the rows name, by e-mail, and by domain (the account's earliest lead), and the stored opportunities'
   * leads by id — one object per lead, whichever way rows reach it, so a move one row makes is what the next sees.
   * Those by e-mail and by id are locked for the moves, in one statement so always in the same order.
   */
  private async leadsOf(manager: EntityManager, rows: PreparedOpportunity[], leadIds: string[]) {
    const emails = [...new Set(rows.flatMap((row) => (row.leadEmail ? [row.leadEmail] : [])))];
    // Every row's domain, not only those without an e-mail: an e-mail that names no lead falls back to it, and
    // whether it does must not depend on which other rows the batch holds.
    const domains = [...new Set(rows.flatMap((row) => (row.accountDomain ? [row.accountDomain] : [])))];
    const nameKeys = new Set(
      rows.flatMap((row) =>
        !row.leadEmail && !row.accountDomain && row.accountNameKey ? [row.accountNameKey] : [],
      ),
    );
    const byId = new Map<string, LeadRef>();
    const byEmail = new Map<string, LeadRef>();
    const byDomain = new Map<string, LeadRef>();
    /** The first lead of each company asked for by name, and its name as the leads spell it. */
    const byName = new Map<string, { lead: LeadRef; companyName: string }>();
    if (emails.length > 0 || leadIds.length > 0) {
      const found: (LeadRef & { email: string })[] = await manager.query(
        `SELECT id, email, stage, created_at AS "createdAt" FROM leads WHERE email = ANY($1::text[]) OR id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
        [emails, [...new Set(leadIds)]],
      );
      const named = new Set(emails);
      for (const lead of found) {
        byId.set(lead.id, lead);
        if (named.has(lead.email)) byEmail.set(lead.email, lead);
      }
    }
    if (domains.length > 0) {
      const found: (LeadRef & { domain: string })[] = await manager.query(
        `SELECT DISTINCT ON (company_domain) id, company_domain AS domain, stage, created_at AS "createdAt" FROM leads
          WHERE company_domain = ANY($1::text[]) ORDER BY company_domain, created_at, id`,
        [domains],
      );
      for (const lead of found) {
        const known = byId.get(lead.id) ?? lead;
        byId.set(lead.id, known);
        byDomain.set(lead.domain, known);
      }
    }
    if (nameKeys.size > 0) {
      const spellings = await companyNamesByKey(manager);
      const names = [...nameKeys].flatMap((key) => spellings.get(key) ?? []);
      const found: (LeadRef & { companyName: string })[] = names.length
        ? await manager.query(
            `SELECT id, company_name AS "companyName", stage, created_at AS "createdAt" FROM leads
              WHERE company_name = ANY($1::text[]) ORDER BY created_at, id`,
            [names],
          )
        : [];
      for (const { companyName, ...lead } of found) {
        const key = companyKey(companyName);
        if (byName.has(key)) continue;
        const known = byId.get(lead.id) ?? lead;
        byId.set(lead.id, known);
        byName.set(key, { lead: known, companyName });
      }
    }
    return { byId, byEmail, byDomain, byName };
  }

  /**
   * Moves leads' created dates back to the opening of their earliest imported opportunity. Their "created"
   * transition keeps its time: lead_transitions is append-only history (the application may not update it).
   */
  private async backdate(
    manager: EntityManager,
    backdates: readonly LeadBackdate[],
    context: BatchContext,
  ): Promise<void> {
    if (backdates.length === 0) return;
    await manager.query(
      `UPDATE leads l SET created_at = b.at, updated_at = $3
         FROM unnest($1::uuid[], $2::timestamptz[]) AS b(id, at)
        WHERE l.id = b.id AND l.created_at > b.at`,
      [backdates.map((item) => item.leadId), backdates.map((item) => item.at), context.now],
    );
  }

  private async openOpportunities(manager: EntityManager, leadIds: string[]): Promise<Set<string>> {
    if (leadIds.length === 0) return new Set();
    const rows: { lead_id: string }[] = await manager.query(
      `SELECT lead_id FROM opportunities WHERE lead_id = ANY($1::uuid[]) AND stage NOT IN ('WON', 'LOST')`,
      [leadIds],
    );
    return new Set(rows.map((row) => row.lead_id));
  }

  private async write(
    manager: EntityManager,
    inserts: (PreparedOpportunity & {
      id: string;
      leadId: string;
      ownerId: string;
      openedAt: Date;
      closedAt: Date | null;
    })[],
    updates: (PreparedOpportunity & { id: string; ownerId: string; closedAt: Date | null })[],
    transitions: NewTransition[],
    moves: LeadMove[],
    context: BatchContext,
  ): Promise<void> {
    if (inserts.length > 0)
      await manager.query(
        `INSERT INTO opportunities (workspace_id, id, lead_id, name, owner_id, stage, amount, currency, close_date,
                                    lost_reason, opened_by_id, opened_at, closed_at, updated_at)
         SELECT accord_current_workspace(), i.id, i.lead_id, i.name, i.owner_id, i.stage, i.amount, i.currency,
                i.close_date::date, i.lost_reason, $12, i.opened_at, i.closed_at, $13
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::numeric[], $7::text[],
                       $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[])
                AS i(id, lead_id, name, owner_id, stage, amount, currency, close_date, lost_reason, opened_at, closed_at)`,
        [
          inserts.map((item) => item.id),
          inserts.map((item) => item.leadId),
          inserts.map((item) => item.name),
          inserts.map((item) => item.ownerId),
          inserts.map((item) => item.stage),
          inserts.map((item) => item.amount),
          inserts.map((item) => item.currency),
          inserts.map((item) => item.closeDate),
          inserts.map((item) => item.lostReason),
          inserts.map((item) => item.openedAt),
          inserts.map((item) => item.closedAt),
          context.actorId,
          context.now,
        ],
      );
    if (updates.length > 0)
      await manager.query(
        `UPDATE opportunities o
            SET name = i.name, owner_id = i.owner_id, stage = i.stage, amount = i.amount, currency = i.currency,
                close_date = i.close_date::date, lost_reason = i.lost_reason,
                closed_at = CASE WHEN i.stage IN ('WON', 'LOST') THEN coalesce(o.closed_at, i.closed_at) END,
                revision = o.revision + 1, updated_at = $10
           FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::numeric[], $6::text[], $7::text[],
                       $8::text[], $9::timestamptz[])
                AS i(id, name, owner_id, stage, amount, currency, close_date, lost_reason, closed_at)
          WHERE o.id = i.id`,
        [
          updates.map((item) => item.id),
          updates.map((item) => item.name),
          updates.map((item) => item.ownerId),
          updates.map((item) => item.stage),
          updates.map((item) => item.amount),
          updates.map((item) => item.currency),
          updates.map((item) => item.closeDate),
          updates.map((item) => item.lostReason),
          updates.map((item) => item.closedAt ?? context.now),
          context.now,
        ],
      );
    if (transitions.length > 0)
      await manager.query(
        `INSERT INTO opportunity_transitions (workspace_id, opportunity_id, from_stage, to_stage, amount, actor_id, version_id, at)
         SELECT accord_current_workspace(), t.opportunity_id, t.from_stage, t.to_stage, t.amount, $6,
                ${versionInForceAt('t.at')}, t.at
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::numeric[], $5::timestamptz[])
                AS t(opportunity_id, from_stage, to_stage, amount, at)`,
        [
          transitions.map((item) => item.opportunityId),
          transitions.map((item) => item.from),
          transitions.map((item) => item.to),
          transitions.map((item) => item.amount),
          transitions.map((item) => item.at),
          context.actorId,
        ],
      );
    if (moves.length > 0) {
      await manager.query(
        `INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, actor_id, reason, at)
         SELECT accord_current_workspace(), m.lead_id, m.from_stage, m.to_stage, ${versionInForceAt('m.at')}, $5,
                'imported opportunity', m.at
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) AS m(lead_id, from_stage, to_stage, at)`,
        [
          moves.map((m) => m.leadId),
          moves.map((m) => m.from),
          moves.map((m) => m.to),
          moves.map((m) => m.at),
          context.actorId,
        ],
      );
      // The lead ends in the stage of its last move.
      const last = new Map<string, LeadMove>();
      for (const move of moves) last.set(move.leadId, move);
      await manager.query(
        `UPDATE leads l SET stage = m.stage, stage_changed_at = m.at
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS m(id, stage, at) WHERE l.id = m.id`,
        [[...last.keys()], [...last.values()].map((m) => m.to), [...last.values()].map((m) => m.at)],
      );
    }
  }
}

/** Why a row found no lead to attach to, naming the column that named it. */
function unattached(value: PreparedOpportunity, context: BatchContext): { column: string; message: string } {
  if (value.leadEmail)
    return {
      column: context.headerOf('leadEmail'),
      message: `no lead with the e-mail ${value.leadEmail}: import the leads first`,
    };
  if (value.accountDomain)
    return {
      column: context.headerOf('accountDomain'),
      message: `no lead at ${value.accountDomain}: import the account's leads first`,
    };
  return {
    column: context.headerOf('accountName'),
    message: `no lead of a company named "${value.accountName}": import the account's leads first`,
  };
}

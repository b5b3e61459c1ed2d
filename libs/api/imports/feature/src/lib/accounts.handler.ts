import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ImportsRepository } from '@accord/api/imports/data-access';
import { LeadsRepository } from '@accord/api/leads/data-access';
// Imported leads are scored, and imported activities ingested, by the leads feature's own scorer and ingestion
// (not a copy of them), so an import's result is the product's: a deliberate feature → feature use.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LeadScorer } from '@accord/api/leads/feature';
import { respell, spellingsIn } from '@accord/domain/leads';

import { companyNamesByKey } from './company-names';
import {
  type BatchContext,
  type GoodRow,
  type KindHandler,
  type RowResult,
  firstOfEachKey,
  respeltNote,
} from './handler';

/**
 * Accounts have no table of their own: Accord keeps a company's facts on its leads (company name, domain,
 * industry, employees, revenue, country, technologies), which is what scoring reads. An account row updates
 * the leads at its domain — or, without a domain, the leads whose company name matches it once legal forms,
 * case, accents and punctuation are set aside ("ACME, Inc." = "Acme") — and they are rescored (the leads the
 * rescoring makes MQLs are handed over as a leads import's are: see `handovers`). An account with no lead yet is
 * skipped and reported: import its leads, then the accounts file again.
 */
@Injectable()
export class AccountsImportHandler implements KindHandler<'ACCOUNTS'> {
  constructor(
    private readonly leads: LeadsRepository,
    private readonly scorer: LeadScorer,
    private readonly imports: ImportsRepository,
  ) {}

  async apply(
    manager: EntityManager,
    rows: readonly GoodRow<'ACCOUNTS'>[],
    context: BatchContext,
  ): Promise<RowResult[]> {
    const { kept, skipped } = firstOfEachKey(
      rows,
      (row) => (row.value.domain ? `d:${row.value.domain}` : `n:${row.value.nameKey}`),
      'account',
      context.taken,
    );
    const results: RowResult[] = [...skipped];
    const needNames = kept.some((row) => !row.value.domain);
    const namesByKey = needNames ? await companyNamesByKey(manager) : new Map<string, string[]>();
    const domains = kept.flatMap((row) => (row.value.domain ? [row.value.domain] : []));
    const known: { company_domain: string }[] = domains.length
      ? await manager.query(
          `SELECT DISTINCT company_domain FROM leads WHERE company_domain = ANY($1::text[])`,
          [domains],
        )
      : [];
    const knownDomains = new Set(known.map((row) => row.company_domain));
    const targets: {
      index: number;
      row: GoodRow<'ACCOUNTS'>;
      domain: string | null;
      names: string[];
      notes: string[];
    }[] = [];
    for (const row of kept) {
      const { domain, nameKey, name } = row.value;
      if (domain) {
        if (knownDomains.has(domain))
          targets.push({ index: targets.length, row, domain, names: [], notes: [] });
        else results.push(this.noLead(row));
        continue;
      }
      const names = nameKey ? (namesByKey.get(nameKey) ?? []) : [];
      if (names.length === 0) {
        results.push(this.noLead(row));
        continue;
      }
      const notes = names
        .filter((found) => found !== name)
        .map((found) => `matched the company "${found}" by name`);
      targets.push({ index: targets.length, row, domain: null, names, notes });
    }
    // Only the industries of accounts that reach leads are spelt, as only those are stored.
    const spellings = await context.spellings(
      manager,
      spellingsIn(targets.map(({ row }) => ({ industry: row.value.facts.industry }))),
    );
    for (const target of targets) {
      const { facts } = target.row.value;
      const { fields, respelt } = respell({ industry: facts.industry }, spellings);
      target.row = { ...target.row, value: { ...target.row.value, facts: { ...facts, ...fields } } };
      target.notes.push(...respelt.map((item) => respeltNote(context, item)));
    }
    const facts = (key: string) => targets.map(({ row }) => (row.value.given.includes(key) ? 1 : 0));
    const reached = await this.reachedLeads(manager, targets);
    const { winners, overriddenBy } = firstRowPerLead(reached, targets, context.taken);
    const changed: { id: string; index: number }[] = winners.length
      ? await manager.query(
          `WITH input AS (
             SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::int[], $6::float8[], $7::int[],
                                  $8::text[], $9::int[], $10::jsonb[], $11::int[], $12::text[])
                      AS i(index, industry, set_industry, employee_count, set_employees, annual_revenue, set_revenue,
                           country, set_country, technologies, set_technologies, name)),
           winners AS (SELECT * FROM unnest($13::uuid[], $14::int[]) AS w(id, index)),
           matched AS (
             SELECT l.id, i.*,
                    CASE WHEN i.set_technologies = 1 THEN ARRAY(SELECT jsonb_array_elements_text(i.technologies))
                         ELSE l.technologies END AS next_technologies
               FROM winners w JOIN leads l ON l.id = w.id JOIN input i ON i.index = w.index
              ORDER BY l.id FOR UPDATE OF l),
           -- Selected from, not returned by the UPDATE itself: TypeORM answers an UPDATE with [rows, count].
           updated AS (
           UPDATE leads l
              SET industry = CASE WHEN m.set_industry = 1 THEN m.industry ELSE l.industry END,
                  employee_count = CASE WHEN m.set_employees = 1 THEN m.employee_count ELSE l.employee_count END,
                  annual_revenue = CASE WHEN m.set_revenue = 1 THEN m.annual_revenue ELSE l.annual_revenue END,
                  country = CASE WHEN m.set_country = 1 THEN m.country ELSE l.country END,
                  technologies = m.next_technologies,
                  company_name = coalesce(m.name, l.company_name),
                  updated_at = $15
             FROM matched m
            WHERE l.id = m.id
              AND ((m.set_industry = 1 AND l.industry IS DISTINCT FROM m.industry)
                OR (m.set_employees = 1 AND l.employee_count IS DISTINCT FROM m.employee_count)
                OR (m.set_revenue = 1 AND l.annual_revenue IS DISTINCT FROM m.annual_revenue)
                OR (m.set_country = 1 AND l.country IS DISTINCT FROM m.country)
                OR l.technologies IS DISTINCT FROM m.next_technologies
                OR (m.name IS NOT NULL AND l.company_name IS DISTINCT FROM m.name))
           RETURNING l.id, m.index)
           SELECT id, index FROM updated`,
          [
            targets.map((target) => target.index),
            targets.map(({ row }) => row.value.facts.industry),
            facts('industry'),
            targets.map(({ row }) => row.value.facts.employeeCount),
            facts('employeeCount'),
            targets.map(({ row }) => row.value.facts.annualRevenue),
            facts('annualRevenue'),
            targets.map(({ row }) => row.value.facts.country),
            facts('country'),
            targets.map(({ row }) => JSON.stringify(row.value.facts.technologies ?? [])),
            facts('technologies'),
            // A name-matched account keeps its leads' own spelling; a domain-matched one names them.
            targets.map(({ row, domain }) => (domain ? row.value.name : null)),
            winners.map((winner) => winner.id),
            winners.map((winner) => winner.index),
            context.now,
          ],
        )
      : [];
    const updatedTargets = new Map<number, number>();
    for (const { index } of changed) updatedTargets.set(index, (updatedTargets.get(index) ?? 0) + 1);
    const regraded = new Map<number, string[]>();
    if (changed.length > 0) {
      const ids = changed.map((row) => row.id);
      const locked = await this.leads.lockForScoring(manager, ids);
      const before = await this.leads.gradesInForce(manager, ids);
      await this.scorer.scoreChanged(manager, locked, context.now, context.actorId);
      // A company's facts move its leads' fit: the report says whose grade they changed, as nothing else would.
      const after = await this.leads.gradesInForce(manager, ids);
      for (const { id, index } of changed) {
        const [from, to] = [before.get(id), after.get(id)];
        if (from && to && from !== to)
          regraded.set(index, [...(regraded.get(index) ?? []), `${from} → ${to}`]);
      }
      // As for a leads import: the leads this makes MQLs get no handover unless asked, and never one that has an
      // owner (routing would take the lead from them).
      await this.imports.markImportedMqlsChecked(manager, {
        leadIds: changed.map((row) => row.id),
        at: context.now,
        actorId: context.actorId,
        ownedOnly: context.handovers === 'OPEN',
      });
      // Last, once every lead the batch writes is locked (see LeadSpellingsRepository.record).
      await context.recordSpellings(
        manager,
        changed.map(({ id, index }) => ({ id, industry: targets[index].row.value.facts.industry })),
      );
    }
    for (const target of targets) {
      const count = updatedTargets.get(target.index);
      const by = overriddenBy.get(target.index);
      if (by !== undefined) {
        results.push({
          row: target.row.row,
          outcome: 'SKIPPED',
          column: '',
          message: `row ${by} sets the same leads earlier in the file; its values are used`,
        });
        continue;
      }
      results.push({
        row: target.row.row,
        outcome: count ? 'UPDATED' : 'UNCHANGED',
        column: '',
        message: count
          ? `${count} lead${count === 1 ? '' : 's'} updated${gradeMoves(regraded.get(target.index) ?? [])}`
          : undefined,
        notes: target.notes,
      });
    }
    return results;
  }

  /** The leads each target reaches: by its domain, or by one of the company names its name matched. */
  private reachedLeads(
    manager: EntityManager,
    targets: readonly { index: number; domain: string | null; names: string[] }[],
  ): Promise<{ id: string; index: number }[]> {
    if (targets.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT l.id, i.index
         FROM leads l JOIN unnest($1::int[], $2::text[], $3::jsonb[]) AS i(index, domain, names)
           ON (i.domain IS NOT NULL AND l.company_domain = i.domain)
           OR (i.domain IS NULL AND l.company_name IN (SELECT jsonb_array_elements_text(i.names)))
        ORDER BY i.index, l.id`,
      [
        targets.map((target) => target.index),
        targets.map((target) => target.domain),
        targets.map((target) => JSON.stringify(target.names)),
      ],
    );
  }

  private noLead(row: GoodRow<'ACCOUNTS'>): RowResult {
    return {
      row: row.row,
      outcome: 'SKIPPED',
      column: '',
      message: 'no lead at this account yet: import its leads, then this file again',
    };
  }
}

/**
 * Which row sets each lead: the first of the file's rows that reach it (one by its domain, one by its company's
 * name), as a record named twice imports its first row — whichever batches the rows fall in, so that importing the
 * file again changes nothing (`taken` holds the leads earlier batches set, by row). A target whose every lead an
 * earlier row sets is overridden, by the first of those rows.
 */
export function firstRowPerLead(
  reached: readonly { id: string; index: number }[],
  targets: readonly { index: number; row: { row: number } }[],
  taken: Map<string, number>,
): { winners: { id: string; index: number }[]; overriddenBy: Map<number, number> } {
  const winners: { id: string; index: number }[] = [];
  const lostTo = new Map<number, number[]>();
  const won = new Set<number>();
  for (const { id, index } of reached) {
    const key = `lead:${id}`;
    const first = taken.get(key);
    if (first === undefined) {
      taken.set(key, targets[index].row.row);
      winners.push({ id, index });
      won.add(index);
    } else lostTo.set(index, [...(lostTo.get(index) ?? []), first]);
  }
  const overriddenBy = new Map<number, number>();
  for (const [index, rows] of lostTo) if (!won.has(index)) overriddenBy.set(index, Math.min(...rows));
  return { winners, overriddenBy };
}

/** "; grade B → C", "; grade B → C for 2, C → B": the leads an account's facts regraded, by move. */
function gradeMoves(moves: readonly string[]): string {
  if (moves.length === 0) return '';
  const counts = new Map<string, number>();
  for (const move of moves) counts.set(move, (counts.get(move) ?? 0) + 1);
  const listed = [...counts].map(([move, count]) => (count > 1 ? `${move} for ${count}` : move));
  return `; grade ${listed.join(', ')}`;
}

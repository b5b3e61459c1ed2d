import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ImportsRepository } from '@accord/api/imports/data-access';
import { LeadsRepository } from '@accord/api/leads/data-access';
// Imported leads are scored, and imported activities ingested, by the leads feature's own scorer and ingestion
// (not a copy of them), so an import's result is the product's: a deliberate feature → feature use.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LeadScorer } from '@accord/api/leads/feature';

import { companyNamesByKey } from './company-names';
import { type BatchContext, type GoodRow, type KindHandler, type RowResult, firstOfEachKey } from './handler';

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
    const facts = (key: string) => targets.map(({ row }) => (row.value.given.includes(key) ? 1 : 0));
    // A lead that two rows of the batch reach (one by its domain, one by its company's name) takes the first row's
    // values, as a record named twice does: both applied, PostgreSQL would pick either, and each re-import of the
    // file would flip the lead.
    const answer: { kind: 'updated' | 'overridden'; id: string | null; index: number; by: number | null }[] =
      targets.length
        ? await manager.query(
            `WITH input AS (
               SELECT * FROM unnest($1::int[], $2::text[], $3::jsonb[], $4::text[], $5::int[], $6::int[], $7::int[],
                                    $8::float8[], $9::int[], $10::text[], $11::int[], $12::jsonb[], $13::int[],
                                    $14::text[])
                        AS i(index, domain, names, industry, set_industry, employee_count, set_employees,
                             annual_revenue, set_revenue, country, set_country, technologies, set_technologies, name)),
             reached AS (
               SELECT l.id, i.index
                 FROM leads l JOIN input i
                   ON (i.domain IS NOT NULL AND l.company_domain = i.domain)
                   OR (i.domain IS NULL AND l.company_name IN (SELECT jsonb_array_elements_text(i.names)))),
             winners AS (SELECT DISTINCT ON (id) id, index FROM reached ORDER BY id, index),
             matched AS (
               SELECT l.id, i.*,
                      CASE WHEN i.set_technologies = 1 THEN ARRAY(SELECT jsonb_array_elements_text(i.technologies))
                           ELSE l.technologies END AS next_technologies
                 FROM winners w JOIN leads l ON l.id = w.id JOIN input i ON i.index = w.index
                ORDER BY l.id FOR UPDATE OF l),
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
                    OR (m.name IS NOT NULL AND m.domain IS NOT NULL AND l.company_name IS DISTINCT FROM m.name))
               RETURNING l.id, m.index)
           SELECT 'updated' AS kind, id, index, NULL::int AS by FROM updated
           UNION ALL
           -- The rows whose every lead an earlier row set instead, with the first of those rows.
           SELECT 'overridden', NULL, r.index, min(w.index)
             FROM reached r LEFT JOIN winners w ON w.id = r.id AND w.index <> r.index
            GROUP BY r.index
           HAVING bool_and(w.index IS NOT NULL)`,
            [
              targets.map((target) => target.index),
              targets.map((target) => target.domain),
              targets.map((target) => JSON.stringify(target.names)),
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
              context.now,
            ],
          )
        : [];
    const changed = answer.flatMap(({ kind, id, index }) =>
      kind === 'updated' && id ? [{ id, index }] : [],
    );
    const updatedTargets = new Map<number, number>();
    for (const { index } of changed) updatedTargets.set(index, (updatedTargets.get(index) ?? 0) + 1);
    const overriddenBy = new Map<number, number>();
    for (const line of answer)
      if (line.kind === 'overridden' && line.by !== null) overriddenBy.set(line.index, line.by);
    for (const target of targets) {
      const count = updatedTargets.get(target.index);
      const by = overriddenBy.get(target.index);
      if (by !== undefined) {
        results.push({
          row: target.row.row,
          outcome: 'SKIPPED',
          column: '',
          message: `row ${targets[by].row.row} sets the same leads earlier in the file; its values are used`,
        });
        continue;
      }
      results.push({
        row: target.row.row,
        outcome: count ? 'UPDATED' : 'UNCHANGED',
        column: '',
        message: count ? `${count} lead${count === 1 ? '' : 's'} updated` : undefined,
        notes: target.notes,
      });
    }
    if (changed.length > 0) {
      await this.scorer.scoreChanged(
        manager,
        await this.leads.lockForScoring(
          manager,
          changed.map((row) => row.id),
        ),
        context.now,
        context.actorId,
      );
      // As for a leads import: the leads this makes MQLs get no handover unless asked, and never one that has an
      // owner (routing would take the lead from them).
      await this.imports.markImportedMqlsChecked(manager, {
        leadIds: changed.map((row) => row.id),
        at: context.now,
        actorId: context.actorId,
        ownedOnly: context.handovers === 'OPEN',
      });
    }
    return results;
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

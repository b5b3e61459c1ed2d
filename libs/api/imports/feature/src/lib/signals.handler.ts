import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

// Imported leads are scored, and imported activities ingested, by the leads feature's own scorer and ingestion
// (not a copy of them), so an import's result is the product's: a deliberate feature → feature use.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { SignalIngestionService } from '@accord/api/leads/feature';

import { type BatchContext, type GoodRow, type KindHandler, type RowResult, firstOfEachKey } from './handler';

const NO_LEAD = 'no lead matches this e-mail or domain: import the leads first';

/**
 * Signals and activities go through the product's signal ingestion — matched to their lead by e-mail or
 * company domain, stored once per external id, applied to the lead's score at once — so an imported activity
 * is the same fact as one sent by the API. Ingestion commits on its own; a dry run therefore only reads:
 * which rows match a lead and which ids are already stored.
 */
@Injectable()
export class SignalsImportHandler implements KindHandler<'SIGNALS'> {
  constructor(private readonly ingestion: SignalIngestionService) {}

  /** A dry run's batch: reads which rows match a lead and which ids are stored already, in the dry transaction. */
  async apply(
    manager: EntityManager,
    rows: readonly GoodRow<'SIGNALS'>[],
    context: BatchContext,
  ): Promise<RowResult[]> {
    if (!context.dryRun) return this.commit(rows, context);
    const { kept, skipped } = firstOfEachKey(
      rows,
      (row) => row.value.externalId,
      'activity id',
      context.taken,
    );
    return [...skipped, ...(await this.preview(manager, kept, context))];
  }

  /** A real import's batch, through signal ingestion, which commits on its own. */
  async commit(rows: readonly GoodRow<'SIGNALS'>[], context: BatchContext): Promise<RowResult[]> {
    const { kept, skipped } = firstOfEachKey(
      rows,
      (row) => row.value.externalId,
      'activity id',
      context.taken,
    );
    const report = await this.ingestion.ingest(
      { workspaceId: context.workspaceId },
      kept.map(({ value }) => ({
        externalId: value.externalId,
        type: value.type,
        occurredAt: value.occurredAt.toISOString(),
        lead: value.lead,
        source: value.source ?? 'import',
      })),
      context.now,
      'now',
    );
    const results: RowResult[] = [...skipped];
    for (const item of report.items) {
      const row = kept[item.index].row;
      if (item.status === 'STORED') results.push({ row, outcome: 'CREATED' });
      else if (item.status === 'DUPLICATE') results.push({ row, outcome: 'UNCHANGED' });
      else if (item.status === 'UNMATCHED')
        results.push({
          row,
          outcome: 'REFUSED',
          column: this.leadColumn(kept[item.index], context),
          message: NO_LEAD,
        });
      else
        results.push({
          row,
          outcome: 'REFUSED',
          column: '',
          message: (item.problems ?? []).map((problem) => `${problem.path}: ${problem.message}`).join('; '),
        });
    }
    return results;
  }

  private leadColumn(row: GoodRow<'SIGNALS'>, context: BatchContext): string {
    return context.headerOf(row.value.lead.email ? 'leadEmail' : 'companyDomain');
  }

  private async preview(
    manager: EntityManager,
    rows: GoodRow<'SIGNALS'>[],
    context: BatchContext,
  ): Promise<RowResult[]> {
    const emails = rows.flatMap((row) => (row.value.lead.email ? [row.value.lead.email] : []));
    const domains = rows.flatMap((row) =>
      row.value.lead.companyDomain ? [row.value.lead.companyDomain] : [],
    );
    const matches: { id: string; email: string; company_domain: string | null }[] = await manager.query(
      `SELECT id, email, company_domain FROM leads WHERE email = ANY($1::text[]) OR company_domain = ANY($2::text[])`,
      [emails, domains],
    );
    const byEmail = new Map(matches.map((lead) => [lead.email, lead.id]));
    const byDomain = new Map<string, string>();
    for (const lead of matches)
      if (lead.company_domain && !byDomain.has(lead.company_domain))
        byDomain.set(lead.company_domain, lead.id);
    const ids = rows.map((row) => row.value.externalId);
    const stored: { lead_id: string; external_id: string }[] = await manager.query(
      `SELECT lead_id, external_id FROM signals WHERE external_id = ANY($1::text[])`,
      [ids],
    );
    const known = new Set(stored.map((row) => `${row.lead_id}:${row.external_id}`));
    return rows.map((row) => {
      const { email, companyDomain } = row.value.lead;
      const leadId = email ? byEmail.get(email) : companyDomain ? byDomain.get(companyDomain) : undefined;
      if (!leadId)
        return { row: row.row, outcome: 'REFUSED', column: this.leadColumn(row, context), message: NO_LEAD };
      return {
        row: row.row,
        outcome: known.has(`${leadId}:${row.value.externalId}`) ? 'UNCHANGED' : 'CREATED',
      };
    });
  }
}

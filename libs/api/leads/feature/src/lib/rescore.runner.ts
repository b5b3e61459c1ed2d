import { Injectable, Logger } from '@nestjs/common';
import { parse } from 'csv-parse';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { EntityManager } from 'typeorm';

import { AgreementsRepository } from '@accord/api/agreements/data-access';
import { RescoreRunEntity, ScoringStateRepository } from '@accord/api/leads/data-access';
import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import type { AgreementDocument } from '@accord/domain/agreement';
import type { SignalSummary } from '@accord/domain/leads';

import { LeadScorer, ScoredLead, evaluate } from './lead-scorer';

/** How often (in leads) a run reports its progress. */
const PROGRESS_EVERY = 25_000;

/** A UUID checked to be one, for the few statements (COPY, DDL) that cannot take bind parameters. */
function uuid(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value))
    throw new Error(`not a UUID: ${value}`);
  return value;
}

/** The partition holding one version's evaluations. */
export function partitionName(versionId: string): string {
  return `lead_evaluations_${uuid(versionId).replace(/-/g, '')}`;
}

// Every column as text, so COPY's CSV and a plain query (the embedded path) give the same strings.
const LEAD_COLUMNS = `id::text, email, title, seniority, department, budget_authority::text, company_name, company_domain,
  employee_count::text, annual_revenue::text, industry, country, array_to_json(technologies)::text, signal_summary::text`;

/** A lead row as COPY's CSV or a text-cast query gives it: null or '' is unknown. */
function leadFromRow(row: (string | null)[]): ScoredLead {
  const [
    id,
    email,
    title,
    seniority,
    department,
    budget,
    companyName,
    companyDomain,
    employees,
    revenue,
    industry,
    country,
    technologies,
    summary,
  ] = row;
  const text = (value: string | null) => (value === null || value === '' ? null : value);
  const number = (value: string | null) => (value === null || value === '' ? null : Number(value));
  return {
    id: id as string,
    email: email as string,
    title: text(title),
    seniority: text(seniority),
    department: text(department),
    budgetAuthority: text(budget) === null ? null : budget === 't' || budget === 'true',
    companyName: text(companyName),
    companyDomain: text(companyDomain),
    employeeCount: number(employees),
    annualRevenue: number(revenue),
    industry: text(industry),
    country: text(country),
    technologies: JSON.parse(technologies ?? '[]') as string[],
    signalSummary: JSON.parse(summary ?? '{}') as SignalSummary,
  };
}

/**
 * Rescores every lead of a workspace under a newly effective version without ever showing a mix: it streams the
 * leads out with COPY, scores them in Node with the domain's engine, streams the evaluations into a fresh
 * partition with COPY, indexes and attaches it, catches up with leads changed meanwhile, and only then flips the
 * workspace's scoring pointer — in one transaction with the catch-up. A failed run starts its partition over;
 * until the flip, readers keep seeing the previous version's evaluations.
 */
@Injectable()
export class RescoreRunner {
  private readonly logger = new Logger(RescoreRunner.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly ownerDb: OwnerDb,
    private readonly scoring: ScoringStateRepository,
    private readonly agreements: AgreementsRepository,
    private readonly scorer: LeadScorer,
  ) {}

  async run(run: RescoreRunEntity, now: () => Date): Promise<void> {
    const { workspaceId, versionId } = run;
    const startedAt = run.startedAt ?? now();
    const document = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
      this.scorer.document(manager, versionId),
    );
    const total = await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM leads`,
      );
      await this.scoring.progress(manager, run.id, { total: count, processed: 0 });
      return count;
    });
    const table = partitionName(versionId);
    await this.ownerDb.inWorkspace(workspaceId, async (client) => {
      await client.query(`DROP TABLE IF EXISTS "${table}"`);
      await client.query(`CREATE TABLE "${table}" (LIKE lead_evaluations INCLUDING DEFAULTS)`);
    });

    const evaluatedAt = startedAt;
    await this.copyEvaluations(run, document, table, evaluatedAt, total);

    await this.ownerDb.inWorkspace(workspaceId, async (client) => {
      await client.query(`ALTER TABLE "${table}" ADD PRIMARY KEY (workspace_id, version_id, lead_id)`);
      await client.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_version" CHECK (version_id = '${uuid(versionId)}'::uuid)`,
      );
      await client.query(
        `ALTER TABLE lead_evaluations ATTACH PARTITION "${table}" FOR VALUES IN ('${uuid(versionId)}')`,
      );
    });

    const previous = await this.tenantDb.inWorkspace(workspaceId, (manager) =>
      this.flip(manager, run, startedAt, now()),
    );
    await this.dropOldPartitions(workspaceId, [versionId, ...(previous ? [previous] : [])]);
    this.logger.log(`rescored ${total} leads of workspace ${workspaceId} under version ${versionId}`);
  }

  private async copyEvaluations(
    run: RescoreRunEntity,
    document: AgreementDocument,
    table: string,
    evaluatedAt: Date,
    total: number,
  ): Promise<void> {
    const version = { id: run.versionId, document };
    const prefix = `${run.workspaceId}\t${run.versionId}\t`;
    const at = evaluatedAt.toISOString();
    const line = (row: (string | null)[]) => {
      const lead = leadFromRow(row);
      const evaluation = evaluate(lead, version, evaluatedAt);
      return `${prefix}${lead.id}\t${evaluation.fit.score}\t${evaluation.fit.grade}\t${evaluation.intent.score}\t${evaluation.intent.temperature}\t${evaluation.outcome}\t${at}\n`;
    };
    const report = (processed: number) =>
      this.tenantDb.inWorkspace(run.workspaceId, (manager) =>
        this.scoring.progress(manager, run.id, { processed, total }),
      );
    const copyIn = `COPY "${table}" (workspace_id, version_id, lead_id, fit_score, grade, intent_score, temperature, outcome, evaluated_at) FROM STDIN`;
    // The owner may bypass row-level security (a superuser does), so the workspace is named explicitly.
    const leads = `SELECT ${LEAD_COLUMNS} FROM leads WHERE workspace_id = '${uuid(run.workspaceId)}'`;
    const processed = this.ownerDb.concurrent
      ? await this.streamed(run.workspaceId, leads, copyIn, line, report)
      : await this.chunked(run.workspaceId, leads, table, line, report);
    await report(processed);
  }

  /** Reading and writing at once on two connections: PostgreSQL and Node each keep a core busy. */
  private async streamed(
    workspaceId: string,
    leads: string,
    copyIn: string,
    line: (row: (string | null)[]) => string,
    report: (processed: number) => Promise<void>,
  ): Promise<number> {
    let processed = 0;
    await this.ownerDb.inWorkspace(workspaceId, async (reader) => {
      const writer = await this.ownerDb.client();
      try {
        const source = reader.query(copyTo(`COPY (${leads}) TO STDOUT WITH (FORMAT csv)`));
        const score = new Transform({
          writableObjectMode: true,
          transform: (row: string[], _encoding, done) => {
            processed += 1;
            if (processed % PROGRESS_EVERY === 0) void report(processed).catch(() => undefined);
            done(null, line(row));
          },
        });
        await pipeline(source, parse({ relax_column_count: false }), score, writer.query(copyFrom(copyIn)));
      } finally {
        writer.release();
      }
    });
    return processed;
  }

  /**
   * One connection, one step at a time, inserting with unnest: the embedded PostgreSQL serves a single backend
   * and its wire server does not speak COPY FROM STDIN.
   */
  private async chunked(
    workspaceId: string,
    leads: string,
    table: string,
    line: (row: (string | null)[]) => string,
    report: (processed: number) => Promise<void>,
  ): Promise<number> {
    let processed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.ownerDb.inWorkspace(workspaceId, async (client) => {
        const result = await client.query<(string | null)[]>({
          text: `${leads} AND id > $1 ORDER BY id LIMIT ${PROGRESS_EVERY}`,
          values: [after],
          rowMode: 'array',
        });
        return result.rows;
      });
      if (rows.length === 0) return processed;
      const columns = rows.map((row) => line(row).slice(0, -1).split('\t'));
      const column = (index: number) => columns.map((values) => values[index]);
      await this.ownerDb.inWorkspace(workspaceId, (client) =>
        client.query(
          `INSERT INTO "${table}" (workspace_id, version_id, lead_id, fit_score, grade, intent_score, temperature, outcome, evaluated_at)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::float8[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::timestamptz[])`,
          [0, 1, 2, 3, 4, 5, 6, 7, 8].map(column),
        ),
      );
      after = String(rows[rows.length - 1][0]);
      processed += rows.length;
      await report(processed);
    }
  }

  /**
   * Exclusive against the shared lock every incremental scorer holds: once taken, no writer is mid-way through
   * scoring under the old version. Leads changed since the run started are scored again under the new one,
   * stages move where the new version says, and the pointer flips — all or nothing.
   */
  private async flip(
    manager: EntityManager,
    run: RescoreRunEntity,
    startedAt: Date,
    now: Date,
  ): Promise<string | null> {
    await this.scoring.lockForFlip(manager, run.workspaceId);
    const previous = await this.scoring.pointer(manager, null);
    const changed: { id: string }[] = await manager.query(`SELECT id FROM leads WHERE updated_at >= $1`, [
      startedAt,
    ]);
    if (changed.length) {
      await this.scorer.scoreUnder(
        manager,
        run.versionId,
        changed.map((row) => row.id),
        startedAt,
      );
    }
    await this.scoring.setPointer(manager, run.workspaceId, run.versionId, now);
    await this.scoring.moveStagesAfterRescore(manager, run.versionId, now);
    await this.scoring.progress(manager, run.id, { status: 'DONE', finishedAt: now });
    return previous;
  }

  private async dropOldPartitions(workspaceId: string, keep: string[]): Promise<void> {
    const versions = await this.tenantDb.inWorkspace(workspaceId, (manager) => this.agreements.list(manager));
    const stale = versions
      .filter((version) => !keep.includes(version.id))
      .map((version) => partitionName(version.id));
    if (stale.length === 0) return;
    await this.ownerDb.inWorkspace(workspaceId, async (client) => {
      for (const table of stale) await client.query(`DROP TABLE IF EXISTS "${table}"`);
    });
  }
}

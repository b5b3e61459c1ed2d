import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { type LeadHistory, WorkspaceGenerator } from '@accord/domain/demo-data';
import { SPELLED_FIELDS, type Spelling, respell, spellingsBook, spellingsIn } from '@accord/domain/leads';

import { type RowContext, TABLES, type TableRows, type Value, copyLine, jsonRow } from './tables';
import { type LoadedPlan, type PlanOptions, loadPlan } from './workspace-plan';

export interface SeedOptions extends PlanOptions {
  /**
   * Write with COPY … FROM STDIN (a PostgreSQL server, connected as a superuser or a role that bypasses
   * row-level security), or with INSERT … json_populate_recordset (the embedded PGlite, whose wire server
   * does not speak COPY FROM STDIN).
   */
  copy: boolean;
  /** Leads generated and written per round (default 2,000): what bounds the memory. */
  batch?: number;
  onProgress?: (written: number, total: number) => void;
}

export interface SeedResult {
  counts: Record<string, number>;
  backdated: LoadedPlan['backdated'];
  seconds: number;
}

/** A UUID checked to be one, for the DDL that cannot take bind parameters. */
function uuid(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value))
    throw new Error(`not a UUID: ${value}`);
  return value;
}

/** The partition of lead_evaluations holding one version's evaluations (as the rescore names it). */
function partitionName(versionId: string): string {
  return `lead_evaluations_${uuid(versionId).replace(/-/g, '')}`;
}

/**
 * Seeds a workspace with a generated history (see WorkspaceGenerator): leads, signals, stage transitions,
 * evaluations under the version in force, handovers and their events, qualification answers, meetings,
 * opportunities and their transitions. Runs on `client` inside the caller's transaction, so a failed seed
 * leaves nothing; generates and writes `batch` leads at a time, so memory stays bounded at any size.
 */
export async function seedWorkspace(client: ClientBase, options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  await client.query(`SELECT set_config('app.workspace_id', $1, true)`, [options.workspaceId]);
  const loaded = await loadPlan(client, options);
  const { plan } = loaded;
  const inForce = plan.versions[plan.versions.length - 1].id;
  if (loaded.pointer === null) await ensurePartition(client, inForce);

  const generator = new WorkspaceGenerator(plan);
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((table) => [table.table, 0]));
  const size = options.batch ?? 2_000;
  let batch: LeadHistory[] = [];
  let written = 0;
  let analysedAt = 0;
  const flush = async () => {
    await writeBatch(client, plan.workspaceId, batch, options.copy, counts);
    written += batch.length;
    batch = [];
    // Statistics as the tables grow (each time they double): the foreign-key checks of later rows are planned
    // from them, and planned for empty tables they scan the leads once per row.
    if (written >= 2 * analysedAt) {
      await analyse(client);
      analysedAt = written;
    }
    options.onProgress?.(written, plan.leads);
  };
  // A workspace seeded again (--append) keeps its spellings: the generated leads are written in them.
  const { rows: known } = await client.query<Spelling>(
    `SELECT field, key, spelling FROM lead_spellings WHERE workspace_id = $1`,
    [plan.workspaceId],
  );
  const spellings = spellingsBook(known);
  for (const history of generator.leads()) {
    const { industry, source, campaign } = history.lead;
    Object.assign(history.lead, respell({ industry, source, campaign }, spellings).fields);
    batch.push(history);
    if (batch.length === size) await flush();
  }
  if (batch.length > 0) await flush();

  await recordSpellings(client, plan.workspaceId);
  await client.query(
    `INSERT INTO handover_routing (workspace_id, cursors, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id) DO UPDATE SET cursors = EXCLUDED.cursors, updated_at = EXCLUDED.updated_at`,
    [plan.workspaceId, generator.routingCursors(), plan.now],
  );
  if (loaded.pointer === null)
    await client.query(
      `INSERT INTO workspace_scoring (workspace_id, version_id, updated_at) VALUES ($1, $2, $3)`,
      [plan.workspaceId, inForce, plan.now],
    );
  // The history is back-dated, which the dashboard rollup's passes do not look for: forgetting the workspace's
  // rollup makes the next pass count it from scratch (the dashboard reads the raw tables until then).
  await client.query(`DELETE FROM dashboard_rollup_state WHERE workspace_id = $1`, [plan.workspaceId]);
  // Statistics now: unanalysed, the planner takes the new rows for a few and picks poor plans.
  await analyse(client);
  return { counts, backdated: loaded.backdated, seconds: (Date.now() - started) / 1000 };
}

/**
 * Records the spellings of the industries, sources and campaigns the leads were written with, so that a lead created
 * later with one in another case is stored as the demo spells it (see LeadSpellingsRepository). The generator spells
 * each value one way, and the leads were respelt by the workspace's spellings, so each value has one spelling here.
 */
async function recordSpellings(client: ClientBase, workspaceId: string): Promise<void> {
  const { rows } = await client.query<{ field: string; value: string }>(
    SPELLED_FIELDS.map(
      (field) => `SELECT DISTINCT '${field}' AS field, ${field} AS value FROM leads
                   WHERE workspace_id = $1 AND ${field} IS NOT NULL`,
    ).join(' UNION ALL '),
    [workspaceId],
  );
  const spellings = spellingsIn(rows.map(({ field, value }) => ({ [field]: value })));
  await client.query(
    `INSERT INTO lead_spellings (workspace_id, field, key, spelling)
     SELECT $1, s.field, s.key, s.spelling FROM unnest($2::text[], $3::text[], $4::text[]) AS s(field, key, spelling)
     ON CONFLICT DO NOTHING`,
    [
      workspaceId,
      spellings.map((item) => item.field),
      spellings.map((item) => item.key),
      spellings.map((item) => item.spelling),
    ],
  );
}

async function analyse(client: ClientBase): Promise<void> {
  for (const table of TABLES) await client.query(`ANALYZE ${table.table}`);
}

/** The version's evaluations partition, created and attached as a rescore would, when it does not exist yet. */
async function ensurePartition(client: ClientBase, versionId: string): Promise<void> {
  const table = partitionName(versionId);
  const found = await client.query<{ name: string | null }>(`SELECT to_regclass($1) AS name`, [table]);
  if (found.rows[0].name !== null) return;
  await client.query(`CREATE TABLE "${table}" (LIKE lead_evaluations INCLUDING DEFAULTS)`);
  await client.query(`ALTER TABLE "${table}" ADD PRIMARY KEY (workspace_id, version_id, lead_id)`);
  await client.query(
    `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_version" CHECK (version_id = '${uuid(versionId)}'::uuid)`,
  );
  await client.query(
    `ALTER TABLE lead_evaluations ATTACH PARTITION "${table}" FOR VALUES IN ('${uuid(versionId)}')`,
  );
}

async function writeBatch(
  client: ClientBase,
  workspaceId: string,
  histories: readonly LeadHistory[],
  copy: boolean,
  counts: Record<string, number>,
): Promise<void> {
  const needed = histories.reduce((sum, history) => sum + history.transitions.length, 0);
  // Handovers name their move into MQL by id, so the ids are taken from the table's own sequence first.
  const ids = (
    await client.query<{ id: string }>(
      `SELECT id::text AS id
         FROM (SELECT nextval(pg_get_serial_sequence('lead_transitions', 'id')) AS id FROM generate_series(1, $1)) ids
        ORDER BY ids.id`,
      [needed],
    )
  ).rows.map((row) => row.id);
  let next = 0;
  const contexts: RowContext[] = histories.map((history) => {
    const transitionIds = ids.slice(next, next + history.transitions.length);
    next += history.transitions.length;
    return { workspaceId, transitionIds };
  });
  for (const table of TABLES) {
    const rows = histories.flatMap((history, index) => table.rows(history, contexts[index]));
    if (rows.length === 0) continue;
    await (copy ? copyRows(client, table, rows) : insertRows(client, table, rows));
    counts[table.table] += rows.length;
  }
}

async function copyRows(client: ClientBase, table: TableRows, rows: readonly Value[][]): Promise<void> {
  const target = `${table.table} (${table.columns.join(', ')})`;
  // COPY writes identity columns as given (as INSERT … OVERRIDING SYSTEM VALUE would).
  await pipeline(
    Readable.from([rows.map(copyLine).join('')]),
    client.query(copyFrom(`COPY ${target} FROM STDIN`)),
  );
}

/** Rows per INSERT on the embedded database: one JSON parameter each. */
const INSERT_ROWS = 5_000;

async function insertRows(client: ClientBase, table: TableRows, rows: readonly Value[][]): Promise<void> {
  const columns = table.columns.join(', ');
  const overriding = table.identity ? ' OVERRIDING SYSTEM VALUE' : '';
  for (let offset = 0; offset < rows.length; offset += INSERT_ROWS) {
    const json = rows.slice(offset, offset + INSERT_ROWS).map((row) => jsonRow(table.columns, row));
    await client.query(
      `INSERT INTO ${table.table} (${columns})${overriding}
       SELECT ${columns} FROM json_populate_recordset(NULL::${table.table}, $1::json)`,
      [JSON.stringify(json)],
    );
  }
}

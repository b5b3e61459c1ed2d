import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

import { copyLines } from './copy';
import { LEADS_COPY_TARGET, generateLeads } from './leads-data';

/** Setting up a running product's demo workspace for a load: leads by COPY, a rescore by its own worker. */

export interface LeadRef {
  id: string;
  email: string;
}

/** Fisher–Yates: the load reaches leads in random order, as signals from many visitors would. */
export function shuffled<T>(values: T[], random: () => number): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  check: () => Promise<T | null>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Loads `count` generated leads into the workspace with COPY (indexes kept: the product is live). */
export async function loadLeads(pool: Pool, workspaceId: string, count: number): Promise<LeadRef[]> {
  const sales = await pool.query<{ id: string }>(
    `SELECT id FROM members WHERE workspace_id = $1 AND 'SALES' = ANY (roles)`,
    [workspaceId],
  );
  const refs: LeadRef[] = [];
  function* lines(): Generator<string> {
    const leads = generateLeads({
      workspaceId,
      leads: count,
      signals: count * 10,
      ownerIds: sales.rows.map((row) => row.id),
      now: new Date(),
    });
    for (const lead of leads) {
      refs.push({ id: lead.id, email: lead.email });
      yield lead.line;
    }
  }
  const client = await pool.connect();
  try {
    await copyLines(client, LEADS_COPY_TARGET, lines());
  } finally {
    client.release();
  }
  return refs;
}

/** Queues a rescore under the version in force and waits for the product's worker to finish it. */
export async function rescore(pool: Pool, workspaceId: string, versionId: string): Promise<number> {
  const id = randomUUID();
  await pool.query(
    `INSERT INTO rescore_runs (workspace_id, id, version_id, status, run_after) VALUES ($1, $2, $3, 'QUEUED', now())`,
    [workspaceId, id, versionId],
  );
  const run = await waitFor('the rescore', 600_000, async () => {
    const result = await pool.query<{ status: string; error: string | null; seconds: number }>(
      `SELECT status, error, extract(epoch FROM finished_at - started_at)::float8 AS seconds
         FROM rescore_runs WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    const row = result.rows[0];
    return row.status === 'DONE' || row.status === 'FAILED' ? row : null;
  });
  if (run.status !== 'DONE') throw new Error(`the setup rescore failed: ${run.error}`);
  return run.seconds;
}

/** Waits until the demo agreement is in force and no rescore is queued or running; returns its version. */
export function waitForScoringVersion(pool: Pool, workspaceId: string): Promise<string> {
  return waitFor('the demo rescore', 60_000, async () => {
    const result = await pool.query<{ version_id: string }>(
      `SELECT version_id FROM workspace_scoring WHERE workspace_id = $1
          AND NOT EXISTS (SELECT 1 FROM rescore_runs WHERE workspace_id = $1 AND status IN ('QUEUED', 'RUNNING'))`,
      [workspaceId],
    );
    return result.rows[0]?.version_id ?? null;
  });
}

import { Pool } from 'pg';

import { graphql, signIn } from '../lib/graphql';
import { runHttp } from '../lib/load';
import { startProduct } from '../lib/product';
import { loadLeads, waitForScoringVersion } from '../lib/product-workspace';
import { compare } from '../lib/report';
import type { BenchContext, Scenario } from '../lib/scenario';

const CONNECTIONS = 32;
const HANDOVERS = 50_000;
const EXTRA_REPS = 4;
const P99_TARGET_MS = 25;
const THROUGHPUT_TARGET = 0.5;
const SALES = { email: 'sales@demo.accord.dev', password: 'accord-demo' };

const NOOP = '{ __typename }';
/**
 * The web queue's first page: everything a row shows, explanation and recent signals included, and the rejection
 * reasons once per version rather than once per row. (The queue's counts are a separate statement, read only when
 * selected; the web app reads them beside the page.)
 */
const QUEUE = `{ handoverQueue(first: 50) {
  pageInfo { endCursor hasNextPage }
  versions { id number rejectionReasons { key label consequence recycleAfterDays } }
  edges { cursor node {
    id status grade temperature outcome fitScore intentScore explanation versionNumber handedOverAt dueAt
    owner { id name }
    versionId
    lead { id name email title companyName country source campaign stage recentSignals { type count lastAt } }
  } }
} }`;

/** BENCH_QUEUE_LEADS sets how many leads the workspace holds (default 1,000,000). */
function leadCount(): number {
  const value = Number(process.env.BENCH_QUEUE_LEADS || 1_000_000);
  if (!Number.isInteger(value) || value < HANDOVERS)
    throw new Error(`BENCH_QUEUE_LEADS must be a whole number of at least ${HANDOVERS}`);
  return value;
}

/**
 * Opens HANDOVERS handovers on as many of the workspace's leads, spread over the demo sales member and
 * EXTRA_REPS more, due over the next three days (none expires during the run), as the opener would have.
 */
async function openHandovers(pool: Pool, workspaceId: string, versionId: string): Promise<void> {
  await pool.query(
    `INSERT INTO members (workspace_id, id, email, name, roles, approver, status)
     SELECT $1, gen_random_uuid(), 'rep' || n || '@bench.example', 'Rep ' || n, ARRAY['SALES'], false, 'ACTIVE'
       FROM generate_series(1, $2) AS n`,
    [workspaceId, EXTRA_REPS],
  );
  await pool.query(
    `WITH reps AS (
       SELECT id, row_number() OVER (ORDER BY approver DESC, id) - 1 AS slot, count(*) OVER () AS size
         FROM members WHERE workspace_id = $1 AND 'SALES' = ANY (roles)),
     picked AS (
       SELECT id, row_number() OVER () AS n FROM leads WHERE workspace_id = $1 AND stage = 'LEAD' LIMIT $3),
     opened AS (
       INSERT INTO handovers (workspace_id, id, lead_id, transition_id, version_id, owner_id, status, grade, temperature,
              temperature_rank, outcome, fit_score, intent_score, explanation, handed_over_at, due_at)
       SELECT $1, gen_random_uuid(), p.id, -p.n, $2, r.id, 'OPEN', (ARRAY['A', 'B'])[1 + p.n % 2],
              (ARRAY['COLD', 'WARM', 'HOT'])[1 + p.n % 3], p.n % 3, 'MQL', 50 + (p.n % 50), 40 + (p.n % 60),
              '+20 Employees 200–1000 · +15 Pricing page ×' || (1 + p.n % 5) || ', decayed · +10 Decision maker',
              now() - interval '1 hour', now() + (1 + p.n % 72) * interval '1 hour'
         FROM picked p JOIN reps r ON r.slot = p.n % r.size
       RETURNING lead_id)
     UPDATE leads SET stage = 'MQL' FROM opened WHERE leads.workspace_id = $1 AND leads.id = opened.lead_id`,
    [workspaceId, versionId, HANDOVERS],
  );
  await pool.query('ANALYZE handovers');
}

async function run({ options, defer, log }: BenchContext) {
  const leads = leadCount();
  log('starting the product on a fresh database');
  const product = await startProduct({ DATABASE_POOL_SIZE: String(options.poolSize) });
  defer(() => product.stop());
  if (!product.databaseUrl)
    throw new Error('the product runs on embedded PGlite; set DATABASE_URL to a PostgreSQL server');

  const session = await signIn(product.baseUrl, SALES);
  const pool = new Pool({ connectionString: product.databaseUrl, max: options.poolSize });
  defer(() => pool.end());
  const versionId = await waitForScoringVersion(pool, session.workspaceId);
  log(`loading ${leads.toLocaleString('en')} leads by COPY`);
  await loadLeads(pool, session.workspaceId, leads);
  log(`opening ${HANDOVERS.toLocaleString('en')} handovers over ${EXTRA_REPS + 1} sales members`);
  await openHandovers(pool, session.workspaceId, versionId);
  await pool.query('ANALYZE leads');

  const first = await graphql<{ handoverQueue: { edges: { node: { id: string } }[] } }>(
    product.baseUrl,
    QUEUE,
    session.token,
  );
  const expected = await pool.query<{ id: string }>(
    `SELECT id FROM handovers WHERE workspace_id = $1 AND owner_id = $2 AND decided_at IS NULL
      ORDER BY due_at, temperature_rank DESC, fit_score DESC, id LIMIT 50`,
    [session.workspaceId, session.memberId],
  );
  const got = first.data.handoverQueue.edges.map((edge) => edge.node.id);
  if (got.length !== 50 || JSON.stringify(got) !== JSON.stringify(expected.rows.map((row) => row.id)))
    throw new Error('the queue does not return the first 50 handovers a direct query orders first');

  const headers = { 'content-type': 'application/json', authorization: `Bearer ${session.token}` };
  const noop = await graphql(product.baseUrl, NOOP, session.token);
  const load = (query: string, expectBody: string) => ({
    url: `${product.baseUrl}/graphql`,
    connections: CONNECTIONS,
    headers,
    body: JSON.stringify({ query }),
    expectBody,
  });

  log(`warming up for ${options.warmupSeconds} s each`);
  await runHttp('warm-up', { ...load(QUEUE, first.text), durationSeconds: options.warmupSeconds });
  await runHttp('warm-up', { ...load(NOOP, noop.text), durationSeconds: options.warmupSeconds });

  log(`measuring the queue's first page for ${options.durationSeconds} s at ${CONNECTIONS} connections`);
  const subject = await runHttp('handover queue', {
    ...load(QUEUE, first.text),
    durationSeconds: options.durationSeconds,
  });
  log(`measuring the authenticated no-op for ${options.durationSeconds} s at ${CONNECTIONS} connections`);
  const baseline = await runHttp('no-op { __typename }', {
    ...load(NOOP, noop.text),
    durationSeconds: options.durationSeconds,
  });
  for (const measured of [subject, baseline]) {
    const { non2xx, errors, timeouts, mismatches } = measured.failures;
    if (non2xx + errors + timeouts + mismatches > 0)
      throw new Error(
        `${measured.label} load had failures: non-2xx ${non2xx}, errors ${errors}, timeouts ${timeouts}, body mismatches ${mismatches}`,
      );
  }

  const comparison = compare(
    subject,
    baseline,
    `authenticated { __typename } on the same server, ${CONNECTIONS} connections`,
  );
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  return {
    scenario: 'handover-queue',
    subject,
    comparisons: [comparison],
    notes: { leads, handovers: HANDOVERS, salesMembers: EXTRA_REPS + 1, connections: CONNECTIONS },
    summary: [
      `p99 ${subject.latencyMs.p99} ms (target ≤ ${P99_TARGET_MS} ms): ${verdict(subject.latencyMs.p99 <= P99_TARGET_MS)}`,
      `throughput ${comparison.ratio.toFixed(2)} × the no-op (target ≥ ${THROUGHPUT_TARGET}): ${verdict(comparison.ratio >= THROUGHPUT_TARGET)}`,
    ],
  };
}

export const scenario: Scenario = {
  name: 'handover-queue',
  description: "a sales rep's first queue page (50 handovers with explanations) vs an authenticated no-op",
  run,
};

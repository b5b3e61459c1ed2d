import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';

import { type Session, graphql, signIn } from '../lib/graphql';
import { runHttp } from '../lib/load';
import { startProduct } from '../lib/product';
import { waitForScoringVersion } from '../lib/product-workspace';
import { type Measurement, compare, summarise } from '../lib/report';
import type { BenchContext, Scenario } from '../lib/scenario';

/**
 * A long mixed load, as on a busy day: dashboard reads, queue reads, decisions and signal ingestion from several
 * workspaces at once, one of them noisy. It checks that the product keeps working and stays flat: error rate,
 * each operation's p99, resident memory, database connections, no session left idle in a transaction, and the
 * quiet workspaces' ingestion unharmed by the noisy one.
 *
 * The load is open, as many independent users make it: each stream of operations arrives at its own rate
 * (Poisson arrivals), whether or not earlier calls have answered, and each latency counts from the moment the
 * call was due. A closed load (N clients each waiting for its answer) slows its arrivals down when the product
 * slows, and so hides the very delays a soak looks for. BENCH_SOAK_SCALE multiplies every rate, to find the
 * highest load at which every target holds.
 */

const PASSWORD = 'accord-demo';
const EXECUTIVE = { email: 'exec@demo.accord.dev', password: PASSWORD };
const SALES = { email: 'sales@demo.accord.dev', password: PASSWORD };
const ADMIN = { email: 'admin@demo.accord.dev', password: PASSWORD };
const QUIET_WORKSPACES = 2;
const NOISY_BATCH = 100;
const SAMPLE_EVERY_MS = 5_000;
/**
 * Operations a second of each stream at BENCH_SOAK_SCALE 1. The noisy workspace sends ten batches of 100 events a
 * second — 600 requests a minute, all that one API key may make under the product's default rate limit — against
 * the quiet workspaces' single events: a hundred times their volume.
 */
const RATES = {
  dashboard: 2,
  queue: 40,
  decision: 2,
  quietSignal: 10,
  noisyBatch: 10,
} as const;
const MAX_ERROR_RATE = 0.001;
const MAX_DRIFT = 0.1;
/**
 * Each operation's p99 target under this mixed load, in ms: the queue's and single-signal ingestion's are their
 * own scenarios' targets (handover-queue, signal-ingest); the others have none of their own yet.
 */
const P99_TARGETS: Record<string, number> = {
  dashboard: 500,
  queue: 25,
  decision: 200,
  'ingest (quiet)': 50,
  'ingest (noisy, 100 events)': 1_000,
};

const DASHBOARD = `query Dashboard($filter: DashboardFilter!) { dashboard(filter: $filter) {
  outcomes { key value target trend { bucketStart value } } funnel { stage count } } }`;
const QUEUE = `{ handoverQueue(first: 20) { edges { node { id status grade dueAt lead { id name companyName } } } } }`;
const ACCEPT = `mutation Accept($id: ID!) { acceptHandover(id: $id) { id status } }`;
const CREATE_KEY = 'mutation { createApiKey(name: "soak") { secret } }';

/** BENCH_SOAK_SECONDS sets how long the mixed load runs (default 600: ten minutes). */
function soakSeconds(): number {
  const value = Number(process.env.BENCH_SOAK_SECONDS || 600);
  if (!Number.isFinite(value) || value < 30) throw new Error('BENCH_SOAK_SECONDS must be at least 30');
  return value;
}

/** BENCH_SOAK_SCALE multiplies every stream's rate (default 1). */
function soakScale(): number {
  const value = Number(process.env.BENCH_SOAK_SCALE || 1);
  if (!Number.isFinite(value) || value <= 0) throw new Error('BENCH_SOAK_SCALE must be a positive number');
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `call` at `perSecond` on average with Poisson arrivals until `running()` turns false, each call given
 * the time it was due; waits for the calls still in flight before returning.
 */
async function arrivals(
  perSecond: number,
  running: () => boolean,
  call: (dueAt: number) => Promise<void>,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const gap = () => (-Math.log(1 - Math.random()) * 1000) / perSecond;
  let due = performance.now() + gap();
  while (running()) {
    const wait = due - performance.now();
    if (wait > 0) {
      // In short steps, so that the end of the run is not missed while a slow stream waits for its next call.
      await sleep(Math.min(wait, 100));
      continue;
    }
    const pending: Promise<void> = call(due).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
    due += gap();
  }
  await Promise.all(inFlight);
}

interface Tally {
  latencies: number[];
  failures: number;
  firstFailure?: string;
}

interface Sample {
  at: number;
  rssBytes: number;
  connections: number;
  idleInTransactionOver1s: number;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<[number, string]> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return [response.status, await response.text()];
}

/** One GraphQL call that counts as a failure unless it answers 200 without errors. */
async function gqlCall(
  baseUrl: string,
  token: string,
  query: string,
  variables?: object,
): Promise<string | null> {
  const [status, text] = await post(`${baseUrl}/graphql`, JSON.stringify({ query, variables }), {
    authorization: `Bearer ${token}`,
  });
  return status === 200 && !text.includes('"errors"') ? text : null;
}

function signalBody(email: string, count: number): string {
  const events = Array.from({ length: count }, () => ({
    externalId: `soak-${randomBytes(8).toString('hex')}`,
    type: 'PRICING_PAGE_VISIT',
    occurredAt: new Date().toISOString(),
    lead: { email },
    source: 'soak',
  }));
  return JSON.stringify(count === 1 ? events[0] : events);
}

/**
 * Hands the demo sales rep up to `count` of the workspace's leads not yet accepted by sales (as the opener would
 * have), so that decisions have something to decide for the whole run; answers the handovers' ids.
 */
async function openHandovers(pool: Pool, rep: Session, versionId: string, count: number): Promise<string[]> {
  const result = await pool.query<{ id: string }>(
    `WITH picked AS (
       SELECT l.id, row_number() OVER (ORDER BY l.id) AS n FROM leads l
        WHERE l.workspace_id = $1 AND l.stage IN ('LEAD', 'NURTURE', 'MQL')
          AND NOT EXISTS (SELECT 1 FROM handovers h WHERE h.workspace_id = $1 AND h.lead_id = l.id AND h.decided_at IS NULL)
        LIMIT $4),
     opened AS (
       INSERT INTO handovers (workspace_id, id, lead_id, transition_id, version_id, owner_id, status, grade, temperature,
              temperature_rank, outcome, fit_score, intent_score, explanation, handed_over_at, due_at)
       SELECT $1, gen_random_uuid(), p.id, -(1000000 + p.n), $2, $3, 'OPEN', 'A', 'WARM', 1, 'MQL', 70, 60,
              '+20 Employees 200–1000 · +15 Pricing page ×3', now() - interval '1 hour', now() + interval '3 days'
         FROM picked p
       RETURNING id, lead_id),
     moved AS (
       UPDATE leads SET stage = 'MQL' FROM opened WHERE leads.workspace_id = $1 AND leads.id = opened.lead_id)
     SELECT id FROM opened`,
    [rep.workspaceId, versionId, rep.memberId, count],
  );
  return result.rows.map((row) => row.id);
}

async function residentBytes(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith('accord_process_resident_memory_bytes'));
  return Number(line?.split(' ')[1] ?? 0);
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

/** Change from the first tenth of the samples to the last tenth, as a share of the first (a leak grows it). */
function drift(values: number[]): number {
  const tenth = Math.max(1, Math.floor(values.length / 10));
  const first = mean(values.slice(0, tenth));
  return first > 0 ? (mean(values.slice(-tenth)) - first) / first : 0;
}

async function run({ options, defer, log }: BenchContext) {
  const seconds = soakSeconds();
  const scale = soakScale();
  const rate = (stream: keyof typeof RATES) => RATES[stream] * scale;
  log('starting the product on a fresh database (the demo workspace is seeded)');
  const product = await startProduct({ DATABASE_POOL_SIZE: String(options.poolSize) });
  defer(() => product.stop());
  if (!product.databaseUrl)
    throw new Error('the product runs on embedded PGlite; set DATABASE_URL to a PostgreSQL server');
  const pool = new Pool({ connectionString: product.databaseUrl, max: 2 });
  defer(() => pool.end());

  const [executive, sales, admin] = [
    await signIn(product.baseUrl, EXECUTIVE),
    await signIn(product.baseUrl, SALES),
    await signIn(product.baseUrl, ADMIN),
  ];
  const versionId = await waitForScoringVersion(pool, admin.workspaceId);
  const toDecide = await openHandovers(
    pool,
    sales,
    versionId,
    Math.ceil(rate('decision') * (seconds + options.warmupSeconds) * 1.2) + 20,
  );
  log(`opened ${toDecide.length} handovers in the sales rep's queue, for the decisions`);
  const keyOf = async (session: Session) =>
    (await graphql<{ createApiKey: { secret: string } }>(product.baseUrl, CREATE_KEY, session.token)).data
      .createApiKey.secret;
  const quietKeys = [await keyOf(admin)];
  const signUp = async (name: string): Promise<Session> => {
    const { data } = await graphql<{
      signUp: { accessToken: string; member: { id: string }; workspace: { id: string } };
    }>(
      product.baseUrl,
      `mutation { signUp(input: { workspaceName: "${name}", name: "Owner", email: "owner@${name}.example", password: "a long enough password" }) { accessToken member { id } workspace { id } } }`,
    );
    return {
      token: data.signUp.accessToken,
      memberId: data.signUp.member.id,
      workspaceId: data.signUp.workspace.id,
    };
  };
  for (let i = 1; i < QUIET_WORKSPACES; i += 1) quietKeys.push(await keyOf(await signUp(`quiet${i}`)));
  const noisyKey = await keyOf(await signUp('noisy'));
  const now = new Date();
  const filter = {
    from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString(),
    to: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
    granularity: 'MONTH',
  };

  const noopBody = (await graphql(product.baseUrl, '{ __typename }', sales.token)).text;
  log(`measuring the authenticated no-op for ${options.durationSeconds} s (the baseline)`);
  const baseline = await runHttp('no-op { __typename }', {
    url: `${product.baseUrl}/graphql`,
    connections: 16,
    durationSeconds: options.durationSeconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sales.token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
    expectBody: noopBody,
  });

  const tallies = new Map<string, Tally>();
  let recording = false;
  /**
   * Times one call from when it was due. `work` answers the body of a clean 200, null for anything else,
   * undefined when there was nothing to do.
   */
  let inFlight = 0;
  let peakInFlight = 0;
  const record = async (name: string, dueAt: number, work: () => Promise<string | null | undefined>) => {
    let failure: string | null = null;
    inFlight += 1;
    if (recording) peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      const outcome = await work();
      if (outcome === undefined) return;
      if (outcome === null) failure = 'not a clean 200';
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    } finally {
      inFlight -= 1;
    }
    if (!recording) return;
    const tally = tallies.get(name) ?? { latencies: [], failures: 0 };
    tallies.set(name, tally);
    tally.latencies.push(performance.now() - dueAt);
    if (failure) {
      tally.failures += 1;
      tally.firstFailure ??= failure;
    }
  };
  const ingest = (key: string, count: number) => async () => {
    const [status, text] = await post(
      `${product.baseUrl}/api/v1/signals`,
      signalBody('soak.lead@example.com', count),
      {
        authorization: `Bearer ${key}`,
      },
    );
    return status === 200 ? text : null;
  };
  let decisionsSkipped = 0;
  const decide = async () => {
    const id = toDecide.shift();
    if (!id) {
      // Every handover opened for the run is decided: nothing left to time.
      if (recording) decisionsSkipped += 1;
      return undefined;
    }
    return gqlCall(product.baseUrl, sales.token, ACCEPT, { id });
  };
  const streams: [string, number, () => Promise<string | null | undefined>][] = [
    ['dashboard', rate('dashboard'), () => gqlCall(product.baseUrl, executive.token, DASHBOARD, { filter })],
    ['queue', rate('queue'), () => gqlCall(product.baseUrl, sales.token, QUEUE)],
    ['decision', rate('decision'), decide],
    ...quietKeys.map((key): [string, number, () => Promise<string | null | undefined>] => [
      'ingest (quiet)',
      rate('quietSignal'),
      ingest(key, 1),
    ]),
    ['ingest (noisy, 100 events)', rate('noisyBatch'), ingest(noisyKey, NOISY_BATCH)],
  ];
  const offered = streams.reduce((sum, [, perSecond]) => sum + perSecond, 0);

  let running = true;
  const workers = streams.map(([name, perSecond, work]) =>
    arrivals(
      perSecond,
      () => running,
      (dueAt) => record(name, dueAt, work),
    ),
  );
  log(`warming up for ${options.warmupSeconds} s`);
  await sleep(options.warmupSeconds * 1000);
  recording = true;
  log(
    `mixed load of ${offered.toFixed(0)} operations a second (scale ${scale}) for ${seconds} s, sampling every ${SAMPLE_EVERY_MS / 1000} s`,
  );
  const samples: Sample[] = [];
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const activity = await pool.query<{ connections: number; stuck: number }>(
      `SELECT count(*)::int AS connections,
              count(*) FILTER (WHERE state = 'idle in transaction' AND now() - state_change > interval '1 second')::int AS stuck
         FROM pg_stat_activity WHERE datname = current_database() AND application_name IN ('accord-api', 'accord-jobs')`,
    );
    samples.push({
      at: (performance.now() - started) / 1000,
      rssBytes: await residentBytes(product.baseUrl),
      connections: activity.rows[0].connections,
      idleInTransactionOver1s: activity.rows[0].stuck,
    });
    if (samples.length % 12 === 0)
      log(
        `${Math.round(samples[samples.length - 1].at)} s: rss ${(samples[samples.length - 1].rssBytes / 2 ** 20).toFixed(0)} MiB, ${samples[samples.length - 1].connections} connections`,
      );
    await sleep(SAMPLE_EVERY_MS);
  }
  recording = false;
  running = false;
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(workers);

  const measurements: [string, Measurement, Tally][] = [...tallies].map(([name, tally]) => [
    name,
    summarise(name, 'ops/s', tally.latencies, elapsed, peakInFlight),
    tally,
  ]);
  const all = [...tallies.values()];
  const total = all.reduce((sum, tally) => sum + tally.latencies.length, 0);
  const failures = all.reduce((sum, tally) => sum + tally.failures, 0);
  const subject = summarise(
    'mixed load',
    'ops/s',
    all.flatMap((tally) => tally.latencies),
    elapsed,
    peakInFlight,
  );
  const rssDrift = drift(samples.map((s) => s.rssBytes));
  const connections = samples.map((s) => s.connections);
  const maxConnections = Math.max(...connections);
  const stuck = Math.max(...samples.map((s) => s.idleInTransactionOver1s));
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const errorRate = failures / Math.max(1, total);
  const summary = [
    `${total.toLocaleString('en')} operations in ${Math.round(elapsed)} s; errors ${failures} (${(errorRate * 100).toFixed(3)}%, target < ${MAX_ERROR_RATE * 100}%): ${verdict(errorRate < MAX_ERROR_RATE)}`,
    ...measurements.map(([name, m, tally]) => {
      const target = P99_TARGETS[name];
      const due = streams.filter(([n]) => n === name).reduce((sum, [, perSecond]) => sum + perSecond, 0);
      return `${name.padEnd(27)} ${m.perSecond.toFixed(1)} of ${due} ops/s due, p50 ${m.latencyMs.p50.toFixed(1)} ms, p99 ${m.latencyMs.p99.toFixed(1)} ms (target ≤ ${target} ms): ${verdict(m.latencyMs.p99 <= target)}${tally.failures ? ` — ${tally.failures} failed, first: ${tally.firstFailure}` : ''}`;
    }),
    `resident memory ${(samples[0].rssBytes / 2 ** 20).toFixed(0)} → ${(samples[samples.length - 1].rssBytes / 2 ** 20).toFixed(0)} MiB, growth ${(rssDrift * 100).toFixed(1)}% first to last tenth (target < ${MAX_DRIFT * 100}%): ${verdict(rssDrift < MAX_DRIFT)}`,
    `database connections ${Math.min(...connections)}–${maxConnections} (pool ${options.poolSize} + 2 for jobs): ${verdict(maxConnections <= options.poolSize + 2)}`,
    `sessions idle in a transaction for over 1 s, at most ${stuck}: ${verdict(stuck === 0)}`,
    `calls in flight at once, at most ${peakInFlight}; decisions skipped for want of an open handover: ${decisionsSkipped}`,
  ];
  return {
    scenario: 'soak',
    subject,
    comparisons: [
      compare(subject, baseline, 'authenticated { __typename } on the same server, 16 connections'),
    ],
    notes: {
      seconds: Math.round(elapsed),
      scale,
      offeredPerSecond: offered,
      peakInFlight,
      quietWorkspaces: QUIET_WORKSPACES,
    },
    summary,
  };
}

export const scenario: Scenario = {
  name: 'soak',
  description: 'ten minutes of dashboard, queue, decisions and signals from several workspaces, one noisy',
  run,
};

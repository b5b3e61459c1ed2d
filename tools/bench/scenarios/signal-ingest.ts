import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';

import { type Session, graphql, signIn } from '../lib/graphql';
import { seededRandom } from '../lib/leads-data';
import { runHttp } from '../lib/load';
import { sampleActivity, sampleCpu } from '../lib/observe';
import { startProduct } from '../lib/product';
import { type LeadRef, loadLeads, rescore, shuffled, waitForScoringVersion } from '../lib/product-workspace';
import { compare, percentile } from '../lib/report';
import type { BenchContext, Scenario } from '../lib/scenario';

const CONNECTIONS = 32;
/** Leads reserved for the freshness probes, so that no load request touches a probed lead meanwhile. */
const PROBE_LEADS = 2_000;
const P99_TARGET_MS = 50;
const FRESH_TARGET_MS = 1_000;
/** A probe whose new score has not shown after this long fails the scenario. */
const FRESH_TIMEOUT_MS = 10_000;
const INTENT_TYPES = [
  'EMAIL_CLICK',
  'PRICING_PAGE_VISIT',
  'CONTENT_DOWNLOAD',
  'WEBINAR_ATTENDED',
  'TOPIC_SURGE',
];

const NOOP = '{ __typename }';
const CREATE_KEY = 'mutation { createApiKey(name: "signal-ingest benchmark") { secret } }';
const EVALUATED_AT = 'query Lead($id: ID!) { lead(id: $id) { lead { evaluation { evaluatedAt } } } }';

/** BENCH_INGEST_LEADS sets how many leads are loaded into the demo workspace (default 100,000). */
function leadCount(): number {
  const value = Number(process.env.BENCH_INGEST_LEADS || 100_000);
  if (!Number.isInteger(value) || value < PROBE_LEADS * 2)
    throw new Error(`BENCH_INGEST_LEADS must be at least ${PROBE_LEADS * 2}`);
  return value;
}

async function evaluatedAt(baseUrl: string, session: Session, leadId: string): Promise<string | null> {
  const { data } = await graphql<{ lead: { lead: { evaluation: { evaluatedAt: string } | null } } }>(
    baseUrl,
    EVALUATED_AT,
    session.token,
    { id: leadId },
  );
  return data.lead.lead.evaluation?.evaluatedAt ?? null;
}

interface Probe {
  /** The signal POST's own latency. */
  postMs: number;
  /** From the 200 to the end of the first read that showed the new evaluation. */
  delayMs: number;
  reads: number;
}

/**
 * Sends one signal for a lead nobody else touches and reads the lead over GraphQL until its evaluation's
 * evaluatedAt moves: how soon after the 200 a user sees the new score.
 */
async function probe(baseUrl: string, session: Session, apiKey: string, lead: LeadRef, externalId: string) {
  const before = await evaluatedAt(baseUrl, session, lead.id);
  const sent = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/signals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({
      externalId,
      type: 'DEMO_REQUEST',
      occurredAt: new Date().toISOString(),
      lead: { email: lead.email },
      source: 'bench',
    }),
  });
  const text = await response.text();
  const answered = performance.now();
  if (response.status !== 200 || (JSON.parse(text) as { stored?: number }).stored !== 1)
    throw new Error(`a probe signal was not stored: ${response.status} ${text}`);
  for (let reads = 1; ; reads++) {
    if ((await evaluatedAt(baseUrl, session, lead.id)) !== before)
      return { postMs: answered - sent, delayMs: performance.now() - answered, reads } satisfies Probe;
    if (performance.now() - answered > FRESH_TIMEOUT_MS)
      throw new Error(
        `lead ${lead.id}'s evaluation did not change within ${FRESH_TIMEOUT_MS} ms of a stored signal`,
      );
  }
}

async function run({ options, defer, log }: BenchContext) {
  const leads = leadCount();
  log('starting the product on a fresh database');
  // BENCH_PRODUCT_NODE_OPTIONS: Node options for the product only, e.g. `--prof --logfile=/tmp/api.log` to profile it.
  const nodeOptions = process.env.BENCH_PRODUCT_NODE_OPTIONS;
  const product = await startProduct({
    DATABASE_POOL_SIZE: String(options.poolSize),
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
  });
  defer(() => product.stop());
  if (!product.databaseUrl)
    throw new Error('the product runs on embedded PGlite; set DATABASE_URL to a PostgreSQL server');
  const { baseUrl } = product;
  const session = await signIn(baseUrl);
  const { workspaceId } = session;
  const apiKey = (await graphql<{ createApiKey: { secret: string } }>(baseUrl, CREATE_KEY, session.token))
    .data.createApiKey.secret;

  const pool = new Pool({ connectionString: product.databaseUrl, max: 2 });
  defer(() => pool.end());
  log('waiting for the demo agreement to be in force');
  const versionId = await waitForScoringVersion(pool, workspaceId);

  log(`loading ${leads.toLocaleString('en-US')} leads into the demo workspace with COPY`);
  const refs = await loadLeads(pool, workspaceId, leads);
  log('rescoring them under the version in force (the product worker runs it)');
  const rescoreSeconds = await rescore(pool, workspaceId, versionId);
  const scored = await pool.query<{ leads: number; evaluations: number }>(
    `SELECT (SELECT count(*)::int FROM leads WHERE workspace_id = $1) AS leads,
            (SELECT count(*)::int FROM lead_evaluations WHERE workspace_id = $1 AND version_id = $2) AS evaluations`,
    [workspaceId, versionId],
  );
  if (scored.rows[0].evaluations !== scored.rows[0].leads)
    throw new Error(
      `${scored.rows[0].evaluations} evaluations for ${scored.rows[0].leads} leads after the rescore`,
    );
  await pool.query('VACUUM ANALYZE leads, lead_evaluations, signals');

  const probeLeads = refs.slice(-PROBE_LEADS);
  const loadLeadsInOrder = shuffled(refs.slice(0, -PROBE_LEADS), seededRandom(7));
  const tag = randomBytes(4).toString('hex');
  let sent = 0;
  const nextBody = () => {
    const lead = loadLeadsInOrder[sent % loadLeadsInOrder.length];
    sent += 1;
    return JSON.stringify({
      externalId: `bench-${tag}-${sent}`,
      type: INTENT_TYPES[sent % INTENT_TYPES.length],
      occurredAt: new Date(Date.now() - (sent % 600) * 60_000).toISOString(),
      lead: { email: lead.email },
      source: 'bench',
    });
  };
  const storedOne = (body: string) => {
    try {
      return (JSON.parse(body) as { stored?: number }).stored === 1;
    } catch {
      return false;
    }
  };
  const ingest = {
    url: `${baseUrl}/api/v1/signals`,
    connections: CONNECTIONS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: nextBody(),
    nextBody,
    verifyBody: storedOne,
  };
  const noopText = (await graphql(baseUrl, NOOP, session.token)).text;
  const noop = {
    url: `${baseUrl}/graphql`,
    connections: CONNECTIONS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ query: NOOP }),
    expectBody: noopText,
  };

  log(`warming up for ${options.warmupSeconds} s each`);
  await runHttp('warm-up', { ...ingest, durationSeconds: options.warmupSeconds });
  await runHttp('warm-up', { ...noop, durationSeconds: options.warmupSeconds });

  log(
    `measuring POST /api/v1/signals for ${options.durationSeconds} s at ${CONNECTIONS} connections, with probes`,
  );
  const probes: Probe[] = [];
  const probing = async (deadline: number) => {
    while (performance.now() < deadline && probes.length < probeLeads.length) {
      const lead = probeLeads[probes.length];
      probes.push(await probe(baseUrl, session, apiKey, lead, `probe-${tag}-${probes.length}`));
    }
  };
  const activity = sampleActivity(pool, 'accord-api');
  const ingestCpu = sampleCpu();
  const [subject] = await Promise.all([
    runHttp('POST /api/v1/signals', { ...ingest, durationSeconds: options.durationSeconds }),
    probing(performance.now() + options.durationSeconds * 1000),
  ]);
  const ingestBusy = ingestCpu.stop();
  const sessions = await activity.stop();
  log(`measuring the no-op GraphQL query for ${options.durationSeconds} s at ${CONNECTIONS} connections`);
  const noopCpu = sampleCpu();
  const baseline = await runHttp('GraphQL { __typename }', {
    ...noop,
    durationSeconds: options.durationSeconds,
  });
  const noopBusy = noopCpu.stop();

  for (const measured of [subject, baseline]) {
    const { non2xx, errors, timeouts, mismatches } = measured.failures;
    if (non2xx + errors + timeouts + mismatches > 0)
      throw new Error(
        `${measured.label} had failures: non-2xx ${non2xx}, errors ${errors}, timeouts ${timeouts}, mismatched bodies ${mismatches}`,
      );
  }
  const stored = await pool.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM signals WHERE workspace_id = $1 AND external_id LIKE $2`,
    [workspaceId, `bench-${tag}-%`],
  );
  if (stored.rows[0].count < subject.operations)
    throw new Error(`${stored.rows[0].count} signals stored for ${subject.operations} answered requests`);
  if (probes.length === 0) throw new Error('no freshness probe completed');

  const delays = Float64Array.from(probes.map((p) => p.delayMs)).sort();
  const fresh = { p50: percentile(delays, 50), p95: percentile(delays, 95), max: delays[delays.length - 1] };
  const withinTarget = probes.filter((p) => p.delayMs <= FRESH_TARGET_MS).length / probes.length;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const p99 = subject.latencyMs.p99;
  return {
    scenario: 'signal-ingest',
    subject,
    comparisons: [
      compare(subject, baseline, `authenticated ${NOOP} on the same server at ${CONNECTIONS} connections`),
    ],
    summary: [
      `ingest p99 ${p99.toFixed(0)} ms (target ≤ ${P99_TARGET_MS} ms: ${verdict(p99 <= P99_TARGET_MS)})`,
      `new score readable ${fresh.p95.toFixed(0)} ms after the 200 at p95 (target ≤ ${FRESH_TARGET_MS} ms: ` +
        `${verdict(fresh.p95 <= FRESH_TARGET_MS)}); p50 ${fresh.p50.toFixed(0)} ms, max ${fresh.max.toFixed(0)} ms, ` +
        `${probes.length} probes, ${(withinTarget * 100).toFixed(0)}% within 1 s, ` +
        `${probes.filter((p) => p.reads === 1).length} seen on the first read`,
      `during the ingest load: machine CPU ${(ingestBusy * 100).toFixed(0)}% busy (no-op load ${(noopBusy * 100).toFixed(0)}%); ` +
        `the product's ${options.poolSize} pooled sessions on average: ${sessions
          .map(({ activity: state, sessions: count }) => `${state} ${count.toFixed(1)}`)
          .join(', ')}`,
      `workspace: ${scored.rows[0].leads.toLocaleString('en-US')} leads, rescored in ${rescoreSeconds.toFixed(1)} s before the load`,
    ],
    notes: {
      connections: CONNECTIONS,
      leads: scored.rows[0].leads,
      setupRescoreSeconds: rescoreSeconds,
      signalsStored: stored.rows[0].count,
      probes: probes.length,
      probeConnections: 1,
      freshP50Ms: fresh.p50,
      freshP95Ms: fresh.p95,
      freshMaxMs: fresh.max,
      freshWithinTargetShare: withinTarget,
      probePostP50Ms: percentile(Float64Array.from(probes.map((p) => p.postMs)).sort(), 50),
      p99TargetMs: P99_TARGET_MS,
      ingestCpuBusy: ingestBusy,
      noopCpuBusy: noopBusy,
      ...Object.fromEntries(
        sessions.map(({ activity: state, sessions: count }) => [`sessions: ${state}`, count]),
      ),
    },
  };
}

export const scenario: Scenario = {
  name: 'signal-ingest',
  description: 'POST /api/v1/signals, one event per request, vs a no-op GraphQL query on the same server',
  run,
};

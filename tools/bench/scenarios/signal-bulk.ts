import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';

import { copyLines } from '../lib/copy';
import { type Session, graphql, signIn } from '../lib/graphql';
import { seededRandom } from '../lib/leads-data';
import { startProduct } from '../lib/product';
import { type LeadRef, loadLeads, waitFor, waitForScoringVersion } from '../lib/product-workspace';
import { compare, single } from '../lib/report';
import type { BenchContext, Scenario } from '../lib/scenario';

const TIME_RATIO_TARGET = 2.5;
const RSS_TARGET_MB = 300;
/** Events per request: the API's limit (10,000 events, 10 MB). */
const EVENTS_PER_REQUEST = 10_000;
/** Requests in flight at once: a few, as the API documentation asks of bulk senders. */
const SENDERS = 4;
const TYPES = [
  'PRICING_PAGE_VISIT',
  'EMAIL_CLICK',
  'CONTENT_DOWNLOAD',
  'WEBINAR_ATTENDED',
  'TOPIC_SURGE',
  'DEMO_REQUEST',
  'EMAIL_SENT',
  'CALL_MADE',
  'MEETING_BOOKED',
];
const DAY_MS = 86_400_000;
const MB = 2 ** 20;
const CREATE_KEY = 'mutation { createApiKey(name: "signal-bulk benchmark") { secret } }';

function setting(name: string, fallback: number, minimum: number): number {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer ≥ ${minimum}`);
  return value;
}

interface BulkEvent {
  externalId: string;
  type: string;
  occurredAt: string;
  email: string;
}

/** The same events every time for a tag and lead set: seeded leads, types and times over the last 90 days. */
function* events(refs: readonly LeadRef[], count: number, tag: string, now: number): Generator<BulkEvent> {
  const random = seededRandom(11);
  for (let index = 0; index < count; index++) {
    yield {
      externalId: `bulk-${tag}-${index}`,
      type: TYPES[Math.floor(random() * TYPES.length)],
      occurredAt: new Date(now - Math.floor(random() * 90 * DAY_MS)).toISOString(),
      email: refs[Math.floor(random() * refs.length)].email,
    };
  }
}

/** Resident memory of the product, from its own Prometheus metrics. */
async function productRss(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = text.split('\n').find((row) => row.startsWith('accord_process_resident_memory_bytes '));
  if (!line) throw new Error('the product does not report accord_process_resident_memory_bytes');
  return Number(line.split(' ')[1]);
}

async function run({ options, defer, log }: BenchContext) {
  const eventCount = setting('BENCH_BULK_EVENTS', 10_000_000, EVENTS_PER_REQUEST);
  const leadCount = setting('BENCH_BULK_LEADS', 1_000_000, 1_000);
  log('starting the product on a fresh database');
  // BENCH_PRODUCT_NODE_OPTIONS: Node options for the product only (as in signal-ingest).
  const nodeOptions = process.env.BENCH_PRODUCT_NODE_OPTIONS;
  const product = await startProduct({
    DATABASE_POOL_SIZE: String(options.poolSize),
    ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
  });
  defer(() => product.stop());
  if (!product.databaseUrl)
    throw new Error('the product runs on embedded PGlite; set DATABASE_URL to a PostgreSQL server');
  const { baseUrl } = product;
  const session: Session = await signIn(baseUrl);
  const apiKey = (await graphql<{ createApiKey: { secret: string } }>(baseUrl, CREATE_KEY, session.token))
    .data.createApiKey.secret;
  const pool = new Pool({ connectionString: product.databaseUrl, max: 2 });
  defer(() => pool.end());
  log('waiting for the demo agreement to be in force');
  await waitForScoringVersion(pool, session.workspaceId);
  log(`loading ${leadCount.toLocaleString('en-US')} leads into the demo workspace with COPY`);
  const refs = await loadLeads(pool, session.workspaceId, leadCount);
  await pool.query('VACUUM ANALYZE leads');
  const now = Date.now();

  log(`baseline: COPY of the ${eventCount.toLocaleString('en-US')} events into a bare table`);
  await pool.query(
    `CREATE TABLE bench_bulk_baseline (external_id text, email text, type text, occurred_at timestamptz, source text)`,
  );
  defer(() => pool.query('DROP TABLE IF EXISTS bench_bulk_baseline').then(() => undefined));
  function* baselineLines(): Generator<string> {
    for (const event of events(refs, eventCount, 'baseline', now))
      yield `${event.externalId}\t${event.email}\t${event.type}\t${event.occurredAt}\tbench\n`;
  }
  const client = await pool.connect();
  const copyStart = performance.now();
  try {
    await copyLines(client, 'bench_bulk_baseline', baselineLines());
  } finally {
    client.release();
  }
  const copyMs = performance.now() - copyStart;
  await pool.query('DROP TABLE bench_bulk_baseline');
  await pool.query('CHECKPOINT');

  log(
    `POSTing them as NDJSON, ${EVENTS_PER_REQUEST.toLocaleString('en-US')} per request, ${SENDERS} at a time`,
  );
  const tag = randomBytes(4).toString('hex');
  const source = events(refs, eventCount, tag, now);
  const nextBody = (): string | null => {
    const lines: string[] = [];
    for (let next = source.next(); !next.done; next = source.next()) {
      const event = next.value;
      lines.push(
        JSON.stringify({
          externalId: event.externalId,
          type: event.type,
          occurredAt: event.occurredAt,
          lead: { email: event.email },
          source: 'bench',
        }),
      );
      if (lines.length === EVENTS_PER_REQUEST) break;
    }
    return lines.length ? lines.join('\n') : null;
  };
  const rssStart = await productRss(baseUrl);
  let rssPeak = rssStart;
  const rssTimer = setInterval(() => {
    void productRss(baseUrl)
      .then((rss) => (rssPeak = Math.max(rssPeak, rss)))
      .catch(() => undefined);
  }, 1_000);
  let stored = 0;
  let requests = 0;
  const ingestStart = performance.now();
  const sender = async () => {
    for (let body = nextBody(); body !== null; body = nextBody()) {
      const response = await fetch(`${baseUrl}/api/v1/signals`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${apiKey}` },
        body,
      });
      const report = (await response.json()) as { stored?: number; refused?: number; unmatched?: number };
      if (response.status !== 200)
        throw new Error(`a bulk request failed: ${response.status} ${JSON.stringify(report)}`);
      stored += report.stored ?? 0;
      requests += 1;
      if (requests % 100 === 0) log(`${(stored / 1e6).toFixed(1)}M events stored`);
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  const ingestMs = performance.now() - ingestStart;
  if (stored !== eventCount) throw new Error(`${stored} of ${eventCount} events were stored`);

  log('waiting for the applier to fold every signal into its lead');
  await waitFor('the inbox to empty', 3_600_000, async () => {
    const result = await pool.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM signal_inbox WHERE workspace_id = $1`,
      [session.workspaceId],
    );
    return result.rows[0].waiting === 0 ? true : null;
  });
  const appliedMs = performance.now() - ingestStart;
  clearInterval(rssTimer);
  rssPeak = Math.max(rssPeak, await productRss(baseUrl));
  const counted = await pool.query<{ signals: number }>(
    `SELECT count(*)::int AS signals FROM signals WHERE workspace_id = $1 AND source = 'bench'`,
    [session.workspaceId],
  );
  if (counted.rows[0].signals !== eventCount)
    throw new Error(`${counted.rows[0].signals} signals in the table, not ${eventCount}`);

  const timeRatio = ingestMs / copyMs;
  const growthMb = (rssPeak - rssStart) / MB;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const subject = single('bulk ingest over HTTP', 'events/s', eventCount, ingestMs);
  const baseline = single('COPY into a bare table', 'rows/s', eventCount, copyMs);
  return {
    scenario: 'signal-bulk',
    subject,
    comparisons: [
      compare(subject, baseline, 'the same events, generated alike, COPYed into a table with no index'),
    ],
    summary: [
      `time ingest/COPY ${timeRatio.toFixed(2)} (target ≤ ${TIME_RATIO_TARGET}: ${verdict(timeRatio <= TIME_RATIO_TARGET)}); ` +
        `product RSS +${growthMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB: ${verdict(growthMb < RSS_TARGET_MB)})`,
      `every signal folded into its lead's summary and score ${(appliedMs / 1000).toFixed(1)} s after the first request ` +
        `(${((appliedMs - ingestMs) / 1000).toFixed(1)} s after the last response)`,
    ],
    notes: {
      events: eventCount,
      leads: leadCount,
      requests,
      eventsPerRequest: EVENTS_PER_REQUEST,
      senders: SENDERS,
      ingestSeconds: ingestMs / 1000,
      copySeconds: copyMs / 1000,
      appliedSeconds: appliedMs / 1000,
      timeRatio,
      timeRatioTarget: TIME_RATIO_TARGET,
      rssStartMb: Math.round(rssStart / MB),
      rssPeakMb: Math.round(rssPeak / MB),
      rssGrowthMb: Math.round(growthMb),
    },
  };
}

export const scenario: Scenario = {
  name: 'signal-bulk',
  description: 'POST /api/v1/signals with 10M events as NDJSON vs a COPY of the same rows into a bare table',
  run,
};

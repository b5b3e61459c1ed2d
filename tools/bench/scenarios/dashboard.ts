import { Client, Pool } from 'pg';
import type { EntityManager } from 'typeorm';

import {
  DashboardRepository,
  DashboardRollupRepository,
  FactScope,
  sliceOf,
} from '@accord/api/dashboard/data-access';
import { seedWorkspace } from '@accord/api/demo-data';
import { DayFacts, addDays, employeeBand, localDate, startOfLocalDay } from '@accord/domain/dashboard';

import { graphql, signIn } from '../lib/graphql';
import { timed } from '../lib/load';
import { startProduct } from '../lib/product';
import { percentile, summarise } from '../lib/report';
import type { BenchContext, Scenario } from '../lib/scenario';

const EXECUTIVE = { email: 'exec@demo.accord.dev', password: 'accord-demo' };
const MARKETING = { email: 'marketing@demo.accord.dev', password: 'accord-demo' };
const SIGNALS_PER_LEAD = 10;
const SHARE_TARGET = 0.02;
const FRESHNESS_TARGET_S = 5;
const SAMPLES = 30;
const WARM_UP = 3;

const DASHBOARD = `query Dashboard($filter: DashboardFilter!) { dashboard(filter: $filter) {
  timeZone granularity
  outcomes { key name definition kind unit value numerator denominator target targetGap trend { bucketStart value } }
  activities { key name definition kind unit value numerator denominator target targetGap trend { bucketStart value } }
  funnel { stage count conversionFromPrevious dropOff }
  rejectionsBySource { reasonKey reasonLabel group count }
  rejectionsByGrade { reasonKey reasonLabel group count }
  reps { ownerId name revenueWon qualifiedMeetingsHeld callsMade emailsSent meetingsBooked acceptedHandovers }
  versions { id number }
  segments { industries countries sources campaigns employeeBands }
} }`;
const FUNNEL = `query Funnel($filter: DashboardFilter!) { dashboard(filter: $filter) { funnel { stage count } } }`;
const CREATE_LEAD = `mutation CreateLead($input: LeadInput!) { createLead(input: $input) { id } }`;

/** BENCH_DASHBOARD_LEADS sets the workspace's size (default 1,000,000 leads, with ten signals each). */
function leadCount(): number {
  const value = Number(process.env.BENCH_DASHBOARD_LEADS || 1_000_000);
  if (!Number.isInteger(value) || value < 1_000)
    throw new Error('BENCH_DASHBOARD_LEADS must be at least 1000');
  return value;
}

interface Filter {
  from: string;
  to: string;
  granularity: 'MONTH';
  versionId?: string;
  ownerId?: string;
  industry?: string;
  employeeBand?: string;
  country?: string;
  source?: string;
  campaign?: string;
}

/** The repositories' reads through one pg client inside a tenant transaction (they only call `query`). */
function managerOf(client: Client): EntityManager {
  return {
    query: async (text: string, params?: unknown[]): Promise<unknown[]> => {
      const result = await client.query<Record<string, unknown>>(text, params);
      return result.rows;
    },
  } as unknown as EntityManager;
}

/** What a dashboard shows, read from the raw tables (the naive GROUP BY) or from the rollup. */
async function reads(manager: EntityManager, scope: FactScope, rollup: boolean) {
  if (rollup) {
    const slice = sliceOf(scope, localDate(scope.from, scope.timeZone), localDate(scope.to, scope.timeZone));
    if (!slice) return null;
    const repository = new DashboardRollupRepository();
    return {
      days: normalised(await repository.dailyFacts(manager, slice)),
      bySource: await repository.rejections(manager, slice, 'source'),
      byGrade: await repository.rejections(manager, slice, 'grade'),
      reps: await repository.reps(manager, slice),
    };
  }
  const repository = new DashboardRepository();
  const result = {
    days: normalised(await repository.dailyFacts(manager, scope)),
    bySource: await repository.rejections(manager, scope, 'source'),
    byGrade: await repository.rejections(manager, scope, 'grade'),
    reps: await repository.reps(manager, scope),
  };
  await repository.segments(manager);
  return result;
}

function normalised(days: DayFacts[]): DayFacts[] {
  for (const day of days) {
    day.facts.salesCycleDays.sort();
    day.facts.opportunityCycleDays.sort();
  }
  return days;
}

/**
 * Seeds the workspace with `leads` leads of 12 months' history, then replays its signals (an hour apart each
 * time, under new ids) until it holds SIGNALS_PER_LEAD signals a lead.
 */
async function seed(databaseUrl: string, workspaceId: string, leads: number, log: (m: string) => void) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const started = Date.now();
    let reported = 0;
    await seedWorkspace(client, {
      leads,
      seed: 7,
      months: 12,
      workspaceId,
      append: true,
      now: new Date(),
      copy: true,
      onProgress: (written) => {
        if (written - reported >= leads / 10) {
          reported = written;
          log(`  ${written.toLocaleString('en')} leads in ${((Date.now() - started) / 1000).toFixed(0)} s`);
        }
      },
    });
    await client.query('COMMIT');
    const target = leads * SIGNALS_PER_LEAD;
    for (let round = 1; ; round++) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM signals WHERE workspace_id = $1`,
        [workspaceId],
      );
      const missing = target - Number(rows[0].n);
      if (missing <= 0) break;
      log(`  replaying signals, round ${round}: ${missing.toLocaleString('en')} to go`);
      await client.query(
        `INSERT INTO signals (workspace_id, external_id, lead_id, type, occurred_at, source, received_at)
         SELECT workspace_id, external_id || ':r' || $2::int, lead_id, type, occurred_at - $2::int * interval '1 hour', source,
                received_at
           FROM signals WHERE workspace_id = $1 AND external_id NOT LIKE '%:r%' LIMIT $3`,
        [workspaceId, round, missing],
      );
    }
    // The replayed signals are back-dated too: the rollup counts the workspace again from scratch.
    await client.query(`DELETE FROM dashboard_rollup_state WHERE workspace_id = $1`, [workspaceId]);
    await client.query('ANALYZE signals');
  } finally {
    await client.end();
  }
}

async function run({ options, defer, log }: BenchContext) {
  const leads = leadCount();
  log('starting the product on a fresh database');
  const product = await startProduct({ DATABASE_POOL_SIZE: String(options.poolSize) });
  defer(() => product.stop());
  if (!product.databaseUrl)
    throw new Error('the product runs on embedded PGlite; set DATABASE_URL to a PostgreSQL server');
  const databaseUrl = product.databaseUrl;
  const executive = await signIn(product.baseUrl, EXECUTIVE);
  const workspaceId = executive.workspaceId;
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  defer(() => pool.end());

  log(`seeding ${leads.toLocaleString('en')} leads with 12 months of history`);
  await seed(databaseUrl, workspaceId, leads, log);
  const counts = await pool.query<{ leads: string; signals: string; transitions: string }>(
    `SELECT (SELECT count(*) FROM leads WHERE workspace_id = $1) AS leads,
            (SELECT count(*) FROM signals WHERE workspace_id = $1) AS signals,
            (SELECT count(*) FROM lead_transitions WHERE workspace_id = $1) AS transitions`,
    [workspaceId],
  );
  log(`workspace: ${JSON.stringify(counts.rows[0])}`);

  log('waiting for the product to build the rollup');
  const buildStarted = Date.now();
  for (;;) {
    const { rows } = await pool.query<{ built: boolean }>(
      `SELECT built_at IS NOT NULL AS built FROM dashboard_rollup_state WHERE workspace_id = $1`,
      [workspaceId],
    );
    if (rows[0]?.built) break;
    if (Date.now() - buildStarted > 3_600_000) throw new Error('the rollup was not built within an hour');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const buildSeconds = (Date.now() - buildStarted) / 1000;
  log(`rollup built in ${buildSeconds.toFixed(0)} s`);

  // The last twelve whole months and today, midnight to midnight in the workspace's time zone.
  const { rows: zone } = await pool.query<{ time_zone: string }>(
    `SELECT time_zone FROM workspaces WHERE id = $1`,
    [workspaceId],
  );
  const timeZone = zone[0].time_zone;
  const today = localDate(new Date(), timeZone);
  const from = startOfLocalDay(addDays(today, -365), timeZone);
  const to = startOfLocalDay(addDays(today, 1), timeZone);
  const common = async (column: string) =>
    (
      await pool.query<{ value: string }>(
        `SELECT ${column} AS value FROM leads WHERE workspace_id = $1 AND ${column} IS NOT NULL
          GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
        [workspaceId],
      )
    ).rows[0].value;
  const versions = await pool.query<{
    id: string;
    number: number;
    effective_at: Date;
    superseded_at: Date | null;
  }>(
    `SELECT id, number, effective_at, superseded_at FROM agreement_versions
      WHERE workspace_id = $1 AND status = 'PUBLISHED' ORDER BY number DESC`,
    [workspaceId],
  );
  const inForce = versions.rows[0];
  const owner = (
    await pool.query<{ owner_id: string }>(
      `SELECT owner_id FROM handovers WHERE workspace_id = $1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [workspaceId],
    )
  ).rows[0].owner_id;
  const base: Filter = { from: from.toISOString(), to: to.toISOString(), granularity: 'MONTH' };
  const industry = await common('industry');
  const country = await common('country');
  const filters: [string, Filter][] = [
    ['everything', base],
    ['version', { ...base, versionId: inForce.id }],
    ['owner', { ...base, ownerId: owner }],
    ['industry', { ...base, industry }],
    ['employee band', { ...base, employeeBand: '200–999' }],
    ['country', { ...base, country }],
    ['source', { ...base, source: await common('source') }],
    ['campaign', { ...base, campaign: await common('campaign') }],
    ['industry + owner', { ...base, industry, ownerId: owner }],
    ['version + country', { ...base, versionId: inForce.id, country }],
  ];

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  defer(() => client.end());
  const manager = managerOf(client);
  const productLatencies: number[] = [];
  const naiveLatencies: number[] = [];
  const summary: string[] = [];
  let worstShare = 0;
  for (const [name, filter] of filters) {
    const band = filter.employeeBand ? employeeBand(filter.employeeBand) : undefined;
    const version = filter.versionId ? versions.rows.find((v) => v.id === filter.versionId) : undefined;
    const scope: FactScope = {
      from,
      to,
      timeZone,
      versionId: filter.versionId ?? null,
      versionWindow: version ? { from: version.effective_at, to: version.superseded_at } : null,
      industry: filter.industry ?? null,
      employeesMin: band?.min ?? null,
      employeesMax: band?.max ?? null,
      country: filter.country ?? null,
      source: filter.source ?? null,
      campaign: filter.campaign ?? null,
      ownerId: filter.ownerId ?? null,
    };
    // Both reads in one snapshot. The workspace is live (the product's jobs expire handovers, open new ones),
    // so the rollup may trail the snapshot by a pass: a disagreement is read again after the next passes.
    let naiveMs = 0;
    for (let attempt = 1; ; attempt++) {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await client.query(
        `SELECT set_config('role', 'accord_app', true), set_config('app.workspace_id', $1, true)`,
        [workspaceId],
      );
      let naive: Awaited<ReturnType<typeof reads>> = null;
      const ms = await timed(async () => (naive = await reads(manager, scope, false)));
      if (attempt === 1) naiveMs = ms;
      const rolled = await reads(manager, scope, true);
      await client.query('COMMIT');
      if (JSON.stringify(rolled) === JSON.stringify(naive)) break;
      if (attempt === 3) throw new Error(`${name}: the rollup does not agree with the naive GROUP BY`);
      log(`${name}: the rollup trails the snapshot; reading again`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }

    const variables = { filter };
    for (let i = 0; i < WARM_UP; i++) await graphql(product.baseUrl, DASHBOARD, executive.token, variables);
    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++)
      latencies.push(await timed(() => graphql(product.baseUrl, DASHBOARD, executive.token, variables)));
    const p95 = percentile(Float64Array.from(latencies).sort(), 95);
    const share = p95 / naiveMs;
    worstShare = Math.max(worstShare, share);
    productLatencies.push(...latencies);
    naiveLatencies.push(naiveMs);
    summary.push(
      `${name.padEnd(18)} dashboard p95 ${p95.toFixed(1)} ms · naive ${naiveMs.toFixed(0)} ms · ${(share * 100).toFixed(2)}% (target ≤ ${SHARE_TARGET * 100}%)`,
    );
    log(summary[summary.length - 1]);
  }

  // Freshness: a lead created through the API (its LEAD transition) shows in today's funnel.
  const marketing = await signIn(product.baseUrl, MARKETING);
  const todayFilter = { filter: { ...base, from: startOfLocalDay(today, timeZone).toISOString() } };
  const leadsToday = async () =>
    (
      await graphql<{ dashboard: { funnel: { stage: string; count: number }[] } }>(
        product.baseUrl,
        FUNNEL,
        executive.token,
        todayFilter,
      )
    ).data.dashboard.funnel.find((step) => step.stage === 'LEAD')?.count ?? 0;
  const freshness: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = await leadsToday();
    const started = Date.now();
    await graphql(product.baseUrl, CREATE_LEAD, marketing.token, {
      input: { email: `fresh-${Date.now()}-${i}@bench.example`, firstName: 'Fresh' },
    });
    while ((await leadsToday()) <= before) {
      if (Date.now() - started > 60_000)
        throw new Error('a new lead did not reach the dashboard within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    freshness.push((Date.now() - started) / 1000);
  }
  const worstFreshness = Math.max(...freshness);
  summary.push(
    `freshness: a new transition on the dashboard after ${freshness.map((s) => s.toFixed(1)).join(', ')} s (target ≤ ${FRESHNESS_TARGET_S} s)`,
    `rollup first build: ${buildSeconds.toFixed(0)} s for ${Number(counts.rows[0].leads).toLocaleString('en')} leads, ${Number(counts.rows[0].signals).toLocaleString('en')} signals`,
  );

  const subject = summarise(
    'dashboard (rollup)',
    'req/s',
    productLatencies,
    productLatencies.reduce((a, b) => a + b, 0) / 1000,
    1,
  );
  const baseline = summarise(
    'naive GROUP BY',
    'q/s',
    naiveLatencies,
    naiveLatencies.reduce((a, b) => a + b, 0) / 1000,
    1,
  );
  if (worstShare > SHARE_TARGET) summary.push(`MISSED: worst p95 share ${(worstShare * 100).toFixed(2)}%`);
  if (worstFreshness > FRESHNESS_TARGET_S) summary.push(`MISSED: freshness ${worstFreshness.toFixed(1)} s`);
  return {
    scenario: 'dashboard',
    subject,
    comparisons: [
      {
        baseline,
        ratio: subject.perSecond / baseline.perSecond,
        description: 'dashboards served per naive GROUP BY computed, over the same filters',
      },
    ],
    notes: {
      leads: Number(counts.rows[0].leads),
      signals: Number(counts.rows[0].signals),
      transitions: Number(counts.rows[0].transitions),
      worstP95ShareOfNaive: worstShare,
      worstFreshnessSeconds: worstFreshness,
      rollupBuildSeconds: buildSeconds,
    },
    summary,
  };
}

export const scenario: Scenario = {
  name: 'dashboard',
  description:
    'the dashboard query under ten filter combinations vs the naive GROUP BY over the raw tables, on a 1M-lead, 10M-signal workspace; rollup freshness',
  run,
};

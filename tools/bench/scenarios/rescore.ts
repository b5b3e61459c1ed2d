import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import { starterAgreement } from '@accord/domain/agreement';

import { copyLines, withoutIndexes } from '../lib/copy';
import { createBenchDatabase, createPublishedWorkspace } from '../lib/database';
import { LEADS_COPY_TARGET, generateLeads } from '../lib/leads-data';
import { timed } from '../lib/load';
import { compare, single } from '../lib/report';
import { startRescoreProcess } from '../lib/rescore-process';
import { profileRescoreStream } from '../lib/rescore-profile';
import type { BenchContext, Scenario } from '../lib/scenario';
import type { Span } from '../lib/scoring-app';

const SIGNALS_PER_LEAD = 10;
const TIME_RATIO_TARGET = 0.6;
const RSS_TARGET_MB = 300;
const BASELINE = 'UPDATE leads SET updated_at = updated_at';
/** Each measured phase starts from a compact, frozen, analysed table and a fresh checkpoint. */
const SETTLE = ['VACUUM (FREEZE, ANALYZE) leads', 'CHECKPOINT'];

const MB = 2 ** 20;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** BENCH_RESCORE_LEADS shrinks the workspace for a quick try; the measured figure uses the default million. */
function leadCount(): number {
  const value = Number(process.env.BENCH_RESCORE_LEADS || 1_000_000);
  if (!Number.isInteger(value) || value < 1_000) throw new Error('BENCH_RESCORE_LEADS must be at least 1000');
  return value;
}

interface WalMark {
  lsn: string;
  checkpoints: number;
}

/** Where the WAL is and how many checkpoints have run: a phase's difference is the write work it caused. */
async function walMark(client: Client): Promise<WalMark> {
  const result = await client.query<WalMark>(
    `SELECT pg_current_wal_lsn()::text AS lsn, (checkpoints_timed + checkpoints_req)::int AS checkpoints
       FROM pg_stat_bgwriter`,
  );
  return result.rows[0];
}

async function walSince(client: Client, mark: WalMark): Promise<{ walMb: number; checkpoints: number }> {
  const now = await walMark(client);
  const bytes = await client.query<{ bytes: string }>(`SELECT pg_wal_lsn_diff($1, $2)::text AS bytes`, [
    now.lsn,
    mark.lsn,
  ]);
  return { walMb: Number(bytes.rows[0].bytes) / MB, checkpoints: now.checkpoints - mark.checkpoints };
}

function* lines(leads: Iterable<{ line: string }>): Generator<string> {
  for (const lead of leads) yield lead.line;
}

/** Time per step, summed over repeats (progress updates aside, the runner's steps do not overlap). */
function byLabel(spans: Span[]): Map<string, { ms: number; detail?: number }> {
  const totals = new Map<string, { ms: number; detail?: number }>();
  for (const span of spans) {
    const entry = totals.get(span.label) ?? { ms: 0 };
    entry.ms += span.endMs - span.startMs;
    if (span.detail !== undefined) entry.detail = (entry.detail ?? 0) + span.detail;
    totals.set(span.label, entry);
  }
  return totals;
}

async function run({ options, defer, log }: BenchContext) {
  const leads = leadCount();
  const signals = leads * SIGNALS_PER_LEAD;
  log('creating a fresh database and running the migrations');
  const database = await createBenchDatabase(options.databaseUrl);
  defer(() => database.drop());
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  defer(() => admin.end());
  const workspace = await createPublishedWorkspace(admin);
  const { workspaceId, versionId } = workspace;

  log(
    `generating ${leads.toLocaleString('en-US')} leads (${signals.toLocaleString('en-US')} signals) into COPY`,
  );
  let copyMs = 0;
  const loadMs = await timed(() =>
    withoutIndexes(admin, 'leads', async () => {
      const generated = generateLeads({
        workspaceId,
        leads,
        signals,
        ownerIds: [workspace.salesId],
        now: new Date(),
      });
      copyMs = await timed(() => copyLines(admin, LEADS_COPY_TARGET, lines(generated)));
    }),
  );
  log(`loaded in ${seconds(copyMs)} (COPY) + ${seconds(loadMs - copyMs)} (indexes and constraints)`);
  for (const sql of SETTLE) await admin.query(sql);
  const size = await admin.query<{ heap: string; total: string }>(
    `SELECT pg_relation_size('leads') AS heap, pg_total_relation_size('leads') AS total`,
  );
  const leadsHeapMb = Number(size.rows[0].heap) / MB;
  const leadsTotalMb = Number(size.rows[0].total) / MB;

  log(`baseline: ${BASELINE}`);
  let updated = 0;
  const beforeUpdate = await walMark(admin);
  const updateMs = await timed(async () => (updated = (await admin.query(BASELINE)).rowCount ?? 0));
  const updateWal = await walSince(admin, beforeUpdate);
  if (updated !== leads) throw new Error(`the baseline UPDATE touched ${updated} rows, not ${leads}`);
  log(`baseline took ${seconds(updateMs)}; restoring a compact table (VACUUM FULL)`);
  await admin.query('VACUUM FULL leads');
  for (const sql of SETTLE) await admin.query(sql);

  log('starting the product leads module in a process of its own and queueing a rescore');
  const rescorer = await startRescoreProcess(database.url, options.poolSize);
  defer(() => rescorer.stop());
  const runId = randomUUID();
  await admin.query(
    `INSERT INTO rescore_runs (workspace_id, id, version_id, status, run_after) VALUES ($1, $2, $3, 'QUEUED', now())`,
    [workspaceId, runId, versionId],
  );
  await admin.query('CHECKPOINT');

  log('rescoring through RescoreWorker.drain()');
  const beforeRescore = await walMark(admin);
  const { ran, rescoreMs, rss, spans } = await rescorer.go();
  const rescoreWal = await walSince(admin, beforeRescore);
  log(`rescore took ${seconds(rescoreMs)}`);

  const state = await admin.query<{
    status: string;
    error: string | null;
    evaluations: number;
    pointer: string | null;
  }>(
    `SELECT r.status, r.error,
            (SELECT count(*)::int FROM lead_evaluations e WHERE e.workspace_id = $1 AND e.version_id = $3) AS evaluations,
            (SELECT version_id FROM workspace_scoring s WHERE s.workspace_id = $1) AS pointer
       FROM rescore_runs r WHERE r.workspace_id = $1 AND r.id = $2`,
    [workspaceId, runId, versionId],
  );
  const { status, error, evaluations, pointer } = state.rows[0];
  if (ran !== 1 || status !== 'DONE')
    throw new Error(`the rescore ran ${ran} time(s) and ended ${status}: ${error}`);
  if (evaluations !== leads) throw new Error(`the rescore stored ${evaluations} evaluations, not ${leads}`);
  if (pointer !== versionId) throw new Error(`the scoring pointer is ${pointer}, not the rescored version`);

  log('profiling the stream stages one by one');
  const writer = new Client({ connectionString: database.url });
  await writer.connect();
  defer(() => writer.end());
  const profile = await profileRescoreStream(
    admin,
    writer,
    { workspaceId, versionId, leads, document: starterAgreement([workspace.salesId]) },
    log,
  );

  const steps = byLabel(spans);
  const topLevel = [
    'claim run',
    'drop partition table',
    'create partition table',
    'stream: COPY out → decode → score → COPY in',
    'primary key build',
    'version check constraint',
    'attach partition',
    'analyze partition',
    'flip transaction (body)',
    'stage moves after the flip',
    'drop old partitions',
  ];
  const stepMs = (label: string) => steps.get(label)?.ms ?? 0;
  const otherMs = rescoreMs - topLevel.reduce((sum, label) => sum + stepMs(label), 0);
  const moved = steps.get('stage moves: statements')?.detail ?? 0;
  const timeRatio = rescoreMs / updateMs;
  const growthMb = rss.growthBytes / MB;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

  const subject = single('rescore', 'leads/s', leads, rescoreMs);
  const baseline = single('bare UPDATE', 'rows/s', leads, updateMs);
  const flipParts = ['flip: exclusive lock', 'flip: catch-up rescoring', 'flip: pointer update'];
  return {
    scenario: 'rescore',
    subject,
    comparisons: [
      compare(subject, baseline, `${BASELINE} over all ${leads} leads, after VACUUM and CHECKPOINT`),
    ],
    summary: [
      `time rescore/UPDATE ${timeRatio.toFixed(2)} (target ≤ ${TIME_RATIO_TARGET}: ${verdict(timeRatio <= TIME_RATIO_TARGET)}); ` +
        `RSS +${growthMb.toFixed(0)} MB during the rescore (target < ${RSS_TARGET_MB} MB: ${verdict(growthMb < RSS_TARGET_MB)})`,
      `WAL written: UPDATE ${updateWal.walMb.toFixed(0)} MB (${updateWal.checkpoints} checkpoints during it), ` +
        `rescore ${rescoreWal.walMb.toFixed(0)} MB (${rescoreWal.checkpoints} checkpoints)`,
      `rescore steps: ${topLevel
        .filter((label) => steps.has(label))
        .map((label) => `${label} ${seconds(stepMs(label))}`)
        .join(', ')}, other ${seconds(otherMs)}`,
      `flip body: ${flipParts
        .filter((label) => steps.has(label))
        .map((label) => `${label.replace('flip: ', '')} ${seconds(stepMs(label))}`)
        .join(', ')}; ${moved.toLocaleString('en-US')} leads moved stage after it`,
      `stream stages alone: COPY out ${seconds(profile.copyOutMs)} (${(profile.copyOutBytes / MB).toFixed(0)} MB of text), ` +
        `+ decode ${seconds(profile.copyOutDecodeMs)}, + score and format ${seconds(profile.copyOutDecodeScoreMs)} ` +
        `(of which scoring and formatting ${seconds(profile.scoreMs)}); COPY in ${seconds(profile.copyInMs)}; ` +
        `the whole stream into a table ${seconds(profile.streamMs)}`,
    ],
    notes: {
      leads,
      signals,
      leadsHeapMb: Math.round(leadsHeapMb),
      leadsTotalMb: Math.round(leadsTotalMb),
      loadCopySeconds: copyMs / 1000,
      loadIndexSeconds: (loadMs - copyMs) / 1000,
      updateSeconds: updateMs / 1000,
      updateWalMb: Math.round(updateWal.walMb),
      updateCheckpoints: updateWal.checkpoints,
      rescoreWalMb: Math.round(rescoreWal.walMb),
      rescoreCheckpoints: rescoreWal.checkpoints,
      rescoreSeconds: rescoreMs / 1000,
      timeRatio,
      timeRatioTarget: TIME_RATIO_TARGET,
      rssStartMb: Math.round(rss.startBytes / MB),
      rssPeakMb: Math.round(rss.peakBytes / MB),
      rssGrowthMb: Math.round(growthMb),
      stageMoves: moved,
      ...Object.fromEntries([...steps].map(([label, { ms }]) => [`step: ${label}`, ms / 1000])),
      'step: other': otherMs / 1000,
      ...Object.fromEntries(
        Object.entries(profile).map(([key, value]) =>
          key.endsWith('Ms')
            ? [`profile: ${key.slice(0, -2)}Seconds`, value / 1000]
            : [`profile: ${key}`, value],
        ),
      ),
    },
  };
}

export const scenario: Scenario = {
  name: 'rescore',
  description:
    "a full rescore of 1M leads through the product's RescoreRunner vs a bare UPDATE of every lead",
  run,
};

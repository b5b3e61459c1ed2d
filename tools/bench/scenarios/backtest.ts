import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

import { starterAgreement } from '@accord/domain/agreement';
import type { BacktestResult } from '@accord/domain/backtest';

import { startBacktestProcess } from '../lib/backtest-process';
import { copyLines, withoutIndexes } from '../lib/copy';
import { createBenchDatabase, createPublishedWorkspace } from '../lib/database';
import { LEADS_COPY_TARGET, generateLeads } from '../lib/leads-data';
import { timed } from '../lib/load';
import { compare, single } from '../lib/report';
import { startRescoreProcess } from '../lib/rescore-process';
import type { BenchContext, Scenario } from '../lib/scenario';

const SIGNALS_PER_LEAD = 10;
const TIME_RATIO_TARGET = 2;
const RSS_TARGET_MB = 300;
const SETTLE = ['VACUUM (FREEZE, ANALYZE)', 'CHECKPOINT'];
const MB = 2 ** 20;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** BENCH_BACKTEST_LEADS shrinks the workspace for a quick try; the measured figure uses the default million. */
function leadCount(): number {
  const value = Number(process.env.BENCH_BACKTEST_LEADS || 1_000_000);
  if (!Number.isInteger(value) || value < 1_000)
    throw new Error('BENCH_BACKTEST_LEADS must be at least 1000');
  return value;
}

function* lines(leads: Iterable<{ line: string }>): Generator<string> {
  for (const lead of leads) yield lead.line;
}

/**
 * What became of the leads that reached sales, set-based from their stage: a move into MQL (handed over halfway
 * between creation and the last stage change), a handover decided by the stage (accepted, rejected as not in
 * the ICP, or still open), a move into SQL, and opportunities — won, lost or open — with amounts.
 */
export async function addOutcomes(
  client: Client,
  workspaceId: string,
  versionId: string,
  salesId: string,
): Promise<void> {
  await client.query(
    `INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, reason, at, handover_checked_at)
     SELECT workspace_id, id, 'LEAD', 'MQL', $2, 'scored', created_at + (stage_changed_at - created_at) / 2,
            created_at + (stage_changed_at - created_at) / 2
       FROM leads WHERE workspace_id = $1 AND stage IN ('MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'WON', 'LOST', 'DISQUALIFIED')`,
    [workspaceId, versionId],
  );
  await client.query(
    `INSERT INTO handovers (workspace_id, id, lead_id, transition_id, version_id, owner_id, status, grade, temperature,
       temperature_rank, outcome, fit_score, intent_score, explanation, handed_over_at, due_at, decided_at, decided_by,
       within_sla, reason_key, reason_label)
     SELECT t.workspace_id, gen_random_uuid(), t.lead_id, t.id, t.version_id, $2,
            CASE l.stage WHEN 'MQL' THEN 'OPEN' WHEN 'DISQUALIFIED' THEN 'REJECTED' ELSE 'ACCEPTED' END,
            'B', 'WARM', 1, 'MQL', 60, 40, 'bench', t.at, t.at + interval '24 hours',
            CASE WHEN l.stage <> 'MQL' THEN t.at + interval '3 hours' END,
            CASE WHEN l.stage <> 'MQL' THEN $2::uuid END,
            CASE WHEN l.stage <> 'MQL' THEN true END,
            CASE WHEN l.stage = 'DISQUALIFIED' THEN 'not-icp' END,
            CASE WHEN l.stage = 'DISQUALIFIED' THEN 'Outside our ideal customer profile' END
       FROM lead_transitions t JOIN leads l ON l.workspace_id = t.workspace_id AND l.id = t.lead_id
      WHERE t.workspace_id = $1 AND t.to_stage = 'MQL'`,
    [workspaceId, salesId],
  );
  await client.query(
    `INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, reason, at)
     SELECT workspace_id, id, 'SAL', 'SQL', $2, 'qualified', stage_changed_at - interval '1 day'
       FROM leads WHERE workspace_id = $1 AND stage IN ('SQL', 'OPPORTUNITY', 'WON', 'LOST')`,
    [workspaceId, versionId],
  );
  await client.query(
    `INSERT INTO opportunities (workspace_id, id, lead_id, name, owner_id, stage, amount, currency, close_date,
       lost_reason, opened_by_id, opened_at, closed_at, updated_at)
     SELECT workspace_id, gen_random_uuid(), id, 'Bench deal', $2,
            CASE stage WHEN 'OPPORTUNITY' THEN 'DISCOVERY' ELSE stage END,
            1000 + (hashtext(id::text) & 65535), 'USD',
            CASE WHEN stage IN ('WON', 'LOST') THEN stage_changed_at::date END,
            CASE WHEN stage = 'LOST' THEN 'no budget' END,
            $2, stage_changed_at - interval '12 hours',
            CASE WHEN stage IN ('WON', 'LOST') THEN stage_changed_at END, stage_changed_at
       FROM leads WHERE workspace_id = $1 AND stage IN ('OPPORTUNITY', 'WON', 'LOST')`,
    [workspaceId, salesId],
  );
}

async function run({ options, defer, log }: BenchContext) {
  const leads = leadCount();
  log('creating a fresh database and running the migrations');
  const database = await createBenchDatabase(options.databaseUrl);
  defer(() => database.drop());
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  defer(() => admin.end());
  const workspace = await createPublishedWorkspace(admin);
  const { workspaceId, versionId, salesId } = workspace;

  log(`generating ${leads.toLocaleString('en-US')} leads with their signal summaries into COPY`);
  const loadMs = await timed(() =>
    withoutIndexes(admin, 'leads', () =>
      copyLines(
        admin,
        LEADS_COPY_TARGET,
        lines(
          generateLeads({
            workspaceId,
            leads,
            signals: leads * SIGNALS_PER_LEAD,
            ownerIds: [salesId],
            now: new Date(),
          }),
        ),
      ),
    ),
  );
  const outcomesMs = await timed(() => addOutcomes(admin, workspaceId, versionId, salesId));
  log(`loaded in ${seconds(loadMs)}; outcomes in ${seconds(outcomesMs)}`);
  for (const sql of SETTLE) await admin.query(sql);

  log("the same run's baseline: a full rescore through RescoreWorker.drain()");
  const rescorer = await startRescoreProcess(database.url, options.poolSize);
  defer(() => rescorer.stop());
  await admin.query(
    `INSERT INTO rescore_runs (workspace_id, id, version_id, status, run_after) VALUES ($1, $2, $3, 'QUEUED', now())`,
    [workspaceId, randomUUID(), versionId],
  );
  await admin.query('CHECKPOINT');
  const rescore = await rescorer.go();
  if (rescore.ran !== 1) throw new Error(`the rescore ran ${rescore.ran} times`);
  await rescorer.stop();
  log(`rescore took ${seconds(rescore.rescoreMs)}`);
  for (const sql of SETTLE) await admin.query(sql);

  // A draft: stricter A, a new criterion, a heavier pricing-page visit — backtested against v1 over 12 months.
  const draft = starterAgreement([salesId]);
  draft.fit.grades.A += 5;
  draft.fit.criteria.push({
    key: 'industry-fintech',
    label: 'Financial services',
    field: 'industry',
    condition: { kind: 'ANY_OF', values: ['Financial Services', 'Fintech'] },
    points: 10,
  });
  const draftId = randomUUID();
  const runId = randomUUID();
  await admin.query(
    `INSERT INTO agreement_versions (workspace_id, id, number, status, revision, document, based_on_id, created_by_id, updated_by_id)
     VALUES ($1, $2, 2, 'DRAFT', 1, $3, $4, $5, $5)`,
    [workspaceId, draftId, JSON.stringify(draft), versionId, workspace.marketingId],
  );
  await admin.query(
    `INSERT INTO backtest_runs (workspace_id, id, version_id, revision, baseline_version_id, document, status,
       window_from, window_to, created_at)
     VALUES ($1, $2, $3, 1, $4, $5, 'QUEUED', now() - interval '12 months', now(), now())`,
    [workspaceId, runId, draftId, versionId, JSON.stringify(draft)],
  );
  await admin.query('CHECKPOINT');

  log('backtesting the draft through BacktestWorker.drain()');
  const backtester = await startBacktestProcess(database.url, options.poolSize);
  defer(() => backtester.stop());
  const backtest = await backtester.go();
  log(`backtest took ${seconds(backtest.backtestMs)}`);
  const state = await admin.query<{
    status: string;
    error: string | null;
    processed: number;
    result: BacktestResult;
  }>(`SELECT status, error, processed, result FROM backtest_runs WHERE workspace_id = $1 AND id = $2`, [
    workspaceId,
    runId,
  ]);
  const { status, error, processed, result } = state.rows[0];
  if (backtest.ran !== 1 || status !== 'DONE') throw new Error(`the backtest ended ${status}: ${error}`);
  if (processed !== leads || result.leadsRead !== leads)
    throw new Error(`the backtest read ${result.leadsRead} leads, not ${leads}`);

  const ratio = backtest.backtestMs / rescore.rescoreMs;
  const growthMb = backtest.rss.growthBytes / MB;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const subject = single('backtest', 'leads/s', leads, backtest.backtestMs);
  const baseline = single('full rescore', 'leads/s', leads, rescore.rescoreMs);
  return {
    scenario: 'backtest',
    subject,
    comparisons: [compare(subject, baseline, `RescoreWorker.drain() over the same ${leads} leads, same run`)],
    summary: [
      `time backtest/rescore ${ratio.toFixed(2)} (target ≤ ${TIME_RATIO_TARGET}: ${verdict(ratio <= TIME_RATIO_TARGET)}); ` +
        `RSS +${growthMb.toFixed(0)} MB during the backtest (target < ${RSS_TARGET_MB} MB: ${verdict(growthMb < RSS_TARGET_MB)})`,
      `window ${result.window.from.slice(0, 10)} – ${result.window.to.slice(0, 10)}: ${result.leadsInWindow} leads in it, ` +
        `draft MQLs ${result.draft.mqls} vs ${result.baseline.mqls} in force; recorded ${result.recorded.mqls}`,
    ],
    notes: {
      leads,
      loadSeconds: loadMs / 1000,
      outcomesSeconds: outcomesMs / 1000,
      rescoreSeconds: rescore.rescoreMs / 1000,
      backtestSeconds: backtest.backtestMs / 1000,
      timeRatio: ratio,
      timeRatioTarget: TIME_RATIO_TARGET,
      rssStartMb: Math.round(backtest.rss.startBytes / MB),
      rssPeakMb: Math.round(backtest.rss.peakBytes / MB),
      rssGrowthMb: Math.round(growthMb),
      rescoreRssGrowthMb: Math.round(rescore.rss.growthBytes / MB),
      leadsInWindow: result.leadsInWindow,
      draftMqls: result.draft.mqls,
      baselineMqls: result.baseline.mqls,
    },
  };
}

export const scenario: Scenario = {
  name: 'backtest',
  description:
    "a draft's backtest over 1M leads through the product's BacktestRunner vs a full rescore, same run",
  run,
};

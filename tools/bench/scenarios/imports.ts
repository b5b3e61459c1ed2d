import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { createBenchDatabase, createPublishedWorkspace } from '../lib/database';
import { startImportProcess } from '../lib/import-process';
import { timed } from '../lib/load';
import { compare, single } from '../lib/report';
import type { BenchContext, Scenario } from '../lib/scenario';

const TIME_RATIO_TARGET = 3;
const RSS_TARGET_MB = 300;
const MB = 2 ** 20;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A CRM's lead export, with the mess real exports carry: currency symbols, ranges, country names, day-first dates. */
const HEADER =
  'Email Address,First Name,Last Name,Job Title,Seniority,Company,Website,Employees,Annual Revenue,Industry,Country,Lead Source,Created Date\r\n';
const TITLES = [
  'VP Marketing',
  'Head of Growth',
  'Marketing Manager',
  'CTO',
  'Data Analyst',
  'Sales Director',
];
const SENIORITIES = ['VP', 'Head', 'Manager', 'C-Level', 'Individual Contributor', 'Director'];
const INDUSTRIES = ['Software', 'Retail', 'Financial Services', 'Healthcare', 'Manufacturing', 'Education'];
const COUNTRIES = ['US', 'United Kingdom', 'Deutschland', 'FR', 'Brasil', 'CA', 'NL', 'ES'];
const SOURCES = ['Webinar', 'Paid search', 'Referral', 'Organic', 'Event'];
const EMPLOYEES = ['1-10', '11-50', '51-200', '201-500', '1,200', '5000+'];

/** BENCH_IMPORT_ROWS shrinks the file for a quick try; the measured figure uses the default million. */
function rowCount(): number {
  const value = Number(process.env.BENCH_IMPORT_ROWS || 1_000_000);
  if (!Number.isInteger(value) || value < 1_000) throw new Error('BENCH_IMPORT_ROWS must be at least 1000');
  return value;
}

/** One row in a thousand is unimportable (no e-mail), so the refusal path is in the measured work too. */
function row(index: number): string {
  const company = `Company ${index % 50_000}`;
  const domain = `company${index % 50_000}.example`;
  const email = index % 1_000 === 999 ? '' : `person${index}@${domain}`;
  const day = 1 + (index % 28);
  const month = 1 + (index % 12);
  return (
    `${email},First${index},"Last, ${index}",${TITLES[index % 6]},${SENIORITIES[index % 6]},${company},` +
    `https://www.${domain}/,"${EMPLOYEES[index % 6]}","$${(1_000_000 + index).toLocaleString('en-US')}",` +
    `${INDUSTRIES[index % 6]},${COUNTRIES[index % 8]},${SOURCES[index % 5]},${day}/${month}/2025\r\n`
  );
}

async function writeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(HEADER);
  let chunk = '';
  for (let index = 0; index < rows; index++) {
    chunk += row(index);
    if (index % 2_000 === 1_999) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function partitionName(versionId: string): string {
  return `lead_evaluations_${versionId.replace(/-/g, '')}`;
}

async function run({ options, defer, log }: BenchContext) {
  const rows = rowCount();
  log('creating a fresh database and running the migrations');
  const database = await createBenchDatabase(options.databaseUrl);
  defer(() => database.drop());
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  defer(() => admin.end());
  const workspace = await createPublishedWorkspace(admin);
  // The version in force, as a finished rescore leaves it: its evaluations partition and the scoring pointer.
  const table = partitionName(workspace.versionId);
  await admin.query(`CREATE TABLE "${table}" (LIKE lead_evaluations INCLUDING DEFAULTS)`);
  await admin.query(`ALTER TABLE "${table}" ADD PRIMARY KEY (workspace_id, version_id, lead_id)`);
  await admin.query(
    `ALTER TABLE lead_evaluations ATTACH PARTITION "${table}" FOR VALUES IN ('${workspace.versionId}')`,
  );
  await admin.query(
    `INSERT INTO workspace_scoring (workspace_id, version_id, updated_at) VALUES ($1, $2, now())`,
    [workspace.workspaceId, workspace.versionId],
  );

  const folder = mkdtempSync(join(tmpdir(), 'accord-bench-imports-'));
  defer(() => rmSync(folder, { recursive: true, force: true }));
  const file = join(folder, 'leads.csv');
  log(`writing a ${rows.toLocaleString('en-US')}-row leads CSV`);
  await writeCsv(file, rows);
  const bytes = statSync(file).size;
  log(`${(bytes / MB).toFixed(0)} MB written`);

  log('baseline: COPY of the same file into a bare table');
  await admin.query(
    `CREATE UNLOGGED TABLE bare_leads (email text, first_name text, last_name text, title text, seniority text, company text,
       website text, employees text, revenue text, industry text, country text, source text, created text)`,
  );
  await admin.query('CHECKPOINT');
  const copyMs = await timed(() =>
    pipeline(
      createReadStream(file),
      admin.query(copyFrom(`COPY bare_leads FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    ),
  );
  const copied = Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM bare_leads')).rows[0].n);
  if (copied !== rows) throw new Error(`COPY loaded ${copied} rows, not ${rows}`);
  await admin.query('DROP TABLE bare_leads');
  log(`COPY took ${seconds(copyMs)}`);

  log('starting the product imports module in a process of its own');
  const importer = await startImportProcess({
    databaseUrl: database.url,
    poolSize: options.poolSize,
    file,
    actor: {
      id: workspace.marketingId,
      workspaceId: workspace.workspaceId,
      email: 'marketing@bench.example',
      name: 'marketing',
      roles: ['MARKETING'],
      approver: true,
    },
    request: {
      kind: 'LEADS',
      dryRun: false,
      saveMapping: false,
      fileName: 'leads.csv',
      mapping: {
        columns: [
          'email',
          'firstName',
          'lastName',
          'title',
          'seniority',
          'companyName',
          'companyDomain',
          'employeeCount',
          'annualRevenue',
          'industry',
          'country',
          'source',
          'createdAt',
        ],
        values: { seniority: { Head: 'VP' } },
        dateOrder: 'DMY',
        defaultCurrency: 'USD',
      },
    },
  });
  defer(() => importer.stop());
  await admin.query('CHECKPOINT');
  log('importing through ImportsService.run (a CRM mapping, dates day-first)');
  const { importMs, rss, result } = await importer.go();
  log(`import took ${seconds(importMs)}: ${JSON.stringify(result.counts)}`);
  const refusedExpected = Math.floor(rows / 1_000);
  if (
    result.status !== 'DONE' ||
    result.counts.CREATED !== rows - refusedExpected ||
    result.counts.REFUSED !== refusedExpected
  )
    throw new Error(
      `the import ended ${result.status} with ${JSON.stringify(result.counts)}: ${result.error}`,
    );
  const stored = await admin.query<{ leads: number; evaluations: number }>(
    `SELECT (SELECT count(*)::int FROM leads WHERE workspace_id = $1) AS leads,
            (SELECT count(*)::int FROM lead_evaluations WHERE workspace_id = $1 AND version_id = $2) AS evaluations`,
    [workspace.workspaceId, workspace.versionId],
  );
  if (
    stored.rows[0].leads !== rows - refusedExpected ||
    stored.rows[0].evaluations !== rows - refusedExpected
  )
    throw new Error(`stored ${JSON.stringify(stored.rows[0])}, expected ${rows - refusedExpected} of each`);

  const timeRatio = importMs / copyMs;
  const growthMb = rss.growthBytes / MB;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  const subject = single('import', 'rows/s', rows, importMs);
  const baseline = single('COPY into a bare table', 'rows/s', rows, copyMs);
  return {
    scenario: 'imports',
    subject,
    comparisons: [
      compare(
        subject,
        baseline,
        `COPY … FROM STDIN (FORMAT csv) of the same ${(bytes / MB).toFixed(0)} MB file into an unlogged text table`,
      ),
    ],
    summary: [
      `time import/COPY ${timeRatio.toFixed(2)} (target ≤ ${TIME_RATIO_TARGET}: ${verdict(timeRatio <= TIME_RATIO_TARGET)}); ` +
        `RSS +${growthMb.toFixed(0)} MB during the import (target < ${RSS_TARGET_MB} MB: ${verdict(growthMb < RSS_TARGET_MB)})`,
      `import: ${seconds(importMs)} for ${rows.toLocaleString('en-US')} rows (${result.counts.CREATED} created, ` +
        `${result.counts.REFUSED} refused, ${result.cleaned} cleaned, ${result.reportLines} report lines); COPY ${seconds(copyMs)}`,
    ],
    notes: {
      rows,
      fileMb: Math.round(bytes / MB),
      copySeconds: copyMs / 1000,
      importSeconds: importMs / 1000,
      timeRatio,
      timeRatioTarget: TIME_RATIO_TARGET,
      rssStartMb: Math.round(rss.startBytes / MB),
      rssPeakMb: Math.round(rss.peakBytes / MB),
      rssGrowthMb: Math.round(growthMb),
      reportLines: result.reportLines,
    },
  };
}

export const scenario: Scenario = {
  name: 'imports',
  description:
    'a 1M-row leads CSV through the product import (mapping, cleaning, validation, upsert, scoring) vs COPY of the file',
  run,
};

import { parse } from 'csv-parse';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Transform, type TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

import type { AgreementDocument } from '@accord/domain/agreement';
import { type SignalSummary, leadFacts, summarySignals } from '@accord/domain/leads';
import { evaluateLead } from '@accord/domain/scoring';

import { copyLines } from './copy';
import { timed } from './load';

// The runner's read (LEAD_COLUMNS and leadFromRow in rescore.runner.ts, which it does not export), repeated
// here so that each stage of its stream can be timed alone. Keep them in step with the runner.
const LEAD_COLUMNS = `id::text, email, title, seniority, department, budget_authority::text, company_name, company_domain,
  employee_count::text, annual_revenue::text, industry, country, array_to_json(technologies)::text, signal_summary::text`;

function leadFromRow(row: string[]) {
  const [id, email, title, seniority, department, budget, companyName, companyDomain, employees, revenue] =
    row;
  const [industry, country, technologies, summary] = row.slice(10);
  const text = (value: string) => (value === '' ? null : value);
  const number = (value: string) => (value === '' ? null : Number(value));
  return {
    id,
    email,
    title: text(title),
    seniority: text(seniority),
    department: text(department),
    budgetAuthority: budget === '' ? null : budget === 't' || budget === 'true',
    companyName: text(companyName),
    companyDomain: text(companyDomain),
    employeeCount: number(employees),
    annualRevenue: number(revenue),
    industry: text(industry),
    country: text(country),
    technologies: JSON.parse(technologies || '[]') as string[],
    signalSummary: JSON.parse(summary || '{}') as SignalSummary,
  };
}

const EVALUATION_COLUMNS =
  '(workspace_id, version_id, lead_id, fit_score, grade, intent_score, temperature, outcome, evaluated_at)';
/** Lines per write in the batched variant of the stream. */
const BATCH_LINES = 1_000;

/** Each stage of the rescore's stream measured on its own, in ms (the runner overlaps them). */
export interface StreamProfile {
  /** `COPY (SELECT …) TO STDOUT (FORMAT csv)` into a sink that drops it. */
  copyOutMs: number;
  copyOutBytes: number;
  /** The same, parsed by csv-parse. */
  copyOutParseMs: number;
  /** The same, plus building each lead, scoring it with the domain engine and formatting its row. */
  copyOutParseScoreMs: number;
  /** Inside the last: building leads (JSON.parse of the summary and technologies), evaluating, formatting. */
  toLeadMs: number;
  evaluateMs: number;
  formatMs: number;
  /** `COPY … FROM STDIN` of as many evaluation rows (written 2,000 per chunk) into a table like a partition. */
  copyInMs: number;
  /** The runner's whole stream as written — one write to COPY FROM STDIN per lead — into such a table. */
  streamPerRowMs: number;
  /** The same stream with the lines of 1,000 leads joined into one write. */
  streamBatchedMs: number;
}

function sink(objectMode: boolean, onChunk: (size: number) => void = () => undefined): Writable {
  return new Writable({
    objectMode,
    write(chunk: { length?: number }, _encoding, done) {
      onChunk(chunk.length ?? 0);
      done();
    },
  });
}

/** Joins lines into one chunk per `size` lines, so COPY FROM STDIN gets few large writes. */
function batchLines(size: number): Transform {
  let buffer: string[] = [];
  return new Transform({
    decodeStrings: false,
    transform(line: string, _encoding, done: TransformCallback) {
      buffer.push(line);
      if (buffer.length < size) return done();
      const chunk = buffer.join('');
      buffer = [];
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      done(null, buffer.join(''));
    },
  });
}

/** Times the stages of a rescore's stream over the workspace's leads, one after another. */
export async function profileRescoreStream(
  client: ClientBase,
  writer: ClientBase,
  workspace: { workspaceId: string; versionId: string; document: AgreementDocument; leads: number },
  log: (message: string) => void,
): Promise<StreamProfile> {
  const { workspaceId, versionId, document } = workspace;
  const copyOut = () =>
    client.query(
      copyTo(
        `COPY (SELECT ${LEAD_COLUMNS} FROM leads WHERE workspace_id = '${workspaceId}') TO STDOUT (FORMAT csv)`,
      ),
    );
  let copyOutBytes = 0;
  log('profile: COPY out alone');
  const copyOutMs = await timed(() =>
    pipeline(
      copyOut(),
      sink(false, (size) => (copyOutBytes += size)),
    ),
  );
  log('profile: COPY out + csv-parse');
  const copyOutParseMs = await timed(() => pipeline(copyOut(), parse(), sink(true)));

  const now = new Date();
  const at = now.toISOString();
  const version = { id: versionId, document };
  const split = { toLeadMs: 0, evaluateMs: 0, formatMs: 0 };
  const score = (timing: boolean) =>
    new Transform({
      writableObjectMode: true,
      transform(row: string[], _encoding, done) {
        const t0 = timing ? performance.now() : 0;
        const lead = leadFromRow(row);
        const t1 = timing ? performance.now() : 0;
        const evaluation = evaluateLead({
          lead: leadFacts(lead),
          signals: summarySignals(lead.signalSummary),
          version,
          now,
        });
        const t2 = timing ? performance.now() : 0;
        const line = `${workspaceId}\t${versionId}\t${lead.id}\t${evaluation.fit.score}\t${evaluation.fit.grade}\t${evaluation.intent.score}\t${evaluation.intent.temperature}\t${evaluation.outcome}\t${at}\n`;
        if (timing) {
          split.toLeadMs += t1 - t0;
          split.evaluateMs += t2 - t1;
          split.formatMs += performance.now() - t2;
        }
        done(null, line);
      },
    });
  log('profile: COPY out + csv-parse + lead + evaluate + format');
  const copyOutParseScoreMs = await timed(() => pipeline(copyOut(), parse(), score(true), sink(false)));

  await client.query(`CREATE TABLE bench_copy_in (LIKE lead_evaluations INCLUDING DEFAULTS)`);
  const copyIn = () => writer.query(copyFrom(`COPY bench_copy_in ${EVALUATION_COLUMNS} FROM STDIN`));
  log('profile: the whole stream, one write per lead (as the runner writes it)');
  const streamPerRowMs = await timed(() => pipeline(copyOut(), parse(), score(false), copyIn()));
  await client.query('TRUNCATE bench_copy_in');
  log(`profile: the whole stream, one write per ${BATCH_LINES} leads`);
  const streamBatchedMs = await timed(() =>
    pipeline(copyOut(), parse(), score(false), batchLines(BATCH_LINES), copyIn()),
  );
  await client.query('TRUNCATE bench_copy_in');

  log('profile: COPY in alone');
  function* rows(): Generator<string> {
    for (let i = 0; i < workspace.leads; i++)
      yield `${workspaceId}\t${versionId}\t${randomUUID()}\t${(i % 97) + 0.5}\tB\t${(i % 89) + 0.25}\tWARM\tMQL\t${at}\n`;
  }
  const copyInMs = await timed(() => copyLines(client, `bench_copy_in ${EVALUATION_COLUMNS}`, rows()));
  await client.query('DROP TABLE bench_copy_in');
  return {
    copyOutMs,
    copyOutBytes,
    copyOutParseMs,
    copyOutParseScoreMs,
    ...split,
    copyInMs,
    streamPerRowMs,
    streamBatchedMs,
  };
}

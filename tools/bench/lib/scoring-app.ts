import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { performance } from 'node:perf_hooks';
import type { PoolClient } from 'pg';

import { AgreementsModule } from '@accord/api/agreements/feature';
import { ScoringStateRepository } from '@accord/api/leads/data-access';
import { LeadsModule, RescoreWorker } from '@accord/api/leads/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { ConfigModule, loadConfig } from '@accord/api/shared/config';
import { DatabaseModule, OwnerDb } from '@accord/api/shared/database';

/** Nest's logs go to stderr with the scenario's progress, so stdout keeps only results. */
function stderrLogger(log: (message: string) => void): LoggerService {
  const line =
    (level: string) =>
    (message: unknown): void =>
      log(`${level} ${String(message)}`);
  return { log: line('log'), error: line('error'), warn: line('warn'), debug: () => undefined };
}

/**
 * The product's leads module on its own database, as leads.int-spec.ts assembles it: real config (jobs not
 * polling: the scenario drains the worker itself), the real pools, repositories, scorer, runner and worker.
 */
export function startScoringApp(
  url: string,
  poolSize: number,
  log: (message: string) => void,
): Promise<INestApplicationContext> {
  const config = loadConfig({ SEED_DEMO: 'false', JOBS_POLL_MS: '0' });
  return NestFactory.createApplicationContext(
    {
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({
          url,
          poolSize,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          embedded: false,
        }),
        MembersDataAccessModule,
        AgreementsModule,
        LeadsModule,
      ],
    },
    { logger: stderrLogger(log) },
  );
}

/** One timed step of a rescore, in ms since the timeline started. */
export interface Span {
  label: string;
  startMs: number;
  endMs: number;
  detail?: number;
}

/** Where a rescore spent its time, gathered by wrapping the product's own objects (their code is unchanged). */
export class Timeline {
  readonly spans: Span[] = [];
  private zero = performance.now();

  start(): void {
    this.zero = performance.now();
    this.spans.length = 0;
  }

  add(label: string, start: number, end: number, detail?: number): void {
    this.spans.push({ label, startMs: start - this.zero, endMs: end - this.zero, detail });
  }
}

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

function wrap(
  target: object,
  method: string,
  label: string,
  timeline: Timeline,
  detail?: (result: unknown) => number,
): void {
  const host = target as Record<string, unknown>;
  const original = host[method];
  // Private methods are reached by name: fail loudly if the product renamed one, rather than time nothing.
  if (typeof original !== 'function') throw new Error(`cannot time "${label}": no method ${method}`);
  host[method] = async (...args: unknown[]) => {
    const start = performance.now();
    const result = await (original as AnyMethod).apply(target, args);
    timeline.add(label, start, performance.now(), detail?.(result));
    return result;
  };
}

function ddlLabel(sql: string): string {
  if (/ADD PRIMARY KEY/i.test(sql)) return 'primary key build';
  if (/ADD CONSTRAINT .* CHECK/is.test(sql)) return 'version check constraint';
  if (/ATTACH PARTITION/i.test(sql)) return 'attach partition';
  if (/^\s*DROP TABLE/i.test(sql)) return 'drop partition table';
  if (/^\s*CREATE TABLE/i.test(sql)) return 'create partition table';
  if (/^\s*ANALYZE/i.test(sql)) return 'analyze partition';
  return sql.trim().slice(0, 40);
}

/** The owner's client with its plain-SQL statements timed; COPY streams pass through untouched. */
function timedClient(client: PoolClient, timeline: Timeline): PoolClient {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property !== 'query') return method.bind(target);
      return (...args: unknown[]) => {
        if (typeof args[0] !== 'string') return method.apply(target, args);
        const label = ddlLabel(args[0]);
        const start = performance.now();
        return (method.apply(target, args) as Promise<unknown>).then((result) => {
          timeline.add(label, start, performance.now());
          return result;
        });
      };
    },
  });
}

/** Times the rescore's steps on the running app's runner, scorer, scoring repository and owner pool. */
export function instrumentRescore(app: INestApplicationContext): Timeline {
  const timeline = new Timeline();
  const worker = app.get(RescoreWorker);
  const runner = (worker as unknown as { runner: object }).runner;
  const scorer = (runner as { scorer: object }).scorer;
  const scoring = app.get(ScoringStateRepository);
  const owner = app.get(OwnerDb);

  wrap(scoring, 'claimDue', 'claim run', timeline);
  wrap(runner, 'copyEvaluations', 'stream: COPY out → decode → score → COPY in', timeline);
  wrap(runner, 'flip', 'flip transaction (body)', timeline);
  wrap(scoring, 'lockForFlip', 'flip: exclusive lock', timeline);
  wrap(scorer, 'scoreUnder', 'flip: catch-up rescoring', timeline);
  wrap(scoring, 'setPointer', 'flip: pointer update', timeline);
  wrap(runner, 'moveStages', 'stage moves after the flip', timeline);
  wrap(scoring, 'applyPlannedMoves', 'stage moves: statements', timeline, (moved) => Number(moved));
  wrap(scoring, 'moveStagesAfterRescore', 'stage moves: statements', timeline, (moved) => Number(moved));
  wrap(runner, 'dropOldPartitions', 'drop old partitions', timeline);

  const inWorkspace = owner.inWorkspace.bind(owner);
  owner.inWorkspace = <T>(workspaceId: string, work: (client: PoolClient) => Promise<T>) =>
    inWorkspace(workspaceId, (client) => work(timedClient(client, timeline)));
  return timeline;
}

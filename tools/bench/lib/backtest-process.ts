// Runs one backtest through the product's BacktestWorker in a process of its own, so that its memory is measured
// from a clean start rather than on top of whatever generating the data left in the benchmark's heap.
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { BacktestModule, BacktestWorker } from '@accord/api/backtest/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { ConfigModule, loadConfig } from '@accord/api/shared/config';
import { DatabaseModule } from '@accord/api/shared/database';

import { timed } from './load';
import { type RssSample, sampleRss } from './memory';

export interface BacktestOutcome {
  /** How many runs BacktestWorker.drain() ran. */
  ran: number;
  backtestMs: number;
  rss: RssSample;
}

type FromChild =
  { type: 'ready' } | { type: 'done'; outcome: BacktestOutcome } | { type: 'failed'; message: string };

const ROOT = join(__dirname, '../../..');

export interface BacktestProcess {
  /** Drains the queued backtests now, and resolves with the measurements. */
  go(): Promise<BacktestOutcome>;
  stop(): Promise<void>;
}

function next(child: ChildProcess): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the backtest process exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (message: FromChild) => {
      child.off('exit', onExit);
      resolve(message);
    });
  });
}

async function expectMessage<T extends FromChild['type']>(child: ChildProcess, type: T) {
  const message = await next(child);
  if (message.type === 'failed') throw new Error(`the backtest process failed: ${message.message}`);
  if (message.type !== type) throw new Error(`the backtest process said ${message.type}, expected ${type}`);
  return message as Extract<FromChild, { type: T }>;
}

/** Starts the product's backtest module on `databaseUrl` in a child process and waits until it is ready. */
export async function startBacktestProcess(databaseUrl: string, poolSize: number): Promise<BacktestProcess> {
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const child = fork(__filename, [], {
    cwd: ROOT,
    execArgv: [
      '-r',
      join(ROOT, 'tools/register.js'),
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
    env: {
      ...process.env,
      BENCH_BACKTEST_DATABASE_URL: databaseUrl,
      BENCH_BACKTEST_POOL_SIZE: String(poolSize),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await expectMessage(child, 'ready');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    async go() {
      const done = expectMessage(child, 'done');
      child.send({ type: 'go' });
      return (await done).outcome;
    },
    stop,
  };
}

async function child(): Promise<void> {
  const send = (message: FromChild) => process.send?.(message);
  const log = (message: string) => process.stderr.write(`[backtest] ${message}\n`);
  const logger: LoggerService = {
    log: (message: unknown) => log(String(message)),
    error: (message: unknown) => log(`error ${String(message)}`),
    warn: (message: unknown) => log(`warn ${String(message)}`),
  };
  const config = loadConfig({ SEED_DEMO: 'false', JOBS_POLL_MS: '0' });
  const app = await NestFactory.createApplicationContext(
    {
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({
          url: process.env.BENCH_BACKTEST_DATABASE_URL ?? '',
          poolSize: Number(process.env.BENCH_BACKTEST_POOL_SIZE),
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          embedded: false,
        }),
        MembersDataAccessModule,
        AgreementsDataAccessModule,
        BacktestModule,
      ],
    },
    { logger },
  );
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'go') return;
    const memory = sampleRss();
    let ran = 0;
    timed(async () => (ran = await app.get(BacktestWorker).drain())).then(
      (backtestMs) => send({ type: 'done', outcome: { ran, backtestMs, rss: memory.stop() } }),
      (error: unknown) =>
        send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({ type: 'ready' });
}

if (require.main === module) {
  child().catch((error: unknown) => {
    const message: FromChild = {
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
    };
    if (process.send) process.send(message, () => process.exit(1));
    else process.exit(1);
  });
}

// Runs one backtest through the product's BacktestWorker in a process of its own, so that its memory is measured
// from a clean start rather than on top of whatever generating the data left in the benchmark's heap.
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { BacktestModule, BacktestWorker } from '@accord/api/backtest/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { ConfigModule, loadConfig } from '@accord/api/shared/config';
import { DatabaseModule } from '@accord/api/shared/database';

import { timed } from './load';
import { type MeasuredProcess, serveMeasured, startMeasured } from './measured-process';
import { type RssSample, sampleRss } from './memory';

export interface BacktestOutcome {
  /** How many runs BacktestWorker.drain() ran. */
  ran: number;
  backtestMs: number;
  rss: RssSample;
}

/** Starts the product's backtest module on `databaseUrl` in a child process and waits until it is ready. */
export function startBacktestProcess(
  databaseUrl: string,
  poolSize: number,
): Promise<MeasuredProcess<BacktestOutcome>> {
  return startMeasured<BacktestOutcome>(__filename, 'backtest', {
    BENCH_BACKTEST_DATABASE_URL: databaseUrl,
    BENCH_BACKTEST_POOL_SIZE: String(poolSize),
  });
}

if (require.main === module)
  serveMeasured<BacktestOutcome>(async () => {
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
    return {
      work: async () => {
        const memory = sampleRss();
        let ran = 0;
        const backtestMs = await timed(async () => (ran = await app.get(BacktestWorker).drain()));
        return { ran, backtestMs, rss: memory.stop() };
      },
      close: () => app.close(),
    };
  });

// Runs one CSV import through the product's ImportsService in a process of its own, started as the product is
// (its heap bound included), so that its memory is measured from a clean start rather than on top of whatever
// generating the file left in the benchmark's heap.
import { NestFactory } from '@nestjs/core';
import { createReadStream } from 'node:fs';

import type { ImportRecord } from '@accord/api/imports/data-access';
import { ImportsModule, ImportsService, type StartImport } from '@accord/api/imports/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { ConfigModule, loadConfig } from '@accord/api/shared/config';
import { DatabaseModule } from '@accord/api/shared/database';

import { timed } from './load';
import { type MeasuredProcess, serveMeasured, startMeasured } from './measured-process';
import { type RssSample, sampleRss } from './memory';

/** What to import, and as whom. */
export interface ImportJob {
  databaseUrl: string;
  poolSize: number;
  file: string;
  actor: AuthMember;
  request: StartImport;
}

/** What the import process reports back. */
export interface ImportOutcome {
  importMs: number;
  rss: RssSample;
  result: Pick<ImportRecord, 'status' | 'counts' | 'cleaned' | 'reportLines' | 'error'>;
}

export type ImportProcess = MeasuredProcess<ImportOutcome>;

/** Boots the product's imports module in a child process for `job`, and waits until it is ready. */
export function startImportProcess(job: ImportJob): Promise<ImportProcess> {
  return startMeasured<ImportOutcome>(__filename, 'import', { BENCH_IMPORT_JOB: JSON.stringify(job) });
}

if (require.main === module)
  serveMeasured<ImportOutcome>(async () => {
    const job = JSON.parse(process.env.BENCH_IMPORT_JOB ?? '{}') as ImportJob;
    const config = loadConfig({ SEED_DEMO: 'false', JOBS_POLL_MS: '0' });
    // The product's import module on its own database: real config, pools, repositories, scorer and handlers.
    const app = await NestFactory.createApplicationContext(
      {
        imports: [
          ConfigModule.forRoot(config),
          DatabaseModule.forRoot({
            url: job.databaseUrl,
            poolSize: job.poolSize,
            statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
            embedded: false,
          }),
          MembersDataAccessModule,
          ImportsModule,
        ],
      },
      { logger: false },
    );
    const imports = app.get(ImportsService);
    return {
      work: async () => {
        const memory = sampleRss();
        let record: ImportRecord | null = null;
        const importMs = await timed(async () => {
          record = await imports.run(job.actor, job.request, createReadStream(job.file));
        });
        const rss = memory.stop();
        const { status, counts, cleaned, reportLines, error } = record as unknown as ImportRecord;
        return { importMs, rss, result: { status, counts, cleaned, reportLines, error } };
      },
      close: () => app.close(),
    };
  });

// Runs one rescore through the product's RescoreWorker in a process of its own, so that its memory is measured
// from a clean start rather than on top of whatever generating the data left in the benchmark's heap.
import { RescoreWorker } from '@accord/api/leads/feature';

import { timed } from './load';
import { type MeasuredProcess, serveMeasured, startMeasured } from './measured-process';
import { type RssSample, sampleRss } from './memory';
import { type Span, instrumentRescore, startScoringApp } from './scoring-app';

/** What the rescore process reports back. */
export interface RescoreOutcome {
  /** How many runs RescoreWorker.drain() ran. */
  ran: number;
  rescoreMs: number;
  rss: RssSample;
  spans: Span[];
}

/** A booted rescore process, waiting for go(): booting is not part of the measurement. */
export type RescoreProcess = MeasuredProcess<RescoreOutcome>;

/** Starts the product's leads module on `databaseUrl` in a child process and waits until it is ready. */
export function startRescoreProcess(databaseUrl: string, poolSize: number): Promise<RescoreProcess> {
  return startMeasured<RescoreOutcome>(__filename, 'rescore', {
    BENCH_RESCORE_DATABASE_URL: databaseUrl,
    BENCH_RESCORE_POOL_SIZE: String(poolSize),
  });
}

if (require.main === module)
  serveMeasured<RescoreOutcome>(async () => {
    const log = (message: string) => process.stderr.write(`[rescore] ${message}\n`);
    const app = await startScoringApp(
      process.env.BENCH_RESCORE_DATABASE_URL ?? '',
      Number(process.env.BENCH_RESCORE_POOL_SIZE),
      log,
    );
    const timeline = instrumentRescore(app);
    return {
      work: async () => {
        const memory = sampleRss();
        timeline.start();
        let ran = 0;
        const rescoreMs = await timed(async () => (ran = await app.get(RescoreWorker).drain()));
        return { ran, rescoreMs, rss: memory.stop(), spans: timeline.spans };
      },
      close: () => app.close(),
    };
  });

// Runs one rescore through the product's RescoreWorker in a process of its own, so that its memory is measured
// from a clean start rather than on top of whatever generating the data left in the benchmark's heap.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

import { RescoreWorker } from '@accord/api/leads/feature';

import { timed } from './load';
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

type ToChild = { type: 'go' };
type FromChild =
  { type: 'ready' } | { type: 'done'; outcome: RescoreOutcome } | { type: 'failed'; message: string };

const ROOT = join(__dirname, '../../..');

/** A booted rescore process, waiting for go(): booting is not part of the measurement. */
export interface RescoreProcess {
  /** Drains the queued runs now, and resolves with the measurements. */
  go(): Promise<RescoreOutcome>;
  stop(): Promise<void>;
}

function nextMessage(child: ChildProcess): Promise<FromChild> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the rescore process exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (message: FromChild) => {
      child.off('exit', onExit);
      resolve(message);
    });
  });
}

async function expect<T extends FromChild['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<FromChild, { type: T }>> {
  const message = await nextMessage(child);
  if (message.type === 'failed') throw new Error(`the rescore process failed: ${message.message}`);
  if (message.type !== type) throw new Error(`the rescore process said ${message.type}, expected ${type}`);
  return message as Extract<FromChild, { type: T }>;
}

/** Starts the product's leads module on `databaseUrl` in a child process and waits until it is ready. */
export async function startRescoreProcess(databaseUrl: string, poolSize: number): Promise<RescoreProcess> {
  // BENCH_CPU_PROFILE_DIR: write a V8 CPU profile of the rescore process there (open it in Chrome DevTools).
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
      BENCH_RESCORE_DATABASE_URL: databaseUrl,
      BENCH_RESCORE_POOL_SIZE: String(poolSize),
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
    await expect(child, 'ready');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    async go() {
      const done = expect(child, 'done');
      child.send({ type: 'go' } satisfies ToChild);
      return (await done).outcome;
    },
    stop,
  };
}

async function child(): Promise<void> {
  const send = (message: FromChild) => process.send?.(message);
  const log = (message: string) => process.stderr.write(`[rescore] ${message}\n`);
  const app = await startScoringApp(
    process.env.BENCH_RESCORE_DATABASE_URL ?? '',
    Number(process.env.BENCH_RESCORE_POOL_SIZE),
    log,
  );
  const timeline = instrumentRescore(app);
  const close = () => void app.close().finally(() => process.exit(0));
  process.once('SIGTERM', close);
  process.on('message', (message: ToChild) => {
    if (message.type !== 'go') return;
    const memory = sampleRss();
    timeline.start();
    let ran = 0;
    timed(async () => (ran = await app.get(RescoreWorker).drain())).then(
      (rescoreMs) =>
        send({ type: 'done', outcome: { ran, rescoreMs, rss: memory.stop(), spans: timeline.spans } }),
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

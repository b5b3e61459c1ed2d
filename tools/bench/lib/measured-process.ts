// A piece of the product booted in a Node process of its own and measured there, so that its memory is counted
// from a clean start rather than on top of whatever generating the data left in the benchmark's heap.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

type FromChild<O> = { type: 'ready' } | { type: 'done'; outcome: O } | { type: 'failed'; message: string };

const ROOT = join(__dirname, '../../..');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PRODUCT_HEAP_ARGS } = require(join(ROOT, 'tools/testing/product-heap.js')) as {
  PRODUCT_HEAP_ARGS: string[];
};

/** A booted process, waiting for go(): booting is not part of the measurement. */
export interface MeasuredProcess<O> {
  /** Runs the measured work now, and resolves with its outcome. */
  go(): Promise<O>;
  stop(): Promise<void>;
}

function next<O>(child: ChildProcess, name: string): Promise<FromChild<O>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the ${name} process exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (message: FromChild<O>) => {
      child.off('exit', onExit);
      resolve(message);
    });
  });
}

async function expectMessage<O, T extends FromChild<O>['type']>(
  child: ChildProcess,
  name: string,
  type: T,
): Promise<Extract<FromChild<O>, { type: T }>> {
  const message = await next<O>(child, name);
  if (message.type === 'failed') throw new Error(`the ${name} process failed: ${message.message}`);
  if (message.type !== type) throw new Error(`the ${name} process said ${message.type}, expected ${type}`);
  return message as Extract<FromChild<O>, { type: T }>;
}

/**
 * Forks `file` (which calls serveMeasured) with `env` added and the product's heap bound, as the product runs
 * everywhere (tools/testing/product-heap.js), and waits until it is ready. BENCH_CPU_PROFILE_DIR:
 * write a V8 CPU profile of the process there (open it in Chrome DevTools).
 */
export async function startMeasured<O>(
  file: string,
  name: string,
  env: Record<string, string>,
): Promise<MeasuredProcess<O>> {
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const child = fork(file, [], {
    cwd: ROOT,
    execArgv: [
      ...PRODUCT_HEAP_ARGS,
      '-r',
      join(ROOT, 'tools/register.js'),
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await expectMessage<O, 'ready'>(child, name, 'ready');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    async go() {
      const done = expectMessage<O, 'done'>(child, name, 'done');
      child.send({ type: 'go' });
      return (await done).outcome;
    },
    stop,
  };
}

/**
 * The child's side: boots, says ready, runs the work when told to go and reports its outcome (or failure), and
 * closes on SIGTERM. Call it from the forked file when it is the main module.
 */
export function serveMeasured<O>(
  boot: () => Promise<{ work: () => Promise<O>; close: () => Promise<void> }>,
): void {
  const send = (message: FromChild<O>, then: () => void = () => undefined) => {
    if (process.send) process.send(message, () => then());
    else then();
  };
  const failed = (error: unknown): FromChild<O> => ({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  });
  boot().then(
    ({ work, close }) => {
      process.once('SIGTERM', () => void close().finally(() => process.exit(0)));
      process.on('message', (message: { type: string }) => {
        if (message.type !== 'go') return;
        work().then(
          (outcome) => send({ type: 'done', outcome }),
          (error: unknown) => send(failed(error)),
        );
      });
      send({ type: 'ready' });
    },
    (error: unknown) => send(failed(error), () => process.exit(1)),
  );
}

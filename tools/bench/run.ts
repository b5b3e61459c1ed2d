// Runs the benchmark scenarios in tools/bench/scenarios (all, or those named on the command line), prints each
// figure beside its same-run baseline and writes bench-results/<scenario>.json.
//   npm run bench -- [scenario ...] [--duration <s>] [--warmup <s>]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

import { formatResult, writeResult } from './lib/report';
import type { BenchContext, BenchOptions, Scenario } from './lib/scenario';

const ROOT = join(__dirname, '../..');
const SCENARIOS_DIR = join(__dirname, 'scenarios');
const RESULTS_DIR = join(ROOT, 'bench-results');
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const MAX_SECONDS = 300;

const USAGE = `usage: npm run bench -- [scenario ...] [--duration <seconds>] [--warmup <seconds>]
  --duration  seconds each measured load runs (default 10)
  --warmup    seconds of unrecorded load before each measurement (default 5)
  DATABASE_URL       PostgreSQL server to benchmark on (default ${DEFAULT_DATABASE_URL})
  DATABASE_POOL_SIZE pool size for the product and the baselines (default 10)`;

class UsageError extends Error {}

function seconds(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isFinite(parsed) || parsed <= 0 || parsed > MAX_SECONDS) {
    throw new UsageError(
      `${flag} needs a number of seconds between 0 and ${MAX_SECONDS}, got ${value ?? 'nothing'}`,
    );
  }
  return parsed;
}

function parseArgs(argv: string[]): { names: string[]; durationSeconds: number; warmupSeconds: number } {
  const names: string[] = [];
  let durationSeconds = 10;
  let warmupSeconds = 5;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    switch (flag) {
      case '--duration':
        durationSeconds = seconds(flag, inline ?? argv[++i]);
        break;
      case '--warmup':
        warmupSeconds = seconds(flag, inline ?? argv[++i]);
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
        names.push(flag);
    }
  }
  return { names, durationSeconds, warmupSeconds };
}

function loadScenarios(): Scenario[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(join(SCENARIOS_DIR, file)) as { scenario?: Scenario };
      if (!module.scenario) throw new Error(`${file} does not export a scenario`);
      return module.scenario;
    });
}

async function serverVersion(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0].server_version;
  } finally {
    await client.end();
  }
}

const cleanups: (() => Promise<void> | void)[] = [];

async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup?.();
    } catch (error) {
      process.stderr.write(`clean-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const all = loadScenarios();
  const unknown = args.names.filter((name) => !all.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown scenario ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`,
    );
  }
  const selected = args.names.length > 0 ? all.filter((scenario) => args.names.includes(scenario.name)) : all;

  // The product's launcher reads DATABASE_URL too, so set the default where it will see it.
  process.env.DATABASE_URL ||= DEFAULT_DATABASE_URL;
  const poolSize = Number(process.env.DATABASE_POOL_SIZE || 10);
  if (!Number.isInteger(poolSize) || poolSize < 1)
    throw new UsageError('DATABASE_POOL_SIZE must be a positive integer');
  const options: BenchOptions = {
    durationSeconds: args.durationSeconds,
    warmupSeconds: args.warmupSeconds,
    databaseUrl: process.env.DATABASE_URL,
    poolSize,
  };
  const databaseVersion = await serverVersion(options.databaseUrl);

  let failed = 0;
  for (const scenario of selected) {
    const context: BenchContext = {
      options,
      defer: (cleanup) => void cleanups.push(cleanup),
      log: (message) => process.stderr.write(`[${scenario.name}] ${message}\n`),
    };
    try {
      const result = await scenario.run(context);
      process.stdout.write(`${formatResult(result)}\n`);
      const file = writeResult(RESULTS_DIR, result, {
        databaseVersion,
        options: { durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds, poolSize },
      });
      context.log(`wrote ${file}`);
    } catch (error) {
      failed++;
      process.stderr.write(
        `${scenario.name}: FAILED — ${error instanceof Error ? error.message : String(error)}\n`,
      );
    } finally {
      await runCleanups();
    }
  }
  return failed > 0 ? 1 : 0;
}

process.once('SIGINT', () => {
  process.stderr.write('interrupted; cleaning up\n');
  void runCleanups().finally(() => process.exit(130));
});

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    await runCleanups();
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  },
);

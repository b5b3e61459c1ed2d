// Seeds a workspace with a generated, coherent history (tools/seed, docs/seed.md).
//   npm run seed -- --leads 5000 [--seed 42] [--months 14] [--now <ISO time>] [--workspace <id> | --demo] [--append]
import { join, resolve } from 'node:path';
import { Client } from 'pg';

import { SeedRefused, seedWorkspace } from '@accord/api/demo-data';
import { startEmbeddedPostgres } from '@accord/api/shared/database';

/** The demo workspace's fixed id (DEMO_WORKSPACE_ID in @accord/api/members/feature). */
const DEMO_WORKSPACE_ID = '00000000-0000-4000-8000-00000000acc0';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const USAGE = `usage: npm run seed -- --leads <n> [--seed <n>] [--months <n>] [--workspace <id> | --demo] [--append]
  --leads      how many leads to generate (1 to 10,000,000)
  --seed       the generator's seed: the same seed gives the same workspace (default 42)
  --months     months of history before now (1 to 60, default 14)
  --now        the moment the history ends (ISO 8601, not in the future; default: now): with the same seed and
               size, the same moment gives the same rows, ids included
  --workspace  the workspace to seed (default: the demo workspace, --demo)
  --append     add to a workspace that already has leads (refused otherwise)
  DATABASE_URL PostgreSQL server (connect as its owner); unset: the embedded database in DATA_DIR (default
               .data) — stop \`npm start\` first, PGlite serves one process`;

class UsageError extends Error {}

interface Args {
  leads: number;
  seed: number;
  months: number;
  workspaceId: string;
  append: boolean;
  now: Date;
}

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isInteger(parsed) || parsed < min || parsed > max)
    throw new UsageError(`${flag} needs a whole number from ${min} to ${max}, got ${value ?? 'nothing'}`);
  return parsed;
}

function parseArgs(argv: string[]): Args {
  const args: Partial<Args> = {
    seed: 42,
    months: 14,
    workspaceId: DEMO_WORKSPACE_ID,
    append: false,
    now: new Date(),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--leads':
        args.leads = integer(flag, value(), 1, 10_000_000);
        break;
      case '--seed':
        args.seed = integer(flag, value(), 0, 2 ** 32 - 1);
        break;
      case '--months':
        args.months = integer(flag, value(), 1, 60);
        break;
      case '--workspace': {
        const id = value();
        if (!id || !UUID.test(id))
          throw new UsageError(`--workspace needs a workspace id, got ${id ?? 'nothing'}`);
        args.workspaceId = id;
        break;
      }
      case '--now': {
        const text = value();
        const at = new Date(text ?? '');
        if (!text || !/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(at.getTime()) || at > new Date())
          throw new UsageError(
            `--now needs an ISO 8601 time that is not in the future, got ${text ?? 'nothing'}`,
          );
        args.now = at;
        break;
      }
      case '--demo':
        args.workspaceId = DEMO_WORKSPACE_ID;
        break;
      case '--append':
        args.append = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new UsageError(`unknown argument ${flag}`);
    }
  }
  if (args.leads === undefined) throw new UsageError('--leads is required');
  return args as Args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const embedded = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres(join(resolve(process.env.DATA_DIR || '.data'), 'postgres'));
  const client = new Client({ connectionString: process.env.DATABASE_URL || embedded?.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const started = Date.now();
    const result = await seedWorkspace(client, {
      ...args,
      copy: embedded === null,
      onProgress: (written, total) =>
        process.stderr.write(
          `\r  ${written.toLocaleString('en')} of ${total.toLocaleString('en')} leads, ${((Date.now() - started) / 1000).toFixed(0)} s, ${Math.round(process.memoryUsage().rss / 1e6)} MB resident`,
        ),
    });
    await client.query('COMMIT');
    process.stderr.write('\n');
    if (result.backdated)
      process.stdout.write(
        `Moved v${result.backdated.number} into force from ${result.backdated.to.toISOString()} (was ${result.backdated.from.toISOString()}), so that it scores the whole history.\n`,
      );
    const rows = Object.entries(result.counts).map(
      ([table, count]) => `  ${table.padEnd(24)} ${count.toLocaleString('en').padStart(12)}`,
    );
    process.stdout.write(
      `Seeded workspace ${args.workspaceId} in ${result.seconds.toFixed(1)} s:\n${rows.join('\n')}\n`,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof UsageError) process.stderr.write(`${USAGE}\n`);
  process.exit(error instanceof UsageError || error instanceof SeedRefused ? 2 : 1);
});

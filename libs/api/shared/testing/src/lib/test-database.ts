import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

import { MIGRATIONS, runMigrations } from '@accord/api/shared/database';

export interface TestDatabase {
  url: string;
  /** True on the embedded PostgreSQL: one backend, which accepts one connection at a time. */
  embedded: boolean;
  drop(): Promise<void>;
}

const ROOT = join(__dirname, '../../../../../..');

/** Starts tools/testing/embedded-server.ts in a child process and resolves with its URL. */
function startEmbeddedServer(): Promise<TestDatabase> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './tools/register.js', 'tools/testing/embedded-server.ts'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let buffer = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      const url = buffer.slice(0, newline).trim();
      resolve({
        url,
        embedded: true,
        drop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.stdin.end();
          }),
      });
    });
  });
}

/** The server tests run against: DATABASE_URL when set, otherwise an embedded PostgreSQL per test file. */
export function testServerUrl(): string | undefined {
  return process.env['DATABASE_URL'] || undefined;
}

/**
 * Template name changes whenever the migration list does — or a migration's own code, edited before it lands — so a
 * stale template is never reused: templates outlive a run on the machine's shared server.
 */
export function templateName(): string {
  const names = MIGRATIONS.map(
    (migration) =>
      `${migration.name}:${migration.prototype.up.toString()}:${migration.prototype.down.toString()}`,
  ).join(',');
  let hash = 0;
  for (const char of names) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return `accord_template_${(hash >>> 0).toString(16)}`;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs the migrations once into a template database (jest globalSetup calls this), so that each test file can
 * clone it in milliseconds instead of migrating again.
 */
export async function prepareTemplate(serverUrl: string): Promise<void> {
  const template = templateName();
  const exists = await admin(serverUrl, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    return result.rowCount === 1;
  });
  if (exists) return;
  const building = `${template}_build_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${building}`));
  await runMigrations(withDatabase(serverUrl, building));
  await admin(serverUrl, async (client) => {
    try {
      await client.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } catch {
      // Another run built the same template at the same moment; theirs is as good as ours.
      await client.query(`DROP DATABASE IF EXISTS ${building}`);
    }
  });
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  if (!serverUrl) {
    const embedded = await startEmbeddedServer();
    await runMigrations(embedded.url);
    return embedded;
  }
  await prepareTemplate(serverUrl);
  const name = `accord_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`));
  return {
    url: withDatabase(serverUrl, name),
    embedded: false,
    drop: () =>
      admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

import { randomBytes, randomUUID } from 'node:crypto';
import { Client, type ClientBase } from 'pg';

import { runMigrations } from '@accord/api/shared/database';
import { starterAgreement } from '@accord/domain/agreement';

/** A database of its own on the benchmark server, migrated with the product's migrations. */
export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a fresh database on `serverUrl` and runs every migration in it, as the product does on start. */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `accord_bench_${randomBytes(5).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const drop = () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    await runMigrations(url);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}

/** A workspace with its three members and one published agreement version. */
export interface BenchWorkspace {
  workspaceId: string;
  marketingId: string;
  salesId: string;
  adminId: string;
  versionId: string;
}

/**
 * Inserts, as the superuser, a workspace, a marketer, a seller and an admin, and version 1 of the agreement —
 * the starter document routing to the seller — published and in force since a minute ago.
 */
export async function createPublishedWorkspace(client: ClientBase): Promise<BenchWorkspace> {
  const workspace: BenchWorkspace = {
    workspaceId: randomUUID(),
    marketingId: randomUUID(),
    salesId: randomUUID(),
    adminId: randomUUID(),
    versionId: randomUUID(),
  };
  const { workspaceId } = workspace;
  await client.query(`INSERT INTO workspaces (id, name, time_zone) VALUES ($1, 'Bench Co', 'UTC')`, [
    workspaceId,
  ]);
  const members: [string, string, string[]][] = [
    [workspace.marketingId, 'marketing', ['MARKETING']],
    [workspace.salesId, 'sales', ['SALES']],
    [workspace.adminId, 'admin', ['ADMIN']],
  ];
  for (const [id, name, roles] of members) {
    await client.query(
      `INSERT INTO members (workspace_id, id, email, name, roles, approver, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE')`,
      [workspaceId, id, `${name}@bench.example`, name, roles, !roles.includes('ADMIN')],
    );
  }
  await client.query(
    `INSERT INTO agreement_versions
       (workspace_id, id, number, status, revision, document, effective_at, published_at, created_by_id, updated_by_id)
     VALUES ($1, $2, 1, 'PUBLISHED', 1, $3, now() - interval '1 minute', now() - interval '1 minute', $4, $4)`,
    [
      workspaceId,
      workspace.versionId,
      JSON.stringify(starterAgreement([workspace.salesId])),
      workspace.marketingId,
    ],
  );
  return workspace;
}

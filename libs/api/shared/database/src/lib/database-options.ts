import { DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from './migrations';
import { APP_ROLE } from './tenant-db';

export interface DatabaseSettings {
  url: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** Waiting longer than this for a pooled connection fails the request (503) instead of hanging. */
  connectTimeoutMs?: number;
  /** The server ends a session idle inside a transaction this long; default: twice the statement timeout. */
  idleInTransactionTimeoutMs?: number;
  /** PGlite serves one backend; its wire server accepts startup options but one connection at a time. */
  embedded: boolean;
  /** Transactions one workspace may run at once in this process; default: half the pool, rounded up. */
  connectionsPerWorkspace?: number;
}

/** How long the server lets a session sit idle inside a transaction; default: twice the statement timeout. */
export function idleInTransactionTimeoutMs(settings: DatabaseSettings): number {
  return settings.idleInTransactionTimeoutMs ?? settings.statementTimeoutMs * 2;
}

/** The share of the pool one workspace may hold at once (WorkspaceShares). */
export function connectionsPerWorkspace(settings: DatabaseSettings): number {
  return settings.connectionsPerWorkspace || Math.ceil(settings.poolSize / 2);
}

/**
 * No JIT compilation in Accord's sessions. PostgreSQL compiles a statement whose estimated cost passes
 * `jit_above_cost` (100,000 by default), and with full optimisation past 500,000 — as a batch of 10,000 signals
 * estimates when it is planned for its real size (a session's first executions of a prepared statement): EXPLAIN
 * ANALYZE of accord_store_signals with 10,000 events took 490 ms with JIT and 135 ms without. Accord's statements
 * are index probes and batched writes, none of them the long CPU-bound scan that compiling repays.
 */
export const SESSION_WITHOUT_JIT = '-c jit=off';

/**
 * Options for the application's pool. Every session starts as the application role, with server-side
 * timeouts, so a forgotten transaction or a runaway query cannot hold the database.
 */
export function appDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const serverOptions = [
    `-c role=${APP_ROLE}`,
    SESSION_WITHOUT_JIT,
    `-c statement_timeout=${settings.statementTimeoutMs}`,
    `-c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs(settings)}`,
  ].join(' ');
  return {
    type: 'postgres',
    url: settings.url,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: settings.embedded ? 1 : settings.poolSize,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      ...(settings.embedded ? {} : { options: serverOptions }),
      application_name: 'accord-api',
    },
  };
}

/** Options for the owner's connection, which runs migrations; never used to serve requests. */
export function migrationDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    logging: false,
    extra: { max: 1, application_name: 'accord-migrate' },
  };
}

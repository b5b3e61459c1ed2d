import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

import { type DatabaseSettings, SESSION_WITHOUT_JIT, idleInTransactionTimeoutMs } from './database-options';

/**
 * Connections as the schema owner, for the few background jobs that need what the application role may not do:
 * bulk COPY into a new partition, and attaching or dropping it. Never used to serve a request. Work still runs
 * with the workspace setting, because the tenant tables force row-level security on their owner.
 *
 * On a real server this is a small pool of its own. The embedded PostgreSQL has a single backend whose wire
 * server interleaves connections' queries, so there jobs borrow the application's one pooled connection
 * (which is the owner there: tenant transactions switch role themselves) and must not hold two at once —
 * `concurrent` tells them which.
 */
@Injectable()
export class OwnerDb implements OnApplicationShutdown {
  private readonly logger = new Logger(OwnerDb.name);
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  readonly concurrent: boolean;

  constructor(settings: DatabaseSettings, dataSource: DataSource) {
    this.concurrent = !settings.embedded;
    this.ownsPool = !settings.embedded;
    this.pool = settings.embedded
      ? (dataSource.driver as unknown as { master: Pool }).master
      : new Pool({
          connectionString: settings.url,
          max: 2,
          application_name: 'accord-jobs',
          // No statement timeout: a job's COPY or VACUUM may rightly run for minutes. A transaction left idle
          // is still ended, so a stuck job cannot hold its locks.
          options: `${SESSION_WITHOUT_JIT} -c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs(settings)}`,
          connectionTimeoutMillis: settings.connectTimeoutMs ?? 5_000,
        });
    // An idle connection the server drops (a restart, an administrator) emits 'error' on the pool; without a
    // listener that would end the process. The pool discards the connection and opens a new one when asked.
    if (this.ownsPool)
      this.pool.on('error', (error) => this.logger.warn(`idle owner connection lost: ${error.message}`));
  }

  async inWorkspace<T>(workspaceId: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.workspace_id', $1, true)`, [workspaceId]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Runs one maintenance statement that only the owner may run and that must not run in a transaction, such as
   * `VACUUM (ANALYZE) table` after a job rewrote much of it (autovacuum would get there, but later).
   */
  async maintain(statement: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query(statement);
    } finally {
      client.release();
    }
  }

  /** A connection outside any transaction, for a COPY that streams alongside another; release it after. */
  client(): Promise<PoolClient> {
    if (!this.concurrent) throw new Error('the embedded database serves one connection at a time');
    return this.pool.connect();
  }

  /** After the jobs' passes end (they wait in beforeApplicationShutdown), never while one still runs. */
  async onApplicationShutdown(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}

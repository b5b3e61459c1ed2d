import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';

import type { DatabaseSettings } from './database-options';

/**
 * A small pool connected as the schema owner, for the few background jobs that need what the application role
 * may not do: bulk COPY into a new partition, and attaching or dropping it. Never used to serve a request.
 * Work still runs with the workspace setting, because the tenant tables force row-level security on their owner.
 */
@Injectable()
export class OwnerDb implements OnModuleDestroy {
  private readonly pool: Pool;

  constructor(settings: DatabaseSettings) {
    this.pool = new Pool({ connectionString: settings.url, max: 2, application_name: 'accord-jobs' });
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

  /** A connection outside any transaction, for a COPY that streams alongside another; release it after. */
  client(): Promise<PoolClient> {
    return this.pool.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}

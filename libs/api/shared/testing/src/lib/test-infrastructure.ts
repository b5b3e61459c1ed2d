import type { DynamicModule } from '@nestjs/common';

import { ConfigModule, loadConfig } from '@accord/api/shared/config';
import { DatabaseModule } from '@accord/api/shared/database';

import type { TestDatabase } from './test-database';

/**
 * The configuration and database modules of an integration test's Nest module: no demo seed, no background polls
 * (tests drain the jobs they need), a small pool on the test's database and a 20 s statement timeout.
 */
export function testInfrastructure(
  database: TestDatabase,
  options: { poolSize?: number; statementTimeoutMs?: number; env?: Record<string, string> } = {},
): DynamicModule[] {
  return [
    ConfigModule.forRoot(loadConfig({ SEED_DEMO: 'false', JOBS_POLL_MS: '0', ...options.env })),
    DatabaseModule.forRoot({
      url: database.url,
      poolSize: options.poolSize ?? 4,
      statementTimeoutMs: options.statementTimeoutMs ?? 20_000,
      embedded: database.embedded,
    }),
  ];
}

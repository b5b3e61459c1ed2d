import type { DynamicModule, ModuleMetadata } from '@nestjs/common';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';

import { Clock, ConfigModule, loadConfig } from '@accord/api/shared/config';
import { DatabaseModule } from '@accord/api/shared/database';

import type { TestDatabase } from './test-database';

export interface TestInfrastructureOptions {
  poolSize?: number;
  statementTimeoutMs?: number;
  env?: Record<string, string>;
}

/**
 * The configuration and database modules of an integration test's Nest module: no demo seed, no background polls
 * (tests drain the jobs they need), a small pool on the test's database and a 20 s statement timeout.
 */
export function testInfrastructure(
  database: TestDatabase,
  options: TestInfrastructureOptions = {},
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

/**
 * A testing module of these feature modules on the test's database (with `testInfrastructure`), its time given by
 * `clock`; compile it, or override more providers first.
 */
export function testModule(
  database: TestDatabase,
  clock: Clock,
  imports: NonNullable<ModuleMetadata['imports']>,
  options: TestInfrastructureOptions = {},
): TestingModuleBuilder {
  return Test.createTestingModule({ imports: [...testInfrastructure(database, options), ...imports] })
    .overrideProvider(Clock)
    .useValue(clock);
}

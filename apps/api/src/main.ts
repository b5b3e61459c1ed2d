import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { join, resolve } from 'node:path';
import 'reflect-metadata';

import { MAX_NDJSON_BODY, NDJSON_TYPE } from '@accord/api/leads/feature';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '@accord/api/members/feature';
import { ConfigError, loadConfig } from '@accord/api/shared/config';
import { EmbeddedPostgres, runMigrations, startEmbeddedPostgres } from '@accord/api/shared/database';
import { createValidationPipe } from '@accord/api/shared/graphql';

import { AppModule } from './app.module';
import { seedDemo } from './demo';
import { serveWebApp } from './web-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  let embedded: EmbeddedPostgres | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(join(resolve(config.DATA_DIR), 'postgres'));
    databaseUrl = embedded.url;
  }
  await runMigrations(databaseUrl);

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, {
      url: databaseUrl,
      poolSize: config.DATABASE_POOL_SIZE,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      embedded: embedded !== null,
    }),
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '1mb' });
  // Bulk signals arrive as NDJSON, one event per line; larger than a JSON request, still bounded.
  app.useBodyParser('text', { type: NDJSON_TYPE, limit: MAX_NDJSON_BODY });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  // API answers are not cached by validators: computing an ETag would hash every response body for nothing.
  app.set('etag', false);
  const servesWeb = serveWebApp(app, config.WEB_DIST);

  const seeded = config.SEED_DEMO ? await seedDemo(app) : false;
  await app.listen(config.PORT, config.HOST);

  const stopEmbedded = async () => embedded?.stop();
  process.once('beforeExit', () => void stopEmbedded());

  const lines = [
    '',
    `  Accord is running at ${config.publicUrl}`,
    `  Database: ${embedded ? `embedded PostgreSQL (PGlite) in ${resolve(config.DATA_DIR)}` : 'DATABASE_URL'}`,
    servesWeb
      ? '  Web app: served from the same port'
      : `  Web app: no build found in ${config.WEB_DIST} (API only)`,
  ];
  if (config.SEED_DEMO) {
    lines.push(
      `  Demo workspace ${seeded ? 'created' : 'already present'}; sign in with password "${DEMO_PASSWORD}" as:`,
    );
    for (const member of DEMO_MEMBERS)
      lines.push(`    ${member.email.padEnd(28)} ${member.roles.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Accord failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});

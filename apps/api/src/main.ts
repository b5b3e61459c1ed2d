import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join, resolve } from 'node:path';
import 'reflect-metadata';

import { DEMO_MEMBERS, DEMO_PASSWORD } from '@accord/api/members/feature';
import { ConfigError, loadConfig } from '@accord/api/shared/config';
import { EmbeddedPostgres, runMigrations, startEmbeddedPostgres } from '@accord/api/shared/database';

import { AppModule, databaseSettings } from './app.module';
import { configureApp } from './configure-app';
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
    AppModule.forRoot(config, databaseSettings(config, databaseUrl, embedded !== null)),
    { bufferLogs: true, bodyParser: false },
  );
  configureApp(app);
  // Nest's shutdown hooks close the server (in-flight requests finish), let job passes end and close the pools;
  // should any of that hang, the process still exits within the grace period the orchestrator allows.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`Accord: shutdown took longer than ${config.SHUTDOWN_GRACE_MS} ms; exiting\n`);
        process.exit(1);
      }, config.SHUTDOWN_GRACE_MS).unref();
    });
  }
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

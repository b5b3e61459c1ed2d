import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';

import { TokenService } from '@accord/api/shared/auth';
import { loadConfig } from '@accord/api/shared/config';
import { TestDatabase, TestMember, createTeam, createTestDatabase } from '@accord/api/shared/testing';

import { AppModule, databaseSettings } from '../app.module';
import { configureApp } from '../configure-app';

export interface BootedApp {
  app: NestExpressApplication;
  baseUrl: string;
  database: TestDatabase;
  /** Closes the app (as SIGTERM would) and drops the database unless it was given. */
  stop(): Promise<void>;
}

/** A production-like secret, so tests can boot with NODE_ENV=production. */
export const TEST_JWT_SECRET = 'hardening-tests-secret-0123456789abcdef';

/**
 * The whole product (AppModule with main.ts's settings) on a free port over real HTTP, on a fresh database or the
 * one given; `env` is read as the process environment would be, so tests set small limits the way operators do.
 */
export async function bootApp(
  env: Record<string, string> = {},
  given?: { url: string; embedded: boolean },
): Promise<BootedApp> {
  const database: TestDatabase = given
    ? { ...given, drop: () => Promise.resolve() }
    : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    JOBS_POLL_MS: '0',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    WEB_DIST: '',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, databaseSettings(config, database.url, database.embedded)),
    { bodyParser: false, logger: false, abortOnError: false },
  );
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  let stopped = false;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    stop: async () => {
      if (!stopped) await app.close();
      stopped = true;
      await database.drop();
    },
  };
}

/** A workspace with the given members, and an access token for each. */
export async function teamWithTokens<K extends string>(
  booted: BootedApp,
  members: Record<K, { name: string; roles: TestMember['roles'] }>,
): Promise<{ workspaceId: string } & Record<K, TestMember & { token: string }>> {
  const team = await createTeam(booted.app, members);
  const tokens = booted.app.get(TokenService);
  const result = { workspaceId: team.workspaceId } as { workspaceId: string } & Record<
    K,
    TestMember & { token: string }
  >;
  for (const key of Object.keys(members) as K[]) {
    const member = team[key];
    (result as Record<K, TestMember & { token: string }>)[key] = {
      ...member,
      token: (await tokens.issue(member)).accessToken,
    };
  }
  return result;
}

export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** POSTs one GraphQL operation and returns status, headers and the parsed body. */
export async function gql<T = { data?: Record<string, unknown> | null; errors?: GqlError[] }>(
  baseUrl: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

export interface GqlError {
  message: string;
  extensions?: Record<string, unknown> & { code?: string };
}

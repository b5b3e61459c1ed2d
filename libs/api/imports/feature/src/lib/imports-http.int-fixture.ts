import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The imports score leads under a published agreement, so the tests run the real agreement lifecycle.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule } from '@accord/api/agreements/feature';
import { SharedAuthModule, TokenService } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { GraphqlSetupModule, createValidationPipe } from '@accord/api/shared/graphql';
import { TestDatabase, TestMember, testModule } from '@accord/api/shared/testing';

import { ImportsModule } from './imports.module';
import { DEFAULT_IMPORT_LIMITS, IMPORT_LIMITS, type ImportLimits } from './imports.service';

type ModuleImport = NonNullable<Parameters<typeof Test.createTestingModule>[0]['imports']>[number];

/** The imports over HTTP on a free port of 127.0.0.1: authentication, the validation pipe, the test's clock. */
export interface ImportsHttpApp {
  app: INestApplication;
  base: string;
  /** POSTs a CSV (text, bytes in some encoding, or a stream) to /api/v1/imports/<path> as the member. */
  upload(
    member: TestMember,
    path: string,
    body: string | Uint8Array | ReadableStream<Uint8Array>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  token(member: TestMember): Promise<string>;
}

/** Starts it with the members module the test needs and, optionally, other modules and smaller limits. */
export async function startImportsHttpApp(
  database: TestDatabase,
  clock: Clock,
  options: { modules: ModuleImport[]; limits?: Partial<ImportLimits> },
): Promise<ImportsHttpApp> {
  const moduleRef = await testModule(
    database,
    clock,
    [
      GraphqlSetupModule.forRoot({ production: false }),
      SharedAuthModule,
      AgreementsModule,
      ImportsModule,
      ...options.modules,
    ],
    { poolSize: 6 },
  )
    .overrideProvider(IMPORT_LIMITS)
    .useValue({ ...DEFAULT_IMPORT_LIMITS, ...options.limits })
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.useGlobalPipes(createValidationPipe());
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const token = async (member: TestMember) => (await app.get(TokenService).issue(member)).accessToken;
  return {
    app,
    base,
    token,
    async upload(member, path, body, headers = {}) {
      // A stream body needs duplex: 'half', which Node's fetch takes but the DOM RequestInit type does not name.
      const init: RequestInit & { duplex?: 'half' } = {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${await token(member)}`, ...headers },
        // Node's fetch sends bytes as they are; the DOM's BodyInit type leaves typed arrays out.
        body: body as BodyInit,
        ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
      };
      const response = await fetch(`${base}/api/v1/imports/${path}`, init);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

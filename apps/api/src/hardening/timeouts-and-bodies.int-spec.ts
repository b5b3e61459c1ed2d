import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

import { OwnerDb, TenantDb } from '@accord/api/shared/database';

import { BootedApp, bootApp, gql, teamWithTokens } from './boot.int-fixture';

describe('request bodies over HTTP', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });

  afterAll(async () => {
    await booted.stop();
  });

  /** A new workspace's API key, good for the machine routes. */
  async function apiKey(): Promise<string> {
    const team = await teamWithTokens(booted, { admin: { name: 'Ada', roles: ['ADMIN'] } });
    const created = await gql<{ data: { createApiKey: { secret: string } } }>(
      booted.baseUrl,
      'mutation { createApiKey(name: "bulk") { secret } }',
      { token: team.admin.token },
    );
    return created.body.data.createApiKey.secret;
  }

  async function post(path: string, bytes: number, key = 'not-a-key') {
    const response = await fetch(`${booted.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(bytes)}` }),
    });
    const text = await response.text();
    return [
      response.status,
      response.headers.get('content-type')?.split(';')[0],
      JSON.parse(text) as unknown,
    ];
  }

  it('answers a JSON body over 1 MB with 413 naming the limit, on GraphQL and on REST', async () => {
    const refusal = {
      error: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the limit of 1048576 bytes.',
    };
    expect(await post('/graphql', 1_100_000)).toEqual([413, 'application/json', refusal]);
    const key = await apiKey();
    expect(await post('/api/v1/signals', 1_100_000, key)).toEqual([413, 'application/json', refusal]);
    expect(await post('/api/v1/leads', 1_100_000, key)).toEqual([413, 'application/json', refusal]);
  });

  it('answers a wrong key on the machine routes with 401 before saying their body is unreadable or too large', async () => {
    const unauthenticated = [401, 'application/json', expect.objectContaining({ error: 'UNAUTHENTICATED' })];
    expect(await post('/api/v1/signals', 1_100_000)).toEqual(unauthenticated);
    expect(await post('/api/v1/leads', 1_100_000)).toEqual(unauthenticated);
    const key = await apiKey();
    for (const route of ['/api/v1/signals', '/api/v1/leads']) {
      const malformed = (authorization: string) =>
        fetch(`${booted.baseUrl}${route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: '{"email": ',
        }).then(async (response) => [response.status, ((await response.json()) as { error: string }).error]);
      expect(await malformed('Bearer not-a-key')).toEqual([401, 'UNAUTHENTICATED']);
      expect(await malformed(`Bearer ${key}`)).toEqual([400, 'BAD_USER_INPUT']);
    }
  });

  async function postNdjson(path: string, body: string, key = 'not-a-key') {
    const response = await fetch(`${booted.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}` },
      body,
    });
    return [response.status, ((await response.json()) as { error?: string }).error];
  }

  it('counts NDJSON events before parsing any: millions of tiny lines are refused whole with 413', async () => {
    const key = await apiKey();
    // 4 MB of "{}" lines, within the 10 MB limit: parsed first, they would be 2,000,000 objects held at once.
    const parse = jest.spyOn(JSON, 'parse');
    try {
      expect(await postNdjson('/api/v1/signals', '{}\n'.repeat(2_000_000), key)).toEqual([
        413,
        'PAYLOAD_TOO_LARGE',
      ]);
      // A wrong key is told so first, still without parsing a line.
      expect(await postNdjson('/api/v1/signals', '{}\n'.repeat(2_000_000))).toEqual([401, 'UNAUTHENTICATED']);
      expect(parse.mock.calls.length).toBeLessThan(100);
    } finally {
      parse.mockRestore();
    }
  });

  it('reads an NDJSON body on the signals route only: elsewhere it is not taken in', async () => {
    // Over the signals route's 10 MB limit: a route that read NDJSON would answer 413 after reading it.
    const [status] = await postNdjson('/graphql', '{"query":"{ __typename }"}\n'.repeat(400_000));
    expect(status).toBe(400);
  });

  it('accepts a JSON body just under 1 MB', async () => {
    const [status] = await post('/graphql', 1_000_000);
    expect(status).not.toBe(413);
  });

  it('answers malformed JSON with 400 in the same shape', async () => {
    const response = await fetch(`${booted.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect([response.status, await response.json()]).toEqual([
      400,
      { error: 'BAD_USER_INPUT', message: 'The request body is not valid JSON.' },
    ]);
  });

  it('sends the security headers on every answer, and the content security policy beside /graphql', async () => {
    const health = await fetch(`${booted.baseUrl}/health`);
    expect({
      nosniff: health.headers.get('x-content-type-options'),
      frame: health.headers.get('x-frame-options'),
      poweredBy: health.headers.get('x-powered-by'),
      referrer: health.headers.get('referrer-policy'),
    }).toEqual({ nosniff: 'nosniff', frame: 'DENY', poweredBy: null, referrer: 'no-referrer' });
    const policy = health.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    const graphql = await fetch(`${booted.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect([graphql.headers.get('content-security-policy'), graphql.headers.get('x-frame-options')]).toEqual([
      null,
      'DENY',
    ]);
  });

  it('says what to send instead when the JSON is a bare value, or when a CSV import arrives as JSON', async () => {
    const key = await apiKey();
    const answer = async (path: string, body: string) => {
      const response = await fetch(`${booted.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body,
      });
      return [response.status, ((await response.json()) as { message: string }).message];
    };
    expect(await answer('/graphql', 'null')).toEqual([
      400,
      'The request body must be a JSON object or array.',
    ]);
    expect(await answer('/api/v1/signals', '42')).toEqual([
      400,
      'The request body must be an event object or an array of events.',
    ]);
    expect(await answer('/api/v1/imports/leads', 'email\nana@acme.com\n')).toEqual([
      400,
      "An import's file is the raw request body, sent with Content-Type: text/csv, not as JSON.",
    ]);
  });
});

describe('statement_timeout, on the server', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ DATABASE_STATEMENT_TIMEOUT_MS: '300' });
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('has the server cancel a statement past statement_timeout', async () => {
    if (booted.database.embedded) return; // PGlite's wire server takes no startup options
    const tenantDb = booted.app.get(TenantDb);
    const setting = await tenantDb.run({}, (manager) => manager.query('SHOW statement_timeout'));
    const started = Date.now();
    const error = await tenantDb
      .run({}, (manager) => manager.query('SELECT pg_sleep(10)'))
      .catch((e: unknown) => e);
    expect([setting, (error as { driverError?: { code?: string } }).driverError?.code]).toEqual([
      [{ statement_timeout: '300ms' }],
      '57014', // query_canceled, by the server
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('compiles no statement: both pools run their sessions without JIT', async () => {
    if (booted.database.embedded) return;
    const requests = await booted.app.get(TenantDb).run({}, (manager) => manager.query('SHOW jit'));
    const jobs = await booted.app
      .get(OwnerDb)
      .inWorkspace(randomUUID(), async (client) => (await client.query('SHOW jit')).rows);
    expect([requests, jobs]).toEqual([[{ jit: 'off' }], [{ jit: 'off' }]]);
  });

  it("ends a jobs' transaction left idle too, but lets a job's statement run for as long as it needs", async () => {
    if (booted.database.embedded) return;
    const settings = await booted.app.get(OwnerDb).inWorkspace(
      randomUUID(),
      async (client) =>
        (
          await client.query(`SELECT current_setting('idle_in_transaction_session_timeout') AS idle,
                                      current_setting('statement_timeout') AS statement`)
        ).rows,
    );
    // DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS, as for requests (its default: a minute).
    expect(settings).toEqual([{ idle: '1min', statement: '0' }]);
  });
});

describe('idle_in_transaction_session_timeout, on the server', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('has the server end a session left idle in a transaction, and the pool carries on', async () => {
    if (booted.database.embedded) return;
    const pool = (booted.app.get(DataSource).driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    const lost: Error[] = [];
    client.on('error', (error) => lost.push(error));
    let error: unknown;
    try {
      await client.query('BEGIN');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      error = await client.query('SELECT 1').catch((e: unknown) => e);
    } finally {
      client.release(true);
    }
    // The server said why before it closed the session (25P03); the client then finds the connection gone.
    expect([...lost, error].map((e) => (e as Error)?.message).join(' | ')).toMatch(
      /idle-in-transaction timeout|Connection terminated/,
    );
    const health = await fetch(`${booted.baseUrl}/health`);
    expect(health.status).toBe(200);
  });
});

describe('waiting for a pooled connection', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ DATABASE_POOL_SIZE: '1', DATABASE_CONNECT_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    await booted.stop();
  });

  it('fails fast with a retryable 503 when every connection is taken', async () => {
    if (booted.database.embedded) return;
    const team = await teamWithTokens(booted, { ada: { name: 'Ada', roles: ['ADMIN'] } });
    const held = booted.app.get(DataSource).createQueryRunner();
    await held.connect(); // the pool's only connection
    try {
      const started = Date.now();
      const result = await gql(booted.baseUrl, '{ viewer { member { id } } }', { token: team.ada.token });
      expect([
        result.status,
        result.headers.get('retry-after'),
        result.body.errors?.map((error) => [error.extensions?.code, error.message]),
      ]).toEqual([
        503,
        '2',
        [['SERVICE_UNAVAILABLE', 'The database is unavailable for a moment; retry in 2 seconds.']],
      ]);
      // Without the acquire timeout the request would wait for as long as the connection is held.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await held.release();
    }
    const after = await gql(booted.baseUrl, '{ viewer { member { id } } }', { token: team.ada.token });
    expect(after.status).toBe(200);
  });
});

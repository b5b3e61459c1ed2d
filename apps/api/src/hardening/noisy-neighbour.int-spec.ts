import { TenantDb } from '@accord/api/shared/database';

import { BootedApp, bootApp, gql, teamWithTokens } from './boot.int-fixture';

const VIEWER = '{ viewer { member { id } } }';

/**
 * One workspace keeping every transaction it may have busy (slow statements standing in for a flood of bulk
 * requests) while another uses the product. The pool has four connections and each workspace a share of two.
 */
describe('a noisy workspace and a quiet one on the same replica', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({
      DATABASE_POOL_SIZE: '4',
      DATABASE_CONNECTIONS_PER_WORKSPACE: '2',
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      RATE_LIMIT_MEMBER: '100000',
    });
  });

  afterAll(async () => {
    await booted.stop();
  });

  // Checks the per-workspace share of the pool: without it the noisy workspace's four transactions take all four
  // connections, and the quiet workspace's request waits past the connection timeout and gets a 503.
  it("keeps connections for the quiet workspace, and makes the noisy one's extra requests wait their turn", async () => {
    if (booted.database.embedded) return; // one connection: no pool to share
    const noisy = await teamWithTokens(booted, { admin: { name: 'Noisy', roles: ['ADMIN'] } });
    const quiet = await teamWithTokens(booted, { admin: { name: 'Quiet', roles: ['ADMIN'] } });
    const tenantDb = booted.app.get(TenantDb);

    let firstNoisyDone = Number.POSITIVE_INFINITY;
    const flood = Array.from({ length: 4 }, () =>
      tenantDb
        .inWorkspace(noisy.workspaceId, (manager) => manager.query('SELECT pg_sleep(0.8)'))
        .then(() => (firstNoisyDone = Math.min(firstNoisyDone, Date.now()))),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));

    const quietAnswer = await gql(booted.baseUrl, VIEWER, { token: quiet.admin.token });
    const quietAnsweredAt = Date.now();
    expect(quietAnswer.status).toBe(200);
    expect(quietAnswer.body.errors).toBeUndefined();

    // The noisy workspace's own request waits behind its two running and two queued transactions, then is told
    // to come back: 503 with Retry-After, as when the database itself is out of connections.
    const noisyAnswer = await gql(booted.baseUrl, VIEWER, { token: noisy.admin.token });
    expect(noisyAnswer.status).toBe(503);
    expect(noisyAnswer.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(noisyAnswer.headers.get('retry-after'))).toBeGreaterThan(0);

    await Promise.all(flood);
    expect(quietAnsweredAt).toBeLessThan(firstNoisyDone);
    expect((await gql(booted.baseUrl, VIEWER, { token: noisy.admin.token })).status).toBe(200);
  });
});

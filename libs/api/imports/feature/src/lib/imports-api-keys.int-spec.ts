import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { ApiKeysRepository, hashApiKey, newApiKeySecret } from '@accord/api/leads/data-access';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { TenantDb } from '@accord/api/shared/database';
import {
  FrozenClock,
  TestDatabase,
  TestMember,
  TestTeam,
  createTeam,
  createTestDatabase,
} from '@accord/api/shared/testing';

import { ImportsHttpApp, startImportsHttpApp } from './imports-http.int-fixture';

type Team = TestTeam<'admin' | 'marketing'>;

describe('CSV imports with an API key an admin allowed to import, over HTTP on PostgreSQL', () => {
  let database: TestDatabase;
  let http: ImportsHttpApp;
  let app: INestApplication;
  const clock = new FrozenClock();

  const newTeam = (): Promise<Team> =>
    createTeam(app, {
      admin: { name: 'ada', roles: ['ADMIN'], approver: true },
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
    });

  /** A key of the member's workspace, created by them, as createApiKey stores one; its secret. */
  async function newKey(
    member: TestMember,
    options: { imports: boolean; revoked?: boolean },
  ): Promise<string> {
    const secret = newApiKeySecret();
    await app.get(TenantDb).inWorkspace(member.workspaceId, async (manager) => {
      const keys = app.get(ApiKeysRepository);
      const key = await keys.insert(manager, {
        workspaceId: member.workspaceId,
        id: randomUUID(),
        name: 'Nightly CRM export',
        prefix: secret.slice(0, 10),
        secretHash: hashApiKey(secret),
        createdById: member.id,
        imports: options.imports,
      });
      if (options.revoked) await keys.revoke(manager, key.id, clock.current);
    });
    return secret;
  }

  /** POSTs a CSV to /api/v1/imports/<path> presenting the key (as a Bearer credential, or as X-Api-Key). */
  async function uploadWithKey(
    secret: string,
    path: string,
    csv: string,
    header: 'bearer' | 'x-api-key' = 'bearer',
  ) {
    const response = await fetch(`${http.base}/api/v1/imports/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        ...(header === 'bearer' ? { authorization: `Bearer ${secret}` } : { 'x-api-key': secret }),
      },
      body: csv,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function reportWithKey(secret: string, importId: unknown) {
    const response = await fetch(`${http.base}/api/v1/imports/${String(importId)}/report.csv`, {
      headers: { 'x-api-key': secret },
    });
    return { status: response.status, text: await response.text() };
  }

  async function query<T>(team: Team, sql: string, parameters: unknown[] = []): Promise<T[]> {
    return app.get(TenantDb).inWorkspace(team.workspaceId, (manager) => manager.query(sql, parameters));
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    http = await startImportsHttpApp(database, clock, { modules: [MembersDataAccessModule] });
    app = http.app;
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('imports a file as the admin who created the key, reads its report, and marks the key used', async () => {
    const team = await newTeam();
    const key = await newKey(team.admin, { imports: true });
    const csv = 'Email,Company\r\nana@acme.example,Acme\r\nbo@acme.example,Acme\r\n';

    const dryRun = await uploadWithKey(key, 'leads?dryRun=true', csv);
    expect(dryRun).toMatchObject({ status: 200, body: { status: 'DONE', dryRun: true, created: 2 } });
    const imported = await uploadWithKey(key, 'leads?fileName=nightly.csv', csv, 'x-api-key');
    expect(imported).toMatchObject({ status: 200, body: { status: 'DONE', created: 2, refused: 0 } });
    // Sent again, the same file changes nothing.
    expect(await uploadWithKey(key, 'leads', csv)).toMatchObject({
      status: 200,
      body: { created: 0, unchanged: 2 },
    });

    const report = await reportWithKey(key, imported.body['id']);
    expect(report.status).toBe(200);
    expect(report.text.split('\r\n')[0]).toBe('row,outcome,column,message');
    const [record] = await query<{ created_by_id: string }>(
      team,
      `SELECT created_by_id FROM imports WHERE id = $1`,
      [imported.body['id']],
    );
    expect(record.created_by_id).toBe(team.admin.id);
    const [used] = await query<{ last_used_at: Date | null }>(team, `SELECT last_used_at FROM api_keys`);
    expect(used.last_used_at).not.toBeNull();
  });

  it('refuses a key not allowed to import, a revoked or wrong one, and one of another workspace', async () => {
    const team = await newTeam();
    const other = await newTeam();
    const csv = 'Email\r\nana@refused.example\r\n';

    expect(await uploadWithKey(await newKey(team.admin, { imports: false }), 'leads', csv)).toMatchObject({
      status: 403,
      body: {
        error: 'FORBIDDEN',
        message:
          'This API key sends leads and signals only; an admin creates a key that may also import files.',
      },
    });
    const unauthenticated = {
      status: 401,
      body: {
        error: 'UNAUTHENTICATED',
        message: 'Send a valid, unrevoked API key as "Authorization: Bearer <key>".',
      },
    };
    expect(
      await uploadWithKey(await newKey(team.admin, { imports: true, revoked: true }), 'leads', csv),
    ).toMatchObject(unauthenticated);
    expect(await uploadWithKey('acc_not-a-key-of-anyone', 'leads', csv, 'x-api-key')).toMatchObject(
      unauthenticated,
    );
    expect(await query(team, `SELECT 1 FROM leads`)).toEqual([]);

    // Another workspace's key reads none of this one's imports.
    const imported = await http.upload(team.marketing, 'leads', csv);
    expect(imported.status).toBe(200);
    const othersKey = await newKey(other.admin, { imports: true });
    expect((await reportWithKey(othersKey, imported.body['id'])).status).toBe(404);
  });

  it("imports only what the key's creator may now, and nothing once they are deactivated", async () => {
    const team = await newTeam();
    const key = await newKey(team.admin, { imports: true });
    const reps = `Email,Name,Team\r\nrae@reps-${team.workspaceId.slice(0, 8)}.example,Rae Sales,EMEA\r\n`;
    expect(await uploadWithKey(key, 'sales-reps?dryRun=true', reps)).toMatchObject({ status: 200 });

    // No longer an admin, still in marketing: the key imports leads, not sales reps.
    await query(team, `UPDATE members SET roles = '{MARKETING}' WHERE id = $1`, [team.admin.id]);
    // Not in marketing or admin at all: the key says whose roles it lacks.
    await query(team, `UPDATE members SET roles = '{EXECUTIVE}' WHERE id = $1`, [team.admin.id]);
    expect(await uploadWithKey(key, 'leads', 'Email\r\nana@roles.example\r\n')).toMatchObject({
      status: 403,
      body: {
        error: 'FORBIDDEN',
        message:
          'This API key acts as ada, who created it and no longer holds one of the roles this needs: ADMIN, MARKETING.',
      },
    });
    await query(team, `UPDATE members SET roles = '{MARKETING}' WHERE id = $1`, [team.admin.id]);
    expect(await uploadWithKey(key, 'sales-reps?dryRun=true', reps)).toMatchObject({
      status: 403,
      body: { error: 'FORBIDDEN' },
    });
    expect(await uploadWithKey(key, 'leads', 'Email\r\nana@roles.example\r\n')).toMatchObject({
      status: 200,
      body: { created: 1 },
    });

    await query(team, `UPDATE members SET status = 'DEACTIVATED' WHERE id = $1`, [team.admin.id]);
    expect(await uploadWithKey(key, 'leads', 'Email\r\nbo@roles.example\r\n')).toMatchObject({
      status: 403,
      body: {
        error: 'FORBIDDEN',
        message:
          'The member who created this API key is no longer active, so it imports no more; an admin creates a new key.',
      },
    });
  });
});

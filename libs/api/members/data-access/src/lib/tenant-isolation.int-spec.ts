import { DataSource } from 'typeorm';

import { APP_ROLE, TenantDb, appDataSourceOptions } from '@accord/api/shared/database';
import { TestDatabase, createTestDatabase } from '@accord/api/shared/testing';

import { InvitationEntity } from './invitation.entity';
import { MemberEntity } from './member.entity';
import { MembersRepository } from './members.repository';
import { WorkspaceEntity } from './workspace.entity';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('tenant isolation in PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let tenantDb: TenantDb;

  async function seedWorkspace(workspaceId: string, email: string): Promise<void> {
    await tenantDb.inWorkspace(workspaceId, async (manager) => {
      await manager.insert(WorkspaceEntity, {
        id: workspaceId,
        name: `Workspace ${workspaceId.slice(-1)}`,
        timeZone: 'UTC',
      });
      await manager.insert(MemberEntity, {
        workspaceId,
        id: `00000000-0000-4000-8000-0000000001${workspaceId.slice(-2)}`,
        email,
        name: email,
        roles: ['ADMIN'],
        approver: false,
        status: 'ACTIVE',
        passwordHash: null,
      });
      await manager.insert(InvitationEntity, {
        workspaceId,
        id: `00000000-0000-4000-8000-0000000002${workspaceId.slice(-2)}`,
        memberId: `00000000-0000-4000-8000-0000000001${workspaceId.slice(-2)}`,
        tokenHash: workspaceId.slice(-1).repeat(64),
        expiresAt: new Date('2030-01-01T00:00:00Z'),
        createdById: null,
      });
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({
      ...appDataSourceOptions({
        url: database.url,
        poolSize: 2,
        statementTimeoutMs: 10_000,
        embedded: database.embedded,
      }),
      entities: [WorkspaceEntity, MemberEntity, InvitationEntity],
    });
    await dataSource.initialize();
    tenantDb = new TenantDb(dataSource);
    await seedWorkspace(A, 'same@example.com');
    await seedWorkspace(B, 'same@example.com');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('guards every table with forced row-level security', async () => {
    const tables: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }[] =
      await dataSource.query(
        `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'migrations'
        ORDER BY c.relname`,
      );
    // A new table fails this test until it is listed here, which is the moment to check its policies.
    expect(tables.map((table) => table.relname)).toEqual([
      'agreement_events',
      'agreement_signatures',
      'agreement_versions',
      'api_keys',
      'backtest_runs',
      'dashboard_lead_segments',
      'dashboard_rollup',
      'dashboard_rollup_state',
      'handover_events',
      'handover_routing',
      'handovers',
      'import_keys',
      'import_mappings',
      'import_report_lines',
      'imports',
      'ingest_requests',
      'invitations',
      'lead_evaluations',
      'lead_qualifications',
      'lead_spellings',
      'lead_transitions',
      'leads',
      'mail_outbox',
      'meetings',
      'members',
      'opportunities',
      'opportunity_transitions',
      'rate_limits',
      'rescore_runs',
      'signal_inbox',
      'signals',
      'webhook_deliveries',
      'webhook_endpoints',
      'webhook_events',
      'workspace_scoring',
      'workspaces',
    ]);
    expect(tables.filter((table) => !table.relrowsecurity || !table.relforcerowsecurity)).toEqual([]);
  });

  it('works as a role that is neither superuser, nor BYPASSRLS, nor owner of any table', async () => {
    const [role] = await tenantDb.run({}, (manager) =>
      manager.query(
        `SELECT current_user AS name, rolsuper, rolbypassrls,
              (SELECT count(*)::int FROM pg_tables WHERE tableowner = current_user) AS owned
         FROM pg_roles WHERE rolname = current_user`,
      ),
    );
    expect(role).toEqual({ name: APP_ROLE, rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it("reads a tenant's rows by index: the system policies of large tables apply to the worker role alone", async () => {
    const plan = await tenantDb.inWorkspace(A, async (manager) => {
      const [row]: { 'QUERY PLAN': unknown }[] = await manager.query(
        `EXPLAIN (FORMAT JSON) SELECT id FROM leads WHERE email = 'someone@a.example'`,
      );
      return JSON.stringify(row['QUERY PLAN']);
    });
    // The workspace leads the index condition; an OR with a system policy would leave it a filter over all rows.
    expect(plan).toMatch(/"Index Cond":"\(+workspace_id = /);
    const systemPolicies = await tenantDb.run({}, (manager) =>
      manager.query(
        `SELECT tablename, roles::text[] AS roles FROM pg_policies
          WHERE qual LIKE '%app.system%'
            AND tablename IN ('leads', 'handovers', 'lead_transitions', 'mail_outbox', 'signal_inbox', 'webhook_deliveries')
          ORDER BY tablename`,
      ),
    );
    expect(systemPolicies).toEqual([
      { tablename: 'handovers', roles: ['accord_worker'] },
      { tablename: 'lead_transitions', roles: ['accord_worker'] },
      { tablename: 'leads', roles: ['accord_worker'] },
      { tablename: 'mail_outbox', roles: ['accord_worker'] },
      { tablename: 'signal_inbox', roles: ['accord_worker'] },
      { tablename: 'webhook_deliveries', roles: ['accord_worker'] },
    ]);
  });

  it('shows no tenant row to a transaction without a workspace context', async () => {
    const counts = await tenantDb.run({}, (manager) =>
      manager.query(
        `SELECT (SELECT count(*)::int FROM workspaces) AS workspaces,
              (SELECT count(*)::int FROM members) AS members,
              (SELECT count(*)::int FROM invitations) AS invitations`,
      ),
    );
    expect(counts).toEqual([{ workspaces: 0, members: 0, invitations: 0 }]);
  });

  it('connects to a real server as the application role, which sees no tenant row without a context', async () => {
    // The embedded server ignores start-up options; there every tenant transaction switches role instead.
    if (database.embedded) return;
    const rows = await dataSource.query(
      `SELECT current_user AS name, (SELECT count(*)::int FROM members) AS members, (SELECT count(*)::int FROM workspaces) AS workspaces`,
    );
    expect(rows).toEqual([{ name: APP_ROLE, members: 0, workspaces: 0 }]);
  });

  it('shows a workspace only its own rows', async () => {
    const seen = await tenantDb.inWorkspace(A, async (manager) => ({
      workspaces: (await manager.find(WorkspaceEntity)).map((w) => w.id),
      members: (await manager.find(MemberEntity)).map((m) => m.workspaceId),
      invitations: (await manager.find(InvitationEntity)).map((i) => i.workspaceId),
    }));
    expect(seen).toEqual({ workspaces: [A], members: [A], invitations: [A] });
  });

  it('finds a signed-in member only inside their own workspace (accord_signed_in_member)', async () => {
    const members = new MembersRepository();
    const memberOf = (workspaceId: string) => `00000000-0000-4000-8000-0000000001${workspaceId.slice(-2)}`;
    expect(await members.signedIn(tenantDb.standalone, A, memberOf(A))).toMatchObject({
      id: memberOf(A),
      workspaceId: A,
      roles: ['ADMIN'],
      status: 'ACTIVE',
    });
    expect(await members.signedIn(tenantDb.standalone, A, memberOf(B))).toBeNull();
  });

  it('refuses to write a row into another workspace', async () => {
    await expect(
      tenantDb.inWorkspace(A, (manager) =>
        manager.insert(MemberEntity, {
          workspaceId: B,
          id: '00000000-0000-4000-8000-0000000009bb',
          email: 'intruder@example.com',
          name: 'Intruder',
          roles: ['ADMIN'],
          approver: false,
          status: 'ACTIVE',
          passwordHash: null,
        }),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("cannot update or delete another workspace's rows", async () => {
    const affected = await tenantDb.inWorkspace(A, async (manager) => {
      const updated = await manager.query(`UPDATE members SET name = 'hijacked' WHERE workspace_id = $1`, [
        B,
      ]);
      const deleted = await manager.query(`DELETE FROM invitations WHERE workspace_id = $1`, [B]);
      return [updated[1], deleted[1]];
    });
    expect(affected).toEqual([0, 0]);
    const names = await tenantDb.inWorkspace(B, (manager) => manager.find(MemberEntity));
    expect(names.map((member) => member.name)).toEqual(['same@example.com']);
  });

  it("cannot make another workspace's member a manager: the manager key leads with the workspace", async () => {
    // RLS does not apply to foreign-key checks, so the key itself must keep the manager in the workspace.
    await expect(
      tenantDb.inWorkspace(A, (manager) =>
        manager.query(`UPDATE members SET manager_id = $1 WHERE id = $2`, [
          '00000000-0000-4000-8000-0000000001' + B.slice(-2),
          '00000000-0000-4000-8000-0000000001' + A.slice(-2),
        ]),
      ),
    ).rejects.toThrow(/members_manager_fkey/);
  });

  it('lets the sign-in scope read the memberships of one e-mail, and change nothing', async () => {
    const result = await tenantDb.run({ loginEmail: 'same@example.com' }, async (manager) => ({
      members: (await manager.find(MemberEntity, { order: { workspaceId: 'ASC' } })).map(
        (m) => m.workspaceId,
      ),
      workspaces: await manager.count(WorkspaceEntity),
      invitations: await manager.count(InvitationEntity),
      updated: (await manager.query(`UPDATE members SET name = 'x'`))[1],
    }));
    expect(result).toEqual({ members: [A, B], workspaces: 0, invitations: 0, updated: 0 });
  });

  it('lets the invitation scope read exactly the invitation with that token hash', async () => {
    const ids = await tenantDb.run({ invitationTokenHash: 'b'.repeat(64) }, async (manager) =>
      (await manager.find(InvitationEntity)).map((invitation) => invitation.workspaceId),
    );
    expect(ids).toEqual([B]);
  });

  it('does not leak a workspace context to the next transaction on the same connection', async () => {
    await tenantDb.inWorkspace(A, (manager) => manager.count(MemberEntity));
    const [{ setting }] = await dataSource.query(
      `SELECT current_setting('app.workspace_id', true) AS setting`,
    );
    expect(setting ?? '').toBe('');
  });
});

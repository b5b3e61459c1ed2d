import { INestApplication } from '@nestjs/common';

// Reps join through the Members page's own invitation.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MembersModule } from '@accord/api/members/feature';
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
import { NEW_REP_MESSAGE } from './sales-reps.handler';

type Team = TestTeam<'admin' | 'marketing'>;

interface MemberRow {
  email: string;
  name: string;
  roles: string[];
  status: string;
  approver: boolean;
  password_hash: string | null;
  team: string | null;
  manager: string | null;
}

describe('importing sales reps on PostgreSQL, over HTTP', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let base: string;
  const clock = new FrozenClock();

  const newTeam = (): Promise<Team> =>
    createTeam(app, {
      admin: { name: 'ada', roles: ['ADMIN'], approver: true },
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
    });

  let http: ImportsHttpApp;
  const token = (member: TestMember) => http.token(member);
  const upload = (member: TestMember, csv: string, query = '') =>
    http.upload(member, `sales-reps${query}`, csv);

  async function graphql(member: TestMember, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(member)}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data: Record<string, unknown> | null;
      errors?: { message: string }[];
    };
  }

  async function report(member: TestMember, importId: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${base}/api/v1/imports/${importId}/report.csv`, {
      headers: { authorization: `Bearer ${await token(member)}` },
    });
    return { status: response.status, text: await response.text() };
  }

  const counts = (body: Record<string, unknown>) => ({
    status: body['status'],
    created: body['created'],
    updated: body['updated'],
    unchanged: body['unchanged'],
    skipped: body['skipped'],
    refused: body['refused'],
  });

  /** The workspace's members, by e-mail, with their manager's e-mail. */
  async function members(team: Team): Promise<Record<string, Omit<MemberRow, 'email'>>> {
    const rows: MemberRow[] = await app.get(TenantDb).inWorkspace(team.workspaceId, (manager) =>
      manager.query(
        `SELECT m.email, m.name, m.roles, m.status, m.approver, m.password_hash, m.team, boss.email AS manager
           FROM members m LEFT JOIN members boss ON boss.id = m.manager_id ORDER BY m.email`,
      ),
    );
    return Object.fromEntries(rows.map(({ email, ...rest }) => [email, rest]));
  }

  const domainOf = (team: Team) => team.admin.email.split('@')[1];

  beforeAll(async () => {
    database = await createTestDatabase();
    // Batches of three reps, so the files below span batches (each its own transaction).
    http = await startImportsHttpApp(database, clock, {
      modules: [MembersModule],
      limits: { repBatchRows: 3 },
    });
    ({ app, base } = http);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  beforeEach(() => {
    clock.current = new Date('2026-11-25T09:00:00.000Z');
  });

  /** A CRM's user export: a manager named before their row is read, a rep without a name, the admin listed too. */
  const repsCsv = (team: Team) => {
    const at = domainOf(team);
    return (
      'User Email,Full Name,Reports To,Région\r\n' +
      `ana@${at},Ana Lima,lea@${at},EMEA\r\n` +
      `Lea Lead <LEA@${at}>,Lea Lead,,EMEA\r\n` +
      `bo@${at},,lea@${at},North America\r\n` +
      `ada@${at},Ada Admin,,\r\n`
    );
  };

  it('adds reps as invited sales members with team and manager, leaves an admin’s access alone, re-imports with no change, and lets a rep join by invitation', async () => {
    const team = await newTeam();
    const at = domainOf(team);
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`UPDATE members SET password_hash = 'argon2-of-ada' WHERE id = $1`, [team.admin.id]),
      );

    const first = await upload(team.admin, repsCsv(team), '?saveMapping=true');

    expect(first.status).toBe(200);
    expect(counts(first.body)).toEqual({
      status: 'DONE',
      created: 3,
      updated: 1,
      unchanged: 0,
      skipped: 0,
      refused: 0,
    });
    const invited = { roles: ['SALES'], status: 'INVITED', approver: false, password_hash: null };
    expect(await members(team)).toEqual({
      [`ada@${at}`]: {
        name: 'Ada Admin',
        roles: ['ADMIN'],
        status: 'ACTIVE',
        approver: true,
        password_hash: 'argon2-of-ada',
        team: null,
        manager: null,
      },
      [`ana@${at}`]: { ...invited, name: 'Ana Lima', team: 'EMEA', manager: `lea@${at}` },
      [`bo@${at}`]: { ...invited, name: 'bo', team: 'North America', manager: `lea@${at}` },
      [`lea@${at}`]: { ...invited, name: 'Lea Lead', team: 'EMEA', manager: null },
      [`mia@${at}`]: {
        name: 'mia',
        roles: ['MARKETING'],
        status: 'ACTIVE',
        approver: true,
        password_hash: null,
        team: null,
        manager: null,
      },
    });
    const lines = (await report(team.admin, first.body['id'] as string)).text.split('\r\n');
    expect(lines).toEqual([
      'row,outcome,column,message',
      `2,CREATED,,"${NEW_REP_MESSAGE}"`,
      `3,CREATED,,"${NEW_REP_MESSAGE}"`,
      `3,CREATED,User Email,"cleaned: ""Lea Lead <LEA@${at}>"" read as lea@${at}"`,
      `4,CREATED,,"${NEW_REP_MESSAGE}"`,
      `4,CREATED,,"cleaned: name: none given; named ""bo"""`,
      '5,UPDATED,,"already a member (admin; active): roles, status and password left as they are — an import never changes a member\'s access"',
      '',
    ]);

    const again = await upload(team.admin, repsCsv(team));

    expect(counts(again.body)).toEqual({
      status: 'DONE',
      created: 0,
      updated: 0,
      unchanged: 4,
      skipped: 0,
      refused: 0,
    });

    // An empty cell keeps what the member has: only Ana's team changes.
    const moved = await upload(team.admin, `Email,Name,Manager,Team\r\nana@${at},,,APAC\r\n`);

    expect(counts(moved.body)).toMatchObject({ created: 0, updated: 1, unchanged: 0, refused: 0 });
    expect((await members(team))[`ana@${at}`]).toEqual({
      ...invited,
      name: 'Ana Lima',
      team: 'APAC',
      manager: `lea@${at}`,
    });

    // The Members page lists team and manager; its invitation sends an imported rep their link and keeps them.
    const listed = await graphql(
      team.admin,
      `
        {
          members(first: 10) {
            edges {
              node {
                email
                team
                manager {
                  email
                  name
                }
              }
            }
          }
        }
      `,
    );
    expect(listed.errors).toBeUndefined();
    const nodes = (listed.data?.['members'] as { edges: { node: Record<string, unknown> }[] }).edges.map(
      (edge) => edge.node,
    );
    expect(nodes.find((node) => node['email'] === `ana@${at}`)).toEqual({
      email: `ana@${at}`,
      team: 'APAC',
      manager: { email: `lea@${at}`, name: 'Lea Lead' },
    });
    const invitation = await graphql(
      team.admin,
      `
        mutation ($input: InviteMemberInput!) {
          inviteMember(input: $input) {
            inviteUrl
            member {
              status
              team
              manager {
                email
              }
            }
          }
        }
      `,
      { input: { email: `ana@${at}`, name: 'Ana', roles: ['SALES'], approver: false } },
    );
    expect(invitation.errors).toBeUndefined();
    expect(invitation.data?.['inviteMember']).toEqual({
      inviteUrl: expect.stringContaining('/accept-invitation?token='),
      member: { status: 'INVITED', team: 'APAC', manager: { email: `lea@${at}` } },
    });
    const link = new URL((invitation.data?.['inviteMember'] as { inviteUrl: string }).inviteUrl);
    const accepted = await graphql(
      team.admin,
      `
        mutation ($token: String!) {
          acceptInvitation(input: { token: $token, password: "a long enough passphrase" }) {
            member {
              email
              status
              roles
              team
            }
          }
        }
      `,
      { token: link.searchParams.get('token') },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.['acceptInvitation']).toEqual({
      member: { email: `ana@${at}`, status: 'ACTIVE', roles: ['SALES'], team: 'APAC' },
    });
  });

  it('refuses an unknown manager, a rep managing themself and a loop, and writes nothing of those rows', async () => {
    const team = await newTeam();
    const other = await newTeam();
    const at = domainOf(team);
    const before = await members(team);

    const result = await upload(
      team.admin,
      'Email,Name,Manager,Team\r\n' +
        `cy@${at},Cy,ghost@${at},EMEA\r\n` +
        `dee@${at},Dee,DEE@${at},EMEA\r\n` +
        // A member of another workspace is no member of this one.
        `eve@${at},Eve,${other.admin.email},EMEA\r\n` +
        `fay@${at},Fay,gus@${at},\r\n` +
        `gus@${at},Gus,fay@${at},\r\n`,
    );

    expect(counts(result.body)).toEqual({
      status: 'DONE',
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      refused: 5,
    });
    expect((await report(team.admin, result.body['id'] as string)).text.split('\r\n')).toEqual([
      'row,outcome,column,message',
      `2,REFUSED,Manager,ghost@${at} is no member of this workspace and no rep in this file`,
      `3,REFUSED,Manager,names the rep themself as their manager`,
      `4,REFUSED,Manager,${other.admin.email} is no member of this workspace and no rep in this file`,
      `5,REFUSED,Manager,gus@${at} cannot be the manager: their own row (6) is refused`,
      `6,REFUSED,Manager,would make a loop of managers: gus@${at} → fay@${at} → gus@${at}`,
      '',
    ]);
    expect(await members(team)).toEqual(before);
  });

  it('touches only the importing workspace, even for an e-mail that is a member elsewhere', async () => {
    const team = await newTeam();
    const other = await newTeam();
    const otherBefore = await members(other);
    const shared = other.marketing.email;

    const result = await upload(team.admin, `Email,Name,Team\r\n${shared},Mia Elsewhere,EMEA\r\n`);

    expect(counts(result.body)).toMatchObject({ created: 1, updated: 0 });
    expect((await members(team))[shared]).toMatchObject({
      name: 'Mia Elsewhere',
      team: 'EMEA',
      status: 'INVITED',
    });
    expect(await members(other)).toEqual(otherBefore);
  });

  it('dry-runs with the counts of the import and writes no member', async () => {
    const team = await newTeam();
    const before = await members(team);

    const dry = await upload(team.admin, repsCsv(team), '?dryRun=true');

    expect(counts(dry.body)).toEqual({
      status: 'DONE',
      created: 3,
      updated: 1,
      unchanged: 0,
      skipped: 0,
      refused: 0,
    });
    expect(await members(team)).toEqual(before);
  });

  it('finds a manager in a later batch only on the next import, which then completes the file', async () => {
    const team = await newTeam();
    const at = domainOf(team);
    const csv =
      'Email,Name,Manager\r\n' +
      `ana@${at},Ana,zoe@${at}\r\n` +
      `bo@${at},Bo,\r\n` +
      `cy@${at},Cy,bo@${at}\r\n` +
      `zoe@${at},Zoe,\r\n`;

    const first = await upload(team.admin, csv);

    expect(counts(first.body)).toMatchObject({ created: 3, refused: 1 });
    const again = await upload(team.admin, csv);

    expect(counts(again.body)).toMatchObject({ created: 1, updated: 0, unchanged: 3, refused: 0 });
    expect((await members(team))[`ana@${at}`]).toMatchObject({ manager: `zoe@${at}` });
  });

  it('lets two imports of the same reps at once take turns: each row is created once', async () => {
    const team = await newTeam();
    let csv = 'Email,Name,Team\r\n';
    for (let index = 0; index < 300; index++) csv += `rep${index}@${domainOf(team)},Rep ${index},EMEA\r\n`;

    const both = await Promise.all([upload(team.admin, csv), upload(team.admin, csv)]);

    expect(both.map((result) => result.body['status'])).toEqual(['DONE', 'DONE']);
    // Batch by batch (three rows each here), whichever import comes second finds the reps the other added.
    const total = (key: string) => both.reduce((sum, result) => sum + (result.body[key] as number), 0);
    expect([total('created'), total('unchanged')]).toEqual([300, 300]);
    expect(Object.keys(await members(team))).toHaveLength(302);
  });

  it('lets only admins import reps or read a reps import', async () => {
    const team = await newTeam();
    const imported = await upload(team.admin, repsCsv(team));

    const byMarketing = await upload(team.marketing, repsCsv(team));

    expect(byMarketing.status).toBe(403);
    expect(byMarketing.body['error']).toBe('FORBIDDEN');
    expect((await report(team.marketing, imported.body['id'] as string)).status).toBe(404);
    expect(Object.keys(await members(team))).toHaveLength(5);
  });
});

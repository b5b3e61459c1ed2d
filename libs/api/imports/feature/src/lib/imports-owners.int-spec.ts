import { INestApplication } from '@nestjs/common';

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

type Team = TestTeam<'admin' | 'casey' | 'alex'>;

// CRMs export an owner by name (Salesforce's "Opportunity Owner", "Lead Owner"): a name that is exactly one
// member's makes them the owner, as their e-mail would.
describe('CSV imports: owners given by name, on PostgreSQL over HTTP', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let http: ImportsHttpApp;
  const clock = new FrozenClock();

  async function newTeam(): Promise<Team> {
    const team = await createTeam(app, {
      admin: { name: 'ada', roles: ['ADMIN'], approver: true },
      casey: { name: 'casey', roles: ['SALES'] },
      alex: { name: 'alex', roles: ['SALES'] },
    });
    await named(team, team.casey, 'Casey Closer');
    await named(team, team.alex, 'Alex Kim');
    // A second "Alex Kim": the name no longer tells which one is meant.
    await sql(
      team,
      `INSERT INTO members (workspace_id, id, email, name, roles, approver, status)
       VALUES ($1, gen_random_uuid(), 'alex.kim.2@example.com', 'alex  KIM', '{SALES}', false, 'ACTIVE')`,
      [team.workspaceId],
    );
    return team;
  }

  /** Test members are named for their e-mail's local part; CRMs name them in full. */
  async function named(team: { workspaceId: string }, member: TestMember, name: string): Promise<void> {
    await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`UPDATE members SET name = $2 WHERE id = $1`, [member.id, name]),
      );
  }

  async function sql<T>(team: Team, query: string, parameters: unknown[] = []): Promise<T[]> {
    return app.get(TenantDb).inWorkspace(team.workspaceId, (manager) => manager.query(query, parameters));
  }

  async function reportLines(member: TestMember, importId: string): Promise<string[]> {
    const response = await fetch(`${http.base}/api/v1/imports/${importId}/report.csv`, {
      headers: { authorization: `Bearer ${await http.token(member)}` },
    });
    return (await response.text()).split('\r\n').filter((line) => /^\d/.test(line));
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    http = await startImportsHttpApp(database, clock, { modules: [MembersDataAccessModule] });
    ({ app } = http);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  beforeEach(() => {
    clock.current = new Date('2026-11-25T09:00:00.000Z');
  });

  it("makes the member an opportunity's owner names the owner, and says why an unknown or shared name is not", async () => {
    const team = await newTeam();
    // Another workspace's "Casey Closer" is no one in this one.
    const other = await createTeam(app, { casey: { name: 'casey', roles: ['SALES'] } });
    await named(other, other.casey, 'Casey Closer');
    await http.upload(team.admin, 'leads', 'email\nana@acme.com\nbo@beta.io\ncy@gamma.io\ndee@delta.io\n');
    const csv =
      'Opportunity ID,Opportunity Owner,Contact Email,Amount,Stage,Close Date\n' +
      '006A,Casey Closer,ana@acme.com,"$1,000.00",Closed Won,2025-03-01\n' +
      '006B,Alex Kim,bo@beta.io,500,Prospecting,\n' +
      '006C,Nobody Known,cy@gamma.io,700,Prospecting,\n' +
      '006D,ALEX.KIM.2@example.com,dee@delta.io,900,Prospecting,\n';
    const imported = await http.upload(team.admin, 'opportunities', csv);
    expect(imported.body).toMatchObject({ status: 'DONE', rows: 4, created: 4, refused: 0 });
    expect(
      await sql(
        team,
        `SELECT o.amount::float8 AS amount, m.email AS owner
           FROM opportunities o JOIN members m ON m.id = o.owner_id ORDER BY o.amount`,
      ),
    ).toEqual([
      { amount: 500, owner: team.admin.email },
      { amount: 700, owner: team.admin.email },
      { amount: 900, owner: 'alex.kim.2@example.com' },
      { amount: 1000, owner: team.casey.email },
    ]);
    expect(
      (await reportLines(team.admin, imported.body['id'] as string)).filter((line) =>
        line.includes('Opportunity Owner'),
      ),
    ).toEqual([
      `2,CREATED,Opportunity Owner,"cleaned: ""Casey Closer"" is the member ${team.casey.email}"`,
      `3,CREATED,Opportunity Owner,"cleaned: ""Alex Kim"" is the name of 2 members (give the owner's e-mail to tell them apart); the importing member owns it"`,
      '4,CREATED,Opportunity Owner,"cleaned: ""Nobody Known"" is neither an e-mail address nor the name of a member; the importing member owns it"',
      '5,CREATED,Opportunity Owner,"cleaned: ""ALEX.KIM.2@example.com"" read as alex.kim.2@example.com"',
    ]);

    // Imported again by another member, an unknown name leaves the owner as it was.
    const again = await http.upload(team.admin, 'opportunities', csv.replace('Casey Closer', 'Nobody Known'));
    expect(again.body).toMatchObject({ status: 'DONE', updated: 0, unchanged: 4 });
    expect(
      await sql(
        team,
        `SELECT m.email AS owner FROM opportunities o JOIN members m ON m.id = o.owner_id
                        WHERE o.amount = 1000`,
      ),
    ).toEqual([{ owner: team.casey.email }]);
  });

  it("makes the member a lead's owner names the owner, case and white space aside", async () => {
    const team = await newTeam();
    const imported = await http.upload(
      team.admin,
      'leads',
      'Email,Lead Owner\nana@acme.com, casey  CLOSER \nbo@beta.io,Alex Kim\n',
    );
    expect(imported.body).toMatchObject({ status: 'DONE', created: 2, refused: 0 });
    expect(
      await sql(
        team,
        `SELECT l.email, m.email AS owner FROM leads l LEFT JOIN members m ON m.id = l.owner_id ORDER BY l.email`,
      ),
    ).toEqual([
      { email: 'ana@acme.com', owner: team.casey.email },
      { email: 'bo@beta.io', owner: null },
    ]);
    expect(await reportLines(team.admin, imported.body['id'] as string)).toEqual([
      `2,CREATED,Lead Owner,"cleaned: ""casey CLOSER"" is the member ${team.casey.email}"`,
      `3,CREATED,Lead Owner,"cleaned: ""Alex Kim"" is the name of 2 members (give the owner's e-mail to tell them apart); owner left as it was"`,
    ]);
  });
});

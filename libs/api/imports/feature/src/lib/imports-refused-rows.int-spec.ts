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

type Team = TestTeam<'marketing' | 'sales'>;

describe("an import's refused rows, as a file to fix and import again, on PostgreSQL", () => {
  let database: TestDatabase;
  let http: ImportsHttpApp;
  let app: INestApplication;
  const clock = new FrozenClock();

  const newTeam = (): Promise<Team> =>
    createTeam(app, {
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'sam', roles: ['SALES'], approver: true },
    });

  async function refused(member: TestMember, importId: unknown) {
    const response = await fetch(`${http.base}/api/v1/imports/${String(importId)}/refused.csv`, {
      headers: { authorization: `Bearer ${await http.token(member)}` },
    });
    return {
      status: response.status,
      disposition: response.headers.get('content-disposition'),
      // As bytes: text() would drop the byte-order mark.
      text: Buffer.from(await response.arrayBuffer()).toString('utf8'),
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // Batches of two rows, so refused rows come from several; the cells of at most four refused rows are kept, and
    // of at most 10,000 characters.
    http = await startImportsHttpApp(database, clock, {
      modules: [MembersDataAccessModule],
      limits: { batchRows: 2, maxRefusedRowsKept: 4, maxRefusedCellChars: 10_000 },
    });
    app = http.app;
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('gives the refused rows as the file had them, with why, and imports them once fixed', async () => {
    const team = await newTeam();
    const csv =
      'Email,Employees,Country,Phone\r\n' +
      'ann@acme.example,120,US,+1 555 0100\r\n' +
      'not-an-email,12,US,+1 555 0101\r\n' +
      'bo@acme.example,lots,Atlantis,-\r\n' +
      'cy@acme.example,40,DE,=2+3\r\n';
    const first = await http.upload(team.marketing, 'leads?fileName=crm.csv', csv);
    expect(first.body).toMatchObject({ status: 'DONE', created: 2, refused: 2, refusedRowsKept: 2 });

    const file = await refused(team.marketing, first.body['id']);
    expect(file.status).toBe(200);
    expect(file.disposition).toContain('filename="crm-refused.csv"');
    // The file's own columns and cells (those a spreadsheet would run as a formula marked as text), then why.
    expect(file.text).toBe(
      '\uFEFFEmail,Employees,Country,Phone,Refused because\r\n' +
        `not-an-email,12,US,'+1 555 0101,"Email: ""not-an-email"" is not an e-mail address"\r\n` +
        `bo@acme.example,lots,Atlantis,'-,"Employees: ""lots"" is not a number of employees; ` +
        `Country: ""Atlantis"" is not a country Accord knows; use its two-letter ISO code"\r\n`,
    );

    // Fixed in a spreadsheet and imported again: the reason column is imported as nothing, the marks are read away.
    const fixed = file.text.replace('not-an-email', 'dee@acme.example').replace('lots,Atlantis', '30,FR');
    const again = await http.upload(team.marketing, 'leads', fixed);
    expect(again.body).toMatchObject({ status: 'DONE', created: 2, refused: 0 });
    const rows: { email: string; employee_count: number; country: string }[] = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT email, employee_count, country FROM leads ORDER BY email`),
      );
    expect(rows).toEqual([
      { email: 'ann@acme.example', employee_count: 120, country: 'US' },
      { email: 'bo@acme.example', employee_count: 30, country: 'FR' },
      { email: 'cy@acme.example', employee_count: 40, country: 'DE' },
      { email: 'dee@acme.example', employee_count: 12, country: 'US' },
    ]);
  });

  it("holds rows the kind's handler refused, a dry run's too, and at most the first rows kept", async () => {
    const team = await newTeam();
    await http.upload(team.marketing, 'leads', 'Email\r\nann@acme.example\r\n');
    const deals =
      'Opportunity ID,Contact Email,Amount,Stage\r\n' +
      'D-1,ann@acme.example,1000,Discovery\r\n' +
      'D-2,nobody@else.example,500,Discovery\r\n' +
      'D-3,ann@acme.example,"=1+1",Discovery\r\n' +
      'D-4,nobody@else.example,700,Demo\r\n' +
      'D-5,nobody@else.example,800,Demo\r\n' +
      'D-6,nobody@else.example,900,Demo\r\n';
    const dry = await http.upload(team.marketing, 'opportunities?dryRun=true', deals);
    expect(dry.body).toMatchObject({
      dryRun: true,
      status: 'DONE',
      created: 1,
      refused: 5,
      refusedRowsKept: 4,
    });
    const file = await refused(team.marketing, dry.body['id']);
    const lines = file.text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('\uFEFFOpportunity ID,Contact Email,Amount,Stage,Refused because');
    // Four kept of five, in file order: the deal no lead matches (the handler's refusal) as the amount (the rules').
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['D-2', 'D-3', 'D-4', 'D-5']);
    expect(lines[1]).toMatch(/^D-2,nobody@else\.example,500,Discovery,.*nobody@else\.example/);
    expect(lines[2]).toMatch(/^D-3,ann@acme\.example,'=1\+1,Discovery,"Amount: /);

    // For those who may import the kind only, in the workspace only.
    expect((await refused(team.sales, dry.body['id'])).status).toBe(403);
    const other = await newTeam();
    expect((await refused(other.marketing, dry.body['id'])).status).toBe(404);
  });

  it('fixes a file imported with a mapping of its own, saved or given, and replaces the reasons when refused again', async () => {
    const team = await newTeam();
    // A header Accord would not map by itself, mapped by hand and saved for next time.
    const mapping = {
      columns: ['email', 'employeeCount', null],
      values: {},
      dateOrder: null,
      defaultCurrency: 'USD',
    };
    const csv = 'Kontakt,Köpfe,Notiz\r\nann@acme.example,12,x\r\nbad-address,40,y\r\nbo@,lots,z\r\n';
    const first = await http.upload(team.marketing, 'leads?saveMapping=true', csv, {
      'x-import-mapping': encodeURIComponent(JSON.stringify(mapping)),
    });
    expect(first.body).toMatchObject({ created: 1, refused: 2 });
    const file = (await refused(team.marketing, first.body['id'])).text;

    // Refused again with one row still wrong: one column of reasons, the new ones.
    const halfFixed = file.replace('bad-address', 'cy@acme.example');
    const again = await http.upload(team.marketing, 'leads', halfFixed);
    expect(again.body).toMatchObject({ created: 1, refused: 1 });
    const second = (await refused(team.marketing, again.body['id'])).text;
    expect(second.split('\r\n')[0]).toBe('\uFEFFKontakt,Köpfe,Notiz,Refused because');
    expect(second.split('\r\n')[1]).toMatch(/^bo@,lots,z,"Kontakt: .*Köpfe: .*"$/);

    // Fixed, with the saved mapping found for the file it came from, or the same mapping given.
    const fixed = second.replace('bo@,lots', 'bo@acme.example,30');
    expect((await http.upload(team.marketing, 'leads?dryRun=true', fixed)).body).toMatchObject({
      created: 1,
    });
    const given = await http.upload(team.marketing, 'leads', fixed, {
      'x-import-mapping': encodeURIComponent(JSON.stringify(mapping)),
    });
    expect(given.body).toMatchObject({ created: 1, refused: 0 });
    const counts: { email: string; employee_count: number }[] = await app
      .get(TenantDb)
      .inWorkspace(team.workspaceId, (manager) =>
        manager.query(`SELECT email, employee_count FROM leads ORDER BY email`),
      );
    expect(counts).toEqual([
      { email: 'ann@acme.example', employee_count: 12 },
      { email: 'bo@acme.example', employee_count: 30 },
      { email: 'cy@acme.example', employee_count: 40 },
    ]);
  });

  it('keeps no cells of rows past its budget of characters, and says how many it kept', async () => {
    const team = await newTeam();
    const csv = `Email,Notes\r\nwide@,${'w'.repeat(12_000)}\r\nnarrow@,short\r\n`;
    const run = await http.upload(team.marketing, 'leads?dryRun=true', csv);
    expect(run.body).toMatchObject({ refused: 2, refusedRowsKept: 1 });
    const lines = (await refused(team.marketing, run.body['id'])).text.split('\r\n').filter(Boolean);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['narrow@']);
  });
});

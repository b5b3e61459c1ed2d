import { INestApplication } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

// The test publishes a version through the real agreement lifecycle, so imported leads are scored under it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsService } from '@accord/api/agreements/feature';
import { ImportsRepository } from '@accord/api/imports/data-access';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LeadScorer, LeadsService, RescoreWorker } from '@accord/api/leads/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { TenantDb } from '@accord/api/shared/database';
import { DATABASE_RETRY_AFTER_SECONDS } from '@accord/api/shared/graphql';
import {
  FrozenClock,
  TestDatabase,
  TestMember,
  TestTeam,
  createTeam,
  createTestDatabase,
} from '@accord/api/shared/testing';
import type { AgreementDocument } from '@accord/domain/agreement';

import { ImportsHttpApp, startImportsHttpApp } from './imports-http.int-fixture';

type Team = TestTeam<'marketing' | 'sales' | 'admin'>;

const MAX_BYTES = 16 * 1024;

describe('CSV imports on PostgreSQL, over HTTP', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let base: string;
  const clock = new FrozenClock();

  async function newTeam(): Promise<Team> {
    return createTeam(app, {
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'sam', roles: ['SALES'], approver: true },
      admin: { name: 'ada', roles: ['ADMIN'], approver: true },
    });
  }

  /** Publishes the starter agreement, `change`d, and lets the rescore make it the version in force. */
  async function publish(team: Team, change?: (document: AgreementDocument) => void): Promise<string> {
    const agreements = app.get(AgreementsService);
    let draft = await agreements.createDraft(team.marketing, {});
    if (change) {
      const document = structuredClone(draft.document);
      change(document);
      draft = await agreements.save(team.marketing, {
        versionId: draft.id,
        baseRevision: draft.revision,
        document,
      });
    }
    await agreements.propose(team.marketing, { versionId: draft.id, revision: draft.revision });
    await agreements.sign(team.marketing, {
      versionId: draft.id,
      revision: draft.revision,
      side: 'MARKETING',
    });
    const version = await agreements.sign(team.sales, {
      versionId: draft.id,
      revision: draft.revision,
      side: 'SALES',
    });
    await app.get(RescoreWorker).drain();
    return version.id;
  }

  let http: ImportsHttpApp;
  const token = (member: TestMember) => http.token(member);
  const upload: ImportsHttpApp['upload'] = (...args) => http.upload(...args);

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

  async function sql<T>(team: Team, query: string, parameters: unknown[] = []): Promise<T[]> {
    return app.get(TenantDb).inWorkspace(team.workspaceId, (manager) => manager.query(query, parameters));
  }

  async function report(member: TestMember, importId: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${base}/api/v1/imports/${importId}/report.csv`, {
      headers: { authorization: `Bearer ${await token(member)}` },
    });
    return { status: response.status, text: await response.text() };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // Small batches, so a file of a few rows already spans several transactions.
    http = await startImportsHttpApp(database, clock, {
      modules: [MembersDataAccessModule],
      limits: { maxBytes: MAX_BYTES, batchRows: 2 },
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

  // A CRM export: BOM, CRLF, a quoted name with a comma, a note with an embedded line break, messy values.
  const LEADS_CSV =
    '\uFEFFEmail Address,Prénom,Last Name,Company,Website,Nb employés,Annual Revenue,Contry,Seniority,Created Date,Notes\r\n' +
    'ana@acme.com,Ana,Lima,"Acme, Inc.",https://www.acme.com,51-200,"$2,500,000",Brasil,VP,2025-01-15,"first line\r\nsecond line"\r\n' +
    'BO@ACME.COM,Bo,Berg,Acme,acme.com,"1,200",1.000 $,DE,Director,15/02/2025,\r\n' +
    'not-an-email,Cy,Cole,Initech,initech.com,lots,,Atlantis,,,\r\n' +
    'dee@initech.com,Dee,Diaz,Initech,initech.com,10,,US,Individual contributor,03/04/2025,\r\n' +
    '=cmd@evil.com,Eve,"=HYPERLINK(""x"")",Evil,evil.com,,,,,2025-01-01,\r\n';

  it('proposes a mapping from the header, with the sample values of enumerations', async () => {
    const team = await newTeam();
    const preview = await upload(team.marketing, 'leads/preview', LEADS_CSV);
    expect(preview.status).toBe(200);
    expect((preview.body['mapping'] as { columns: unknown[] }).columns).toEqual([
      'email',
      'firstName',
      'lastName',
      'companyName',
      'companyDomain',
      'employeeCount',
      'annualRevenue',
      'country',
      'seniority',
      'createdAt',
      null,
    ]);
    expect(preview.body['values']).toEqual([
      { field: 'seniority', header: 'Seniority', value: 'VP', mappedTo: 'VP' },
      { field: 'seniority', header: 'Seniority', value: 'Director', mappedTo: 'DIRECTOR' },
      { field: 'seniority', header: 'Seniority', value: 'Individual contributor', mappedTo: 'INDIVIDUAL' },
    ]);
    expect(preview.body['problems']).toEqual([]);

    // With the mapping being edited (Notes mapped to Seniority by hand): that mapping's values and problems.
    const columns = [...(preview.body['mapping'] as { columns: (string | null)[] }).columns];
    columns[8] = null;
    columns[10] = 'seniority';
    const edited = await upload(team.marketing, 'leads/preview', LEADS_CSV, {
      'x-import-mapping': encodeURIComponent(
        JSON.stringify({ columns, values: {}, dateOrder: null, defaultCurrency: 'USD' }),
      ),
    });
    expect(edited.body['mapping']).toMatchObject({ columns });
    expect(edited.body['values']).toEqual([
      { field: 'seniority', header: 'Notes', value: 'first line\r\nsecond line', mappedTo: null },
    ]);
  });

  it('answers the preview of a large upload from its first part, promptly, without reading the rest', async () => {
    const team = await newTeam();
    // A 20 MB file streamed without a length, whose sender then stalls: the preview answers from its head.
    const chunk = new TextEncoder().encode('lead@big.example,Lee,VP\n'.repeat(2_700));
    let sent = 0;
    let started = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(new TextEncoder().encode('Email,First Name,Seniority\n'));
        } else if (sent < 20 * 1024 ** 2) {
          sent += chunk.length;
          controller.enqueue(chunk);
        } else return new Promise<void>(() => undefined);
        return undefined;
      },
    });
    const aborted = new AbortController();
    const startedAt = Date.now();
    const answer = fetch(`${base}/api/v1/imports/leads/preview`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await token(team.marketing)}` },
      body,
      duplex: 'half',
      signal: aborted.signal,
    } as RequestInit & { duplex: 'half' });
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no answer within 10 s')), 10_000).unref(),
    );
    try {
      const response = await Promise.race([answer, timeout]);
      expect(response.status).toBe(200);
      expect(response.headers.get('connection')).toBe('close');
      const preview = (await Promise.race([response.json(), timeout])) as Record<string, unknown>;
      expect(Date.now() - startedAt).toBeLessThan(10_000);
      expect(preview['headers']).toEqual(['Email', 'First Name', 'Seniority']);
      expect(preview['sampleRows']).toHaveLength(5);
      expect(preview['values']).toEqual([
        { field: 'seniority', header: 'Seniority', value: 'VP', mappedTo: 'VP' },
      ]);
    } finally {
      aborted.abort();
    }
  });

  it('dry-runs without writing, then imports, cleans or refuses messy rows, scores, and re-imports with no change', async () => {
    const team = await newTeam();
    const versionId = await publish(team);
    const mapping = JSON.stringify({
      columns: [
        'email',
        'firstName',
        'lastName',
        'companyName',
        'companyDomain',
        'employeeCount',
        'annualRevenue',
        'country',
        'seniority',
        'createdAt',
        null,
      ],
      values: {},
      dateOrder: 'DMY',
      defaultCurrency: 'USD',
    });

    const dry = await upload(team.marketing, 'leads?dryRun=true&fileName=crm.csv', LEADS_CSV, {
      'x-import-mapping': mapping,
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      dryRun: true,
      status: 'DONE',
      rows: 5,
      created: 4,
      updated: 0,
      refused: 1,
      fileName: 'crm.csv',
    });
    expect(await sql(team, `SELECT count(*)::int AS n FROM leads`)).toEqual([{ n: 0 }]);
    expect(await sql(team, `SELECT count(*)::int AS n FROM lead_transitions`)).toEqual([{ n: 0 }]);

    const real = await upload(team.marketing, 'leads?saveMapping=true', LEADS_CSV, {
      'x-import-mapping': mapping,
    });
    expect(real.body).toMatchObject({
      dryRun: false,
      status: 'DONE',
      rows: 5,
      created: 4,
      updated: 0,
      unchanged: 0,
      refused: 1,
      cleaned: 3,
    });
    const leads = await sql<Record<string, unknown>>(
      team,
      `SELECT email, first_name, last_name, company_name, company_domain, employee_count, annual_revenue, country, seniority,
              created_at, (SELECT count(*)::int FROM lead_evaluations e WHERE e.lead_id = l.id AND e.version_id = $1) AS evaluations
         FROM leads l ORDER BY email`,
      [versionId],
    );
    expect(leads).toEqual([
      {
        email: '=cmd@evil.com',
        first_name: 'Eve',
        last_name: '=HYPERLINK("x")',
        company_name: 'Evil',
        company_domain: 'evil.com',
        employee_count: null,
        annual_revenue: null,
        country: null,
        seniority: null,
        created_at: new Date('2025-01-01T00:00:00Z'),
        evaluations: 1,
      },
      {
        email: 'ana@acme.com',
        first_name: 'Ana',
        last_name: 'Lima',
        company_name: 'Acme, Inc.',
        company_domain: 'acme.com',
        employee_count: 126,
        annual_revenue: 2500000,
        country: 'BR',
        seniority: 'VP',
        created_at: new Date('2025-01-15T00:00:00Z'),
        evaluations: 1,
      },
      {
        email: 'bo@acme.com',
        first_name: 'Bo',
        last_name: 'Berg',
        company_name: 'Acme',
        company_domain: 'acme.com',
        employee_count: 1200,
        annual_revenue: 1000,
        country: 'DE',
        seniority: 'DIRECTOR',
        created_at: new Date('2025-02-15T00:00:00Z'),
        evaluations: 1,
      },
      {
        email: 'dee@initech.com',
        first_name: 'Dee',
        last_name: 'Diaz',
        company_name: 'Initech',
        company_domain: 'initech.com',
        employee_count: 10,
        annual_revenue: null,
        country: 'US',
        seniority: 'INDIVIDUAL',
        created_at: new Date('2025-04-03T00:00:00Z'),
        evaluations: 1,
      },
    ]);
    // The created transition is at the CRM's date; scoring then moved each lead out of LEAD under the version.
    const transitions = await sql<{ reason: string; at: Date }>(
      team,
      `SELECT t.reason, t.at FROM lead_transitions t JOIN leads l ON l.id = t.lead_id WHERE l.email = 'ana@acme.com' ORDER BY t.id`,
    );
    expect(transitions[0]).toEqual({ reason: 'imported', at: new Date('2025-01-15T00:00:00Z') });
    expect(transitions[1].reason).toMatch(/^scored /);

    const lines = await report(team.marketing, real.body['id'] as string);
    expect(lines.status).toBe(200);
    expect(lines.text.split('\r\n')).toEqual([
      'row,outcome,column,message',
      '2,CREATED,Website,"cleaned: ""https://www.acme.com"" read as acme.com"',
      '2,CREATED,Nb employés,"cleaned: range ""51-200"" read as 126"',
      '2,CREATED,Annual Revenue,"cleaned: ""$2,500,000"" read as 2500000 USD"',
      '2,CREATED,Contry,"cleaned: ""Brasil"" read as BR"',
      '3,CREATED,Email Address,"cleaned: ""BO@ACME.COM"" read as bo@acme.com"',
      '3,CREATED,Nb employés,"cleaned: ""1,200"" read as 1200"',
      '3,CREATED,Annual Revenue,"cleaned: ""1.000 $"" read as 1000 USD"',
      '3,CREATED,Created Date,"cleaned: ""15/02/2025"" read as 2025-02-15"',
      '4,REFUSED,Email Address,"""not-an-email"" is not an e-mail address"',
      '4,REFUSED,Nb employés,"""lots"" is not a number of employees"',
      '4,REFUSED,Contry,"""Atlantis"" is not a country Accord knows; use its two-letter ISO code"',
      '5,CREATED,Created Date,"cleaned: ""03/04/2025"" read as 2025-04-03"',
      '',
    ]);

    // The same file again: nothing new, nothing changed.
    clock.current = new Date('2026-11-25T10:00:00Z');
    const again = await upload(team.marketing, 'leads', LEADS_CSV);
    expect(again.body).toMatchObject({ status: 'DONE', created: 0, updated: 0, unchanged: 4, refused: 1 });
    expect(await sql(team, `SELECT count(*)::int AS n FROM leads`)).toEqual([{ n: 4 }]);

    // The saved mapping (with its date order) was used without being sent, and a changed cell is an update.
    const changed = await upload(team.marketing, 'leads', LEADS_CSV.replace('Lima', 'Lima-Souza'));
    expect(changed.body).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
  });

  it('reads a blank seniority from the job title, and again from a new title, never over a chosen one', async () => {
    const team = await newTeam();
    await upload(team.marketing, 'leads', 'Email,Title\nana@acme.com,Analyst\nbo@acme.com,Analyst\n');
    await sql(team, `UPDATE leads SET seniority = 'MANAGER' WHERE email = 'bo@acme.com'`);
    const retitled = await upload(
      team.marketing,
      'leads',
      'Email,Title\nana@acme.com,VP Sales\nbo@acme.com,VP Sales\n',
    );
    expect(retitled).toMatchObject({ body: { updated: 2 } });
    expect(await sql(team, `SELECT email, title, seniority FROM leads ORDER BY email`)).toEqual([
      { email: 'ana@acme.com', title: 'VP Sales', seniority: 'VP' },
      { email: 'bo@acme.com', title: 'VP Sales', seniority: 'MANAGER' },
    ]);
  });

  it('updates a lead the web app creates while its batch runs, instead of stopping the import or its dry run', async () => {
    // The embedded database serves one connection: the web app's create would wait for the batch.
    if (database.embedded) return;
    const team = await newTeam();
    // Between the batch's read of the leads it names and its insert of the new ones, a marketer creates one.
    const scorer = app.get(LeadScorer, { strict: false });
    const original = scorer.scoreNew.bind(scorer);
    const racing = async (path: string, email: string) => {
      let calls = 0;
      const spy = jest.spyOn(scorer, 'scoreNew').mockImplementation(async (...args) => {
        if (++calls === 1)
          await app.get(LeadsService, { strict: false }).create(team.marketing, { email, firstName: 'Bo' });
        return original(...args);
      });
      try {
        const file = `Email,Title\nana@acme.com,Analyst\n${email},VP Sales\n`;
        return { imported: await upload(team.marketing, path, file), calls };
      } finally {
        spy.mockRestore();
      }
    };

    const dry = await racing('leads?dryRun=true', 'cy@acme.com');
    expect(dry.calls).toBe(2);
    expect(dry.imported).toMatchObject({ body: { status: 'DONE', dryRun: true, created: 1, updated: 1 } });
    expect(await sql(team, `SELECT email, title FROM leads ORDER BY email`)).toEqual([
      { email: 'cy@acme.com', title: null },
    ]);

    const real = await racing('leads', 'bo@acme.com');
    expect(real.calls).toBe(2);
    expect(real.imported).toMatchObject({ body: { status: 'DONE', created: 1, updated: 1, skipped: 0 } });
    expect(
      await sql(team, `SELECT email, first_name AS "firstName", title FROM leads ORDER BY email`),
    ).toEqual([
      { email: 'ana@acme.com', firstName: null, title: 'Analyst' },
      { email: 'bo@acme.com', firstName: 'Bo', title: 'VP Sales' },
      { email: 'cy@acme.com', firstName: 'Bo', title: null },
    ]);
  });

  it('imports opportunities with their real dates into the funnel, idempotently', async () => {
    const team = await newTeam();
    await publish(team);
    await upload(
      team.marketing,
      'leads',
      'email,company,domain\nana@acme.com,Acme,acme.com\nbo@beta.io,Beta,beta.io\n',
    );
    const csv =
      'Opportunity ID,Contact Email,Amount,Stage,Created Date,Close Date,Loss Reason,Owner\n' +
      `006A,ana@acme.com,"$12,000.00",Closed Won,2025-01-02,2025-03-01,,${team.sales.email}\n` +
      '006B,bo@beta.io,$5.000,Negotiaton,2025-02-10,,,nobody@else.com\n' +
      '006C,zed@nowhere.com,100,Won,2025-01-01,2025-01-05,,\n' +
      '006D,bo@beta.io,300,Discovery,2025-02-11,,,\n' +
      // The workspace reports in USD: an amount in another currency would make its sums meaningless.
      '006E,ana@acme.com,€700,Discovery,2025-04-01,,,\n';
    const first = await upload(team.admin, 'opportunities', csv);
    expect(first.body).toMatchObject({ status: 'DONE', rows: 5, created: 2, refused: 3 });
    const opportunities = await sql(
      team,
      `SELECT o.stage, o.amount::float8 AS amount, o.currency, o.close_date::text AS close_date, o.opened_at, o.closed_at,
              o.owner_id, l.email, l.stage AS lead_stage
         FROM opportunities o JOIN leads l ON l.id = o.lead_id ORDER BY o.opened_at`,
    );
    expect(opportunities).toEqual([
      {
        stage: 'WON',
        amount: 12000,
        currency: 'USD',
        close_date: '2025-03-01',
        opened_at: new Date('2025-01-02T00:00:00Z'),
        closed_at: new Date('2025-03-01T00:00:00Z'),
        owner_id: team.sales.id,
        email: 'ana@acme.com',
        lead_stage: 'WON',
      },
      {
        stage: 'NEGOTIATION',
        amount: 5000,
        currency: 'USD',
        close_date: null,
        opened_at: new Date('2025-02-10T00:00:00Z'),
        closed_at: null,
        owner_id: team.admin.id,
        email: 'bo@beta.io',
        lead_stage: 'OPPORTUNITY',
      },
    ]);
    expect(
      await sql(
        team,
        `SELECT from_stage, to_stage, amount::float8 AS amount, at FROM opportunity_transitions ORDER BY at, id`,
      ),
    ).toEqual([
      { from_stage: null, to_stage: 'DISCOVERY', amount: 12000, at: new Date('2025-01-02T00:00:00Z') },
      { from_stage: null, to_stage: 'NEGOTIATION', amount: 5000, at: new Date('2025-02-10T00:00:00Z') },
      { from_stage: 'DISCOVERY', to_stage: 'WON', amount: 12000, at: new Date('2025-03-01T00:00:00Z') },
    ]);
    const refusals = await graphql(
      team.marketing,
      `
        query ($id: ID!) {
          importReport(importId: $id) {
            lines {
              row
              outcome
              column
              message
            }
            next
          }
        }
      `,
      {
        id: first.body['id'],
      },
    );
    expect((refusals.data?.['importReport'] as { lines: unknown[] }).lines).toEqual([
      { row: 2, outcome: 'CREATED', column: 'Amount', message: 'cleaned: "$12,000.00" read as 12000 USD' },
      { row: 2, outcome: 'CREATED', column: 'Stage', message: 'cleaned: "Closed Won" read as "Won"' },
      // The leads were imported without a created date: each becomes as old as its first deal.
      {
        row: 2,
        outcome: 'CREATED',
        column: 'Created Date',
        message:
          "cleaned: the lead's created date moved back from 2026-11-25 to 2025-01-02, when this opportunity opened",
      },
      { row: 3, outcome: 'CREATED', column: 'Amount', message: 'cleaned: "$5.000" read as 5000 USD' },
      {
        row: 3,
        outcome: 'CREATED',
        column: 'Stage',
        message: 'cleaned: "Negotiaton" read as "Negotiation" (typo)',
      },
      {
        row: 3,
        outcome: 'CREATED',
        column: 'Owner',
        message: 'cleaned: nobody@else.com is not a member; the importing member owns it',
      },
      {
        row: 3,
        outcome: 'CREATED',
        column: 'Created Date',
        message:
          "cleaned: the lead's created date moved back from 2026-11-25 to 2025-02-10, when this opportunity opened",
      },
      {
        row: 4,
        outcome: 'REFUSED',
        column: 'Contact Email',
        message: 'no lead with the e-mail zed@nowhere.com: import the leads first',
      },
      { row: 5, outcome: 'REFUSED', column: '', message: 'the lead already has an open opportunity' },
      {
        row: 6,
        outcome: 'REFUSED',
        column: 'Amount',
        message:
          "the amount is in EUR; this workspace reports in USD (convert it, or set the mapping's default currency if the file's amounts name none)",
      },
    ]);

    const again = await upload(team.admin, 'opportunities', csv);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, refused: 3 });
    expect(await sql(team, `SELECT count(*)::int AS n FROM opportunity_transitions`)).toEqual([{ n: 3 }]);
  });

  it('attaches an opportunity by its account name when the file names no lead or domain, spelled as it may be', async () => {
    const team = await newTeam();
    await upload(
      team.marketing,
      'leads',
      'email,company,Created\nfirst@acme.example,Acme Corp,2024-01-05\nlater@acme.example,Acme Corp,2024-06-01\n',
    );
    const deals = await upload(
      team.admin,
      'opportunities',
      'Deal ID,Account Name,Amount,Stage,Created Date\n' +
        'D1,"ACME Corp, Inc.",9000,Discovery,2024-07-01\n' +
        'D2,Umbrella Ltd,100,Discovery,2024-07-01\n',
    );
    expect(deals.body).toMatchObject({ status: 'DONE', created: 1, refused: 1 });
    expect(await sql(team, `SELECT l.email FROM opportunities o JOIN leads l ON l.id = o.lead_id`)).toEqual([
      { email: 'first@acme.example' },
    ]);
    const lines = await report(team.admin, deals.body['id'] as string);
    expect(lines.text.split('\r\n').filter((line) => /^[23],/.test(line))).toEqual([
      `2,CREATED,,"cleaned: attached to the first lead of the company ""Acme Corp"" (matched ""ACME Corp, Inc."" by name)"`,
      '3,REFUSED,Account Name,"no lead of a company named ""Umbrella Ltd"": import the account\'s leads first"',
    ]);
  });

  it("falls back to the domain's first lead when a deal's e-mail names none, whatever else the file holds", async () => {
    const team = await newTeam();
    await upload(team.marketing, 'leads', 'email,Created\nfirst@acme.example,2024-01-05\n');
    // Alone in its file, and beside a row naming only the domain: the same deal attaches the same way.
    const header = 'Deal ID,Contact Email,Company Domain,Amount,Stage,Deal owner,Close Date\n';
    const alone = 'D1,gone@acme.example,acme.example,9000,Discovery,nobody@acme.example,\n';
    const first = await upload(team.marketing, 'opportunities', header + alone);
    expect(first.body).toMatchObject({ status: 'DONE', created: 1 });
    const lines = await report(team.marketing, first.body['id'] as string);
    expect(lines.text.split('\r\n').filter((line) => line.startsWith('2,'))).toEqual([
      '2,CREATED,Deal owner,cleaned: nobody@acme.example is not a member; the importing member owns it',
      "2,CREATED,,cleaned: no lead with the e-mail gone@acme.example: attached to acme.example's first lead",
    ]);
    const beside = await upload(
      team.marketing,
      'opportunities',
      header + alone + 'D2,,acme.example,50,Won,,2024-08-01\n',
    );
    expect(beside.body).toMatchObject({ status: 'DONE', created: 1, unchanged: 1, refused: 0 });

    // Re-imported by another member, the deal keeps its owner: an owner who is not a member changes nothing.
    expect((await upload(team.admin, 'opportunities', header + alone)).body).toMatchObject({ unchanged: 1 });
    expect(
      await sql(
        team,
        `SELECT o.amount::float8 AS amount, m.email AS owner
           FROM opportunities o JOIN members m ON m.id = o.owner_id ORDER BY o.amount`,
      ),
    ).toEqual([
      { amount: 50, owner: team.marketing.email },
      { amount: 9000, owner: team.marketing.email },
    ]);
  });

  it('moves the lead to WON or LOST when a re-import closes its open opportunity, as importing it closed does', async () => {
    const team = await newTeam();
    // Published before the deals' dates, so their transitions are recorded under it.
    clock.current = new Date('2026-10-01T09:00:00Z');
    const versionId = await publish(team);
    clock.current = new Date('2026-11-25T09:00:00Z');
    await upload(
      team.marketing,
      'leads',
      'email,created date\nana@acme.com,2026-09-01\nbo@beta.io,2026-09-01\ncy@gamma.io,2026-09-01\n',
    );
    const header = 'Opportunity ID,Contact Email,Amount,Stage,Created Date,Close Date,Loss Reason\n';
    const open = await upload(
      team.admin,
      'opportunities',
      header + 'D1,ana@acme.com,1000,Negotiation,2026-10-05,,\nD2,bo@beta.io,500,Discovery,2026-10-06,,\n',
    );
    expect(open.body).toMatchObject({ status: 'DONE', created: 2, refused: 0 });

    const closing =
      header +
      'D1,ana@acme.com,1000,Closed Won,2026-10-05,2026-11-20,\n' +
      'D2,bo@beta.io,500,Closed Lost,2026-10-06,2026-11-21,Budget\n' +
      'D3,cy@gamma.io,1000,Closed Won,2026-10-05,2026-11-20,\n';
    const closed = await upload(team.admin, 'opportunities', closing);
    expect(closed.body).toMatchObject({ status: 'DONE', created: 1, updated: 2, refused: 0 });

    expect(await sql(team, `SELECT email, stage, stage_changed_at FROM leads ORDER BY email`)).toEqual([
      { email: 'ana@acme.com', stage: 'WON', stage_changed_at: new Date('2026-11-20T00:00:00Z') },
      { email: 'bo@beta.io', stage: 'LOST', stage_changed_at: new Date('2026-11-21T00:00:00Z') },
      { email: 'cy@gamma.io', stage: 'WON', stage_changed_at: new Date('2026-11-20T00:00:00Z') },
    ]);
    const moves = (email: string) =>
      sql(
        team,
        `SELECT t.from_stage, t.to_stage, t.reason, t.version_id, t.at FROM lead_transitions t
           JOIN leads l ON l.id = t.lead_id
          WHERE l.email = $1 AND t.reason = 'imported opportunity' ORDER BY t.at, t.id`,
        [email],
      );
    const throughOpportunity = (closedOn: string, outcome: 'WON' | 'LOST', openedOn: string) => [
      {
        from_stage: expect.any(String),
        to_stage: 'OPPORTUNITY',
        reason: 'imported opportunity',
        version_id: versionId,
        at: new Date(`${openedOn}T00:00:00Z`),
      },
      {
        from_stage: 'OPPORTUNITY',
        to_stage: outcome,
        reason: 'imported opportunity',
        version_id: versionId,
        at: new Date(`${closedOn}T00:00:00Z`),
      },
    ];
    // Opened, then closed by a re-import: the same moves as an opportunity imported closed in one go (cy).
    expect(await moves('ana@acme.com')).toEqual(await moves('cy@gamma.io'));
    expect(await moves('ana@acme.com')).toEqual(throughOpportunity('2026-11-20', 'WON', '2026-10-05'));
    expect(await moves('bo@beta.io')).toEqual(throughOpportunity('2026-11-21', 'LOST', '2026-10-06'));

    // The same file again changes nothing and moves no lead twice.
    const again = await upload(team.admin, 'opportunities', closing);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await moves('ana@acme.com')).toHaveLength(2);
  });

  it("moves a lead's created date back to the opening of an older deal, so no sales cycle is negative", async () => {
    const team = await newTeam();
    await publish(team);
    // No created date: the leads are created at the import's time (2026-11-25); bo's is given.
    await upload(team.marketing, 'leads', 'email,created date\nana@old.io,\nbo@old.io,2025-06-01\n');
    const deals = await upload(
      team.admin,
      'opportunities',
      'Opportunity ID,Contact Email,Amount,Stage,Created Date,Close Date\n' +
        'OLD1,ana@old.io,1000,Closed Won,2025-11-25,2026-01-10\n' +
        'OLD2,bo@old.io,500,Closed Won,2025-11-25,2026-01-12\n',
    );
    expect(deals.body).toMatchObject({ status: 'DONE', created: 2, refused: 0 });
    expect(await sql(team, `SELECT email, created_at FROM leads ORDER BY email`)).toEqual([
      { email: 'ana@old.io', created_at: new Date('2025-11-25T00:00:00Z') },
      { email: 'bo@old.io', created_at: new Date('2025-06-01T00:00:00Z') },
    ]);
    // The fact the dashboard's sales cycle reads: won − the lead's creation.
    expect(
      await sql(
        team,
        `SELECT l.email, (extract(epoch FROM ot.at - l.created_at) / 86400)::float8 AS sales_days
           FROM opportunity_transitions ot JOIN opportunities o ON o.id = ot.opportunity_id
           JOIN leads l ON l.id = o.lead_id WHERE ot.to_stage = 'WON' ORDER BY l.email`,
      ),
    ).toEqual([
      { email: 'ana@old.io', sales_days: 46 },
      { email: 'bo@old.io', sales_days: 225 },
    ]);
    const lines = await report(team.admin, deals.body['id'] as string);
    expect(lines.text.split('\r\n').filter((line) => line.includes('created date'))).toEqual([
      `2,CREATED,Created Date,"cleaned: the lead's created date moved back from 2026-11-25 to 2025-11-25, when this opportunity opened"`,
    ]);
  });

  it('reads a value mapping with any characters from X-Import-Mapping, percent-encoded or raw UTF-8', async () => {
    const team = await newTeam();
    await sql(team, `UPDATE workspaces SET currency = 'EUR'`);
    await upload(team.marketing, 'leads', 'email\nana@acme.com\nbo@beta.io\ncy@gamma.io\ndee@delta.io\n');
    const mapping = JSON.stringify({
      columns: ['externalId', 'leadEmail', 'amount', 'stage', 'createdAt', 'closeDate'],
      values: { stage: { 'Étape 4 – Négociation': 'NEGOTIATION', 'Закрыта – выиграна': 'WON' } },
      dateOrder: null,
      defaultCurrency: 'EUR',
    });
    // An open deal in a French stage, a won one in a Russian stage (both with an en dash), ids by prefix.
    const file = (prefix: string, open: string, won: string) =>
      'Deal,Contact,Value,Phase,Opened,Closed\n' +
      `${prefix}1,${open},100,Étape 4 – Négociation,2026-10-05,\n` +
      `${prefix}2,${won},200,Закрыта – выиграна,2026-10-05,2026-11-20\n`;

    // As the web app sends it, and as a script may: curl puts the JSON's UTF-8 bytes in the header as they are.
    const encoded = await upload(team.marketing, 'opportunities', file('E', 'ana@acme.com', 'bo@beta.io'), {
      'x-import-mapping': encodeURIComponent(mapping),
    });
    const raw = await upload(team.marketing, 'opportunities', file('R', 'cy@gamma.io', 'dee@delta.io'), {
      // fetch takes a header as bytes (Latin-1 characters): these are the UTF-8 bytes of the JSON.
      'x-import-mapping': Buffer.from(mapping, 'utf8').toString('latin1'),
    });
    for (const answer of [encoded, raw])
      expect(answer).toMatchObject({ status: 200, body: { status: 'DONE', created: 2, refused: 0 } });
    expect(
      await sql(
        team,
        `SELECT l.email, o.stage, o.currency FROM opportunities o JOIN leads l ON l.id = o.lead_id ORDER BY l.email`,
      ),
    ).toEqual([
      { email: 'ana@acme.com', stage: 'NEGOTIATION', currency: 'EUR' },
      { email: 'bo@beta.io', stage: 'WON', currency: 'EUR' },
      { email: 'cy@gamma.io', stage: 'NEGOTIATION', currency: 'EUR' },
      { email: 'dee@delta.io', stage: 'WON', currency: 'EUR' },
    ]);

    for (const [header, problem] of [
      ['%7B%22columns%22%3A%5B%E0%A4%A', /^X-Import-Mapping is not valid percent-encoding/],
      ['{"columns": [', /^X-Import-Mapping must be JSON/],
      [encodeURIComponent('{"columns": ['), /^X-Import-Mapping must be JSON/],
      [encodeURIComponent('null'), /^X-Import-Mapping needs "columns"/],
    ] as const) {
      const refused = await upload(
        team.marketing,
        'opportunities?dryRun=true',
        file('X', 'ana@acme.com', 'bo@beta.io'),
        {
          'x-import-mapping': header,
        },
      );
      expect(refused.status).toBe(400);
      expect(refused.body['message']).toMatch(problem);
    }
  });

  it('never reads a stage in another script as the mapped one it is not: "closed lost" is not "closed won"', async () => {
    const team = await newTeam();
    await sql(team, `UPDATE workspaces SET currency = 'EUR'`);
    await upload(team.marketing, 'leads', 'email\nana@acme.com\nbo@beta.io\n');
    const file =
      'Deal,Contact,Value,Phase,Opened,Closed\n' +
      'W1,ana@acme.com,100,Закрыта – выиграна,2026-10-05,2026-11-20\n' +
      'L1,bo@beta.io,200,Закрыта – проиграна,2026-10-05,2026-11-20\n';
    const mapping = {
      columns: ['externalId', 'leadEmail', 'amount', 'stage', 'createdAt', 'closeDate'],
      values: { stage: { 'Закрыта – выиграна': 'WON' } },
      dateOrder: null,
      defaultCurrency: 'EUR',
    };
    const imported = await upload(team.marketing, 'opportunities?saveMapping=true', file, {
      'x-import-mapping': encodeURIComponent(JSON.stringify(mapping)),
    });
    expect(imported.body).toMatchObject({ status: 'DONE', created: 1, refused: 1 });
    expect(
      await sql(team, `SELECT l.email, o.stage FROM opportunities o JOIN leads l ON l.id = o.lead_id`),
    ).toEqual([{ email: 'ana@acme.com', stage: 'WON' }]);
    expect((await report(team.marketing, imported.body['id'] as string)).text).toContain(
      '3,REFUSED,Phase,"""Закрыта – проиграна"" is not a known value',
    );
    // The preview, with the saved mapping, asks for the lost stage instead of showing it as WON.
    const preview = await upload(team.marketing, 'opportunities/preview', file);
    expect(preview.body['values']).toEqual([
      { field: 'stage', header: 'Phase', value: 'Закрыта – выиграна', mappedTo: 'WON' },
      { field: 'stage', header: 'Phase', value: 'Закрыта – проиграна', mappedTo: null },
    ]);
  });

  it('never saves the mapping on a dry run, even when asked to', async () => {
    const team = await newTeam();
    const headers = {
      'x-import-mapping': encodeURIComponent(
        JSON.stringify({
          columns: ['email', 'companyName'],
          values: {},
          dateOrder: null,
          defaultCurrency: 'USD',
        }),
      ),
    };
    const csv = 'Contact,Org\nana@acme.com,Acme\n';
    const dry = await upload(team.marketing, 'leads?dryRun=true&saveMapping=true', csv, headers);
    expect(dry.body).toMatchObject({ dryRun: true, status: 'DONE', created: 1 });
    expect(await sql(team, `SELECT count(*)::int AS n FROM import_mappings`)).toEqual([{ n: 0 }]);

    const real = await upload(team.marketing, 'leads?saveMapping=true', csv, headers);
    expect(real.body).toMatchObject({ dryRun: false, status: 'DONE', created: 1 });
    expect(await sql(team, `SELECT kind, headers FROM import_mappings`)).toEqual([
      { kind: 'LEADS', headers: ['Contact', 'Org'] },
    ]);
  });

  it('applies accounts to their leads by domain or by a slightly different name, and skips accounts with no lead', async () => {
    const team = await newTeam();
    await upload(
      team.marketing,
      'leads',
      'email,company\nana@acme.com,"ACME, Inc."\nbo@gmail.com,Beta GmbH\n',
    );
    const result = await upload(
      team.marketing,
      'accounts',
      'Account Name,Website,Industry,Employees,Country\nAcme,acme.com,Software,250,US\nbeta,,Retail,40,DE\nGamma,gamma.io,Software,10,FR\n',
    );
    expect(result.body).toMatchObject({ status: 'DONE', rows: 3, updated: 2, skipped: 1 });
    expect(
      await sql(
        team,
        `SELECT email, company_name, industry, employee_count, country FROM leads ORDER BY email`,
      ),
    ).toEqual([
      {
        email: 'ana@acme.com',
        company_name: 'Acme',
        industry: 'Software',
        employee_count: 250,
        country: 'US',
      },
      {
        email: 'bo@gmail.com',
        company_name: 'Beta GmbH',
        industry: 'Retail',
        employee_count: 40,
        country: 'DE',
      },
    ]);
    const again = await upload(
      team.marketing,
      'accounts',
      'Account Name,Website,Industry\nAcme,acme.com,Software\n',
    );
    expect(again.body).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it("says whose grade an account's facts changed", async () => {
    const team = await newTeam();
    await publish(team);
    await upload(
      team.marketing,
      'leads',
      'email,company,title,employees,industry,country\nana@regrade.io,Regrade,VP Marketing,150,Software,US\n',
    );
    const grade = async () =>
      (await sql<{ grade: string }>(team, `SELECT grade FROM lead_evaluations`)).map((row) => row.grade);
    const before = await grade();
    const result = await upload(
      team.marketing,
      'accounts',
      'Account Name,Website,Industry,Employees\nRegrade,regrade.io,Retail,5\n',
    );
    expect(result.body).toMatchObject({ updated: 1 });
    const after = await grade();
    expect(after).not.toEqual(before);
    const lines = (await report(team.marketing, result.body['id'] as string)).text.split('\r\n');
    expect(lines).toContain(`2,UPDATED,,1 lead updated; grade ${before[0]} → ${after[0]}`);
  });

  it('stores each industry, source and campaign as the workspace spells it, a new one as the file first does', async () => {
    const team = await newTeam();
    await upload(team.marketing, 'leads', 'email,source,campaign\nana@acme.com,LinkedIn,Q3 Push\n');
    // Batches of two rows: the new source is first spelt in one batch and met again in the next.
    const csv =
      'email,Lead Source,campaign\nbo@beta.io,LINKEDIN,q3 push\ncy@gamma.io,Paid Social,\ndi@delta.io,PAID SOCIAL,\n';
    const respelt = [
      '2,CREATED,Lead Source,"cleaned: ""LINKEDIN"" read as ""LinkedIn"", as the workspace already spells it"',
      '2,CREATED,campaign,"cleaned: ""q3 push"" read as ""Q3 Push"", as the workspace already spells it"',
      '4,CREATED,Lead Source,"cleaned: ""PAID SOCIAL"" read as ""Paid Social"", as the workspace already spells it"',
    ];
    const lines = async (importId: unknown) =>
      (await report(team.marketing, importId as string)).text
        .split('\r\n')
        .filter((line) => line.includes('spells'));
    const dry = await upload(team.marketing, 'leads?dryRun=true', csv);
    expect(dry.body).toMatchObject({ status: 'DONE', created: 3, cleaned: 2 });
    expect(await lines(dry.body['id'])).toEqual(respelt);
    expect(await sql(team, `SELECT spelling FROM lead_spellings WHERE field = 'source' ORDER BY 1`)).toEqual([
      { spelling: 'LinkedIn' },
    ]);

    const real = await upload(team.marketing, 'leads', csv);
    expect(await lines(real.body['id'])).toEqual(respelt);
    expect(await sql(team, `SELECT email, source, campaign FROM leads ORDER BY email`)).toEqual([
      { email: 'ana@acme.com', source: 'LinkedIn', campaign: 'Q3 Push' },
      { email: 'bo@beta.io', source: 'LinkedIn', campaign: 'Q3 Push' },
      { email: 'cy@gamma.io', source: 'Paid Social', campaign: null },
      { email: 'di@delta.io', source: 'Paid Social', campaign: null },
    ]);

    await upload(team.marketing, 'leads', 'email,industry\nana@acme.com,Software\n');
    const accounts = await upload(
      team.marketing,
      'accounts',
      'Account Name,Website,Sector\nBeta,beta.io,SOFTWARE\n',
    );
    expect(accounts.body).toMatchObject({ updated: 1, cleaned: 1 });
    expect(await lines(accounts.body['id'])).toEqual([
      '2,UPDATED,Sector,"cleaned: ""SOFTWARE"" read as ""Software"", as the workspace already spells it"',
    ]);
    expect(await sql(team, `SELECT industry FROM leads WHERE email = 'bo@beta.io'`)).toEqual([
      { industry: 'Software' },
    ]);
    // Only stored values become spellings: an account that reaches no lead, or a row skipped as a duplicate, sets none.
    await upload(team.marketing, 'accounts', 'Account Name,Website,Industry\nNobody,nobody.io,RETAIL\n');
    await upload(team.marketing, 'leads', 'email,campaign\nem@epsilon.io,Spring\nem@epsilon.io,SUMMER\n');
    await upload(team.marketing, 'leads', 'email,industry,campaign\nfe@zeta.io,Retail,summer\n');
    expect(await sql(team, `SELECT industry, campaign FROM leads WHERE email = 'fe@zeta.io'`)).toEqual([
      { industry: 'Retail', campaign: 'summer' },
    ]);
  });

  it('spells a misspelt industry or technology as the agreement in force does, so its criterion counts', async () => {
    const team = await newTeam();
    const versionId = await publish(team);
    await upload(team.marketing, 'leads', 'email,company\nana@acme.com,Acme\nbo@beta.io,Beta\n');
    const result = await upload(
      team.marketing,
      'accounts',
      'Account Name,Website,Industry,Tech stack\nAcme,acme.com,Sofware,Salesforse; Slack\nBeta,beta.io,Retail,\n',
    );
    expect(result.body).toMatchObject({ status: 'DONE', updated: 2, cleaned: 1, refused: 0 });
    expect(await sql(team, `SELECT email, industry, technologies FROM leads ORDER BY email`)).toEqual([
      { email: 'ana@acme.com', industry: 'Software', technologies: ['Salesforce', 'Slack'] },
      { email: 'bo@beta.io', industry: 'Retail', technologies: [] },
    ]);
    // Scored under the version in force with the criteria's points ("Software or internet", "Uses a CRM"), where
    // the misspelt words would have scored as Beta's "Retail" does.
    const scores = await sql<{ email: string; fit_score: number }>(
      team,
      `SELECT l.email, e.fit_score FROM leads l JOIN lead_evaluations e ON e.lead_id = l.id AND e.version_id = $1
        ORDER BY l.email`,
      [versionId],
    );
    expect(scores[0].fit_score).toBeGreaterThan(scores[1].fit_score);
    const lines = (await report(team.marketing, result.body['id'] as string)).text.split('\r\n');
    expect(lines.filter((line) => line.includes('agreement in force'))).toEqual([
      '2,UPDATED,Industry,"cleaned: ""Sofware"" read as ""Software"", as the agreement in force spells it"',
      '2,UPDATED,Tech stack,"cleaned: ""Salesforse"" read as ""Salesforce"", as the agreement in force spells it"',
    ]);
  });

  it('gives a lead reached by two account rows (by domain and by name) the first row, on every import alike', async () => {
    const team = await newTeam();
    await upload(team.marketing, 'leads', 'email,company\nana@acmewidgets.com,Acme Inc.\n');
    // One batch: the first row reaches Ana by her domain, the second by her company's name.
    const accounts =
      'Account Name,Website,Industry\nAcme Inc.,acmewidgets.com,Software\n"ACME, Inc",,Retail\n';
    const first = await upload(team.marketing, 'accounts', accounts);
    expect(first.body).toMatchObject({ status: 'DONE', updated: 1, skipped: 1 });
    const lines = await report(team.marketing, first.body['id'] as string);
    expect(lines.text.split('\r\n').filter((line) => /^[23],/.test(line))).toEqual([
      '2,UPDATED,,1 lead updated',
      '3,SKIPPED,,row 2 sets the same leads earlier in the file; its values are used',
    ]);
    for (let again = 0; again < 2; again++)
      expect((await upload(team.marketing, 'accounts', accounts)).body).toMatchObject({
        updated: 0,
        unchanged: 1,
        skipped: 1,
      });
    expect(await sql(team, `SELECT industry FROM leads`)).toEqual([{ industry: 'Software' }]);

    // The same two rows in different batches (two rows a batch here), with a row of another company between.
    await upload(team.marketing, 'leads', 'email,company\nbo@beta.io,Beta\n');
    const apart =
      'Account Name,Website,Industry\nAcme Inc.,acmewidgets.com,Healthcare\nBeta,beta.io,Retail\n' +
      '"ACME, Inc",,Energy\n';
    const spread = await upload(team.marketing, 'accounts', apart);
    expect(spread.body).toMatchObject({ updated: 2, skipped: 1 });
    expect(
      (await report(team.marketing, spread.body['id'] as string)).text
        .split('\r\n')
        .filter((line) => line.startsWith('4,')),
    ).toEqual(['4,SKIPPED,,row 2 sets the same leads earlier in the file; its values are used']);
    expect((await upload(team.marketing, 'accounts', apart)).body).toMatchObject({
      updated: 0,
      unchanged: 2,
      skipped: 1,
    });
    expect(await sql(team, `SELECT industry FROM leads WHERE email = 'ana@acmewidgets.com'`)).toEqual([
      { industry: 'Healthcare' },
    ]);
  });

  it('refuses a parameter it cannot read, a JSON body and a row its commas shifted, writing none of them', async () => {
    const team = await newTeam();
    const csv = 'email\nana@acme.com\n';
    for (const path of ['leads?dryRun=yes', 'leads?dryrun=true', 'leads?dryRun=true&dryRun=false'])
      expect((await upload(team.marketing, path, csv)).status).toBe(400);
    expect(
      await upload(team.marketing, 'leads', '{"email":"ana@acme.com"}', {
        'content-type': 'application/json',
      }),
    ).toMatchObject({ status: 400, body: { message: expect.stringContaining('Content-Type: text/csv') } });
    expect(await sql(team, `SELECT count(*)::int AS n FROM leads`)).toEqual([{ n: 0 }]);
    const shifted = await upload(team.marketing, 'leads', 'Email,Company,Title\nbo@beta.io,Beta, Inc.,CTO\n');
    expect(shifted.body).toMatchObject({ status: 'DONE', created: 0, refused: 1 });
    const lines = await report(team.marketing, shifted.body['id'] as string);
    expect(lines.text.split('\r\n')[1]).toMatch(/^2,REFUSED,,has 4 cells where the header has 3/);
  });

  it('imports the first of two rows naming one record, whichever batches they fall in, so a re-import changes nothing', async () => {
    const team = await newTeam();
    // Batches of two rows: Ana's rows fall in the first and the third batch, the deal's in the first and second.
    const leads =
      'email,company,employees\nana@acme.com,Acme,50\nbo@beta.io,Beta,10\ncy@gamma.io,Gamma,20\n' +
      'di@delta.io,Delta,30\nANA@acme.com,Acme Corp,5000\n';
    const first = await upload(team.marketing, 'leads', leads);
    expect(first.body).toMatchObject({ status: 'DONE', created: 4, skipped: 1 });
    const lines = await report(team.marketing, first.body['id'] as string);
    expect(lines.text.split('\r\n').filter((line) => line.startsWith('6,'))).toEqual([
      '6,SKIPPED,,"the same e-mail is in row 2, which is imported instead"',
    ]);
    for (let again = 0; again < 2; again++)
      expect((await upload(team.marketing, 'leads', leads)).body).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 4,
        skipped: 1,
      });
    expect(
      await sql(team, `SELECT company_name, employee_count FROM leads WHERE email = 'ana@acme.com'`),
    ).toEqual([{ company_name: 'Acme', employee_count: 50 }]);
    const transitions = await sql(team, `SELECT count(*)::int AS n FROM lead_transitions`);
    await upload(team.marketing, 'leads', leads);
    expect(await sql(team, `SELECT count(*)::int AS n FROM lead_transitions`)).toEqual(transitions);

    const deals =
      'Opportunity ID,Contact Email,Amount,Stage\nO-1,ana@acme.com,1000,Discovery\nO-2,bo@beta.io,500,Demo\n' +
      'O-1,ana@acme.com,9000,Demo\n';
    expect((await upload(team.marketing, 'opportunities', deals)).body).toMatchObject({
      created: 2,
      skipped: 1,
    });
    expect((await upload(team.marketing, 'opportunities', deals)).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
      skipped: 1,
    });
    expect(
      await sql(
        team,
        `SELECT o.amount::float8 AS amount FROM opportunities o JOIN leads l ON l.id = o.lead_id WHERE l.email = 'ana@acme.com'`,
      ),
    ).toEqual([{ amount: 1000 }]);
  });

  it("moves a known lead's created date back to an earlier one a later file gives, and no further", async () => {
    const team = await newTeam();
    // Imported first without its date: created at the import.
    await upload(team.marketing, 'leads', 'email\nana@acme.com\n');
    const dated = 'email,Created\nana@acme.com,2024-03-04\n';
    const first = await upload(team.marketing, 'leads', dated);
    expect(first.body).toMatchObject({ updated: 1 });
    const lines = await report(team.marketing, first.body['id'] as string);
    expect(lines.text.split('\r\n')[1]).toBe(
      "2,UPDATED,Created,cleaned: the lead's created date moved back from 2026-11-25 to 2024-03-04",
    );
    expect((await upload(team.marketing, 'leads', dated)).body).toMatchObject({ updated: 0, unchanged: 1 });
    expect(
      (await upload(team.marketing, 'leads', 'email,Created\nana@acme.com,2025-01-01\n')).body,
    ).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await sql(team, `SELECT created_at FROM leads`)).toEqual([
      { created_at: new Date('2024-03-04T00:00:00.000Z') },
    ]);
  });

  it('skips blank rows and a report footer, keeps spreadsheet row numbers, and reads a stray quote as text', async () => {
    const team = await newTeam();
    const csv =
      '\nEmail,Company\nana@acme.com,Acme 27" Displays\n\n,\nbo@beta.io,Beta\nnot-an-email,Gamma\n' +
      '\nGrand Totals (3 records),\nGenerated By:  Ada Admin  27.11.2026 09:14,\n';
    const imported = await upload(team.marketing, 'leads', csv);
    expect(imported.body).toMatchObject({ status: 'DONE', rows: 5, created: 2, refused: 1, skipped: 2 });
    const lines = await report(team.marketing, imported.body['id'] as string);
    expect(lines.text.split('\r\n').filter((line) => /REFUSED|SKIPPED/.test(line))).toEqual([
      expect.stringMatching(/^7,REFUSED,Email,/),
      "9,SKIPPED,,not a record: the report's footer",
      "10,SKIPPED,,not a record: the report's footer",
    ]);
    expect(await sql(team, `SELECT email, company_name FROM leads ORDER BY email`)).toEqual([
      { email: 'ana@acme.com', company_name: 'Acme 27" Displays' },
      { email: 'bo@beta.io', company_name: 'Beta' },
    ]);
  });

  it("skips a Salesforce opportunity report's totals row, with its sum, as the footer", async () => {
    const team = await newTeam();
    await upload(team.marketing, 'leads', 'email\nana@acme.com\nbo@beta.io\n');
    const csv =
      'Opportunity Name,Opportunity ID,Contact Email,Stage,Amount,Close Date\n' +
      'Acme renewal,006A,ana@acme.com,Prospecting,"$1,234.50",\n' +
      'Total Motors pilot,006B,bo@beta.io,Prospecting,"$1,000.00",\n' +
      '"Grand Totals (2 records)",,,,"$2,234.50",,\n' +
      '\n"Confidential Information - Do Not Distribute"\n' +
      '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n';
    const imported = await upload(team.admin, 'opportunities', csv);
    expect(imported.body).toMatchObject({ status: 'DONE', rows: 5, created: 2, skipped: 3, refused: 0 });
    const lines = await report(team.admin, imported.body['id'] as string);
    expect(lines.text.split('\r\n').filter((line) => /SKIPPED|REFUSED/.test(line))).toEqual([
      "4,SKIPPED,,not a record: the report's footer",
      "6,SKIPPED,,not a record: the report's footer",
      "7,SKIPPED,,not a record: the report's footer",
    ]);
  });

  it('imports activities through signal ingestion, once per id', async () => {
    const team = await newTeam();
    await upload(team.marketing, 'leads', 'email\nana@acme.com\n');
    const csv =
      'Activity ID,Email,Activity Type,Date\na1,ana@acme.com,Webinar,2026-10-01\na2,ana@acme.com,Phone call,01/10/2026\na3,zed@x.io,Webinar,2026-10-02\n';
    const dry = await upload(team.marketing, 'signals?dryRun=true', csv, {
      'x-import-mapping': JSON.stringify({
        columns: ['externalId', 'leadEmail', 'type', 'occurredAt'],
        values: {},
        dateOrder: 'DMY',
        defaultCurrency: 'USD',
      }),
    });
    expect(dry.body).toMatchObject({ created: 2, refused: 1 });
    expect(await sql(team, `SELECT count(*)::int AS n FROM signals`)).toEqual([{ n: 0 }]);
    const real = await upload(team.marketing, 'signals', csv, {
      'x-import-mapping': JSON.stringify({
        columns: ['externalId', 'leadEmail', 'type', 'occurredAt'],
        values: {},
        dateOrder: 'DMY',
        defaultCurrency: 'USD',
      }),
    });
    expect(real.body).toMatchObject({ created: 2, refused: 1 });
    expect(
      await sql(team, `SELECT external_id, type, occurred_at FROM signals ORDER BY external_id`),
    ).toEqual([
      { external_id: 'a1', type: 'WEBINAR_ATTENDED', occurred_at: new Date('2026-10-01T00:00:00Z') },
      { external_id: 'a2', type: 'CALL_MADE', occurred_at: new Date('2026-10-01T00:00:00Z') },
    ]);
  });

  it("offers the value-mapping step every enumeration's choices, signal types included", async () => {
    const team = await newTeam();
    const answer = await graphql(
      team.marketing,
      `
        {
          importFields(kind: SIGNALS) {
            key
            values
          }
        }
      `,
    );
    const fields = (answer.data as { importFields: { key: string; values: string[] }[] }).importFields;
    const type = fields.find((field) => field.key === 'type');
    // A file's own type names ("Web Visit") must be mappable to something in the web app.
    expect(type?.values).toEqual(expect.arrayContaining(['PRICING_PAGE_VISIT', 'DEMO_REQUEST', 'CALL_MADE']));
    expect(type?.values).not.toContain('TRIAL_STARTED');

    // The workspace's own signal types, those the version in force scores, are offered too.
    await publish(team, (document) =>
      document.intent.signals.push({
        type: 'TRIAL_STARTED',
        label: 'Trial started',
        weight: 30,
        cap: 1,
        halfLifeDays: 30,
      }),
    );
    const again = await graphql(
      team.marketing,
      `
        {
          importFields(kind: SIGNALS) {
            key
            values
          }
        }
      `,
    );
    const types = (again.data as { importFields: { key: string; values: string[] }[] }).importFields.find(
      (field) => field.key === 'type',
    )?.values;
    expect(types).toEqual(expect.arrayContaining(['TRIAL_STARTED', 'PRICING_PAGE_VISIT', 'CALL_MADE']));
    expect(types?.filter((value) => value === 'PRICING_PAGE_VISIT')).toHaveLength(1);
  });

  it('keeps imports, reports and mappings to their workspace, and to the roles that import', async () => {
    const mine = await newTeam();
    const theirs = await newTeam();
    const done = await upload(mine.marketing, 'leads?saveMapping=true', 'email\nana@acme.com\n');
    expect(done.status).toBe(200);
    const listed = await graphql(
      theirs.admin,
      `
        {
          imports {
            id
          }
          importMappings {
            kind
          }
        }
      `,
    );
    expect(listed.data).toEqual({ imports: [], importMappings: [] });
    expect(
      (
        await graphql(
          theirs.admin,
          `
            query ($id: ID!) {
              importRun(id: $id) {
                id
              }
            }
          `,
          { id: done.body['id'] },
        )
      ).data,
    ).toEqual({ importRun: null });
    expect((await report(theirs.admin, done.body['id'] as string)).status).toBe(404);
    expect(await sql(theirs, `SELECT count(*)::int AS n FROM leads`)).toEqual([{ n: 0 }]);
    expect(
      (
        await graphql(
          mine.marketing,
          `
            {
              imports {
                kind
                rows
                created
              }
              importMappings {
                kind
                headers
              }
            }
          `,
        )
      ).data,
    ).toEqual({
      imports: [{ kind: 'LEADS', rows: 1, created: 1 }],
      importMappings: [{ kind: 'LEADS', headers: ['email'] }],
    });
    expect((await upload(mine.sales, 'leads', 'email\nx@y.io\n')).status).toBe(403);
    const anonymous = await fetch(`${base}/api/v1/imports/leads`, {
      method: 'POST',
      body: 'email\nx@y.io\n',
    });
    expect(anonymous.status).toBe(401);
  });

  it('stops at a broken record: the batches before it are saved and counted, nothing after it', async () => {
    const team = await newTeam();
    // Batches of two are written while the next is read, so one is still in flight when the last record breaks.
    const rows = Array.from({ length: 7 }, (_, i) => `broken${i}@example.com,Lead ${i}`);
    const broken = await upload(
      team.marketing,
      'leads',
      `email,first name\n${rows.join('\n')}\n"unclosed@example.com,Never\n`,
    );
    expect(broken.status).toBe(400);
    expect(broken.body['message']).toMatch(
      /^Stopped after row 7; the rows before it reported good are saved\. The file is not readable CSV: /,
    );
    const [run] = await sql<{ status: string; rows: number; created: number }>(
      team,
      `SELECT status, rows, created FROM imports WHERE id = $1`,
      [broken.body['importId']],
    );
    expect(run).toEqual({ status: 'FAILED', rows: 6, created: 6 });
    expect(await sql(team, `SELECT count(*)::int AS n FROM leads`)).toEqual([{ n: 6 }]);
  });

  it('refuses a cell with a NUL or another control character with its row and column, and imports the rest', async () => {
    const team = await newTeam();
    await upload(team.marketing, 'leads', 'email\nana@acme.com\nbo@beta.io\n');
    // Batches of two: each bad row shares its batch with a good one, which must still be written.
    const csv =
      'Opportunity ID,Contact Email,Name,Amount,Stage\n' +
      'N1,ana@acme.com,Good deal,100,Discovery\n' +
      'N2,ana@acme.com,Bad\u0000deal,200,Discovery\n' +
      'N3,bo@beta.io,Odd deal,300\u0000,Discovery\n' +
      'N4,bo@beta.io,Bell\u0007deal,400,Discovery\n' +
      'N5,bo@beta.io,"Multi\r\nline\tdeal",500,Discovery\n';
    const imported = await upload(team.admin, 'opportunities', csv);
    expect(imported).toMatchObject({ status: 200, body: { status: 'DONE', created: 2, refused: 3 } });
    expect(await sql(team, `SELECT name FROM opportunities ORDER BY name`)).toEqual([
      { name: 'Good deal' },
      { name: 'Multi line deal' },
    ]);
    const lines = await report(team.admin, imported.body['id'] as string);
    expect(lines.text.split('\r\n').filter((line) => /^[3-5],/.test(line))).toEqual([
      '3,REFUSED,Name,must not contain control characters',
      '4,REFUSED,Amount,must not contain control characters',
      '5,REFUSED,Name,must not contain control characters',
    ]);
    // The refused rows file holds them too, a NUL (which the database cannot store) marked in its place.
    const refused = await fetch(`${base}/api/v1/imports/${imported.body['id'] as string}/refused.csv`, {
      headers: { authorization: `Bearer ${await token(team.admin)}` },
    });
    expect((await refused.text()).split('\r\n').slice(1, 4)).toEqual([
      'N2,ana@acme.com,Bad\uFFFDdeal,200,Discovery,Name: must not contain control characters',
      'N3,bo@beta.io,Odd deal,300\uFFFD,Discovery,Amount: must not contain control characters',
      'N4,bo@beta.io,Bell\u0007deal,400,Discovery,Name: must not contain control characters',
    ]);
  });

  it('reads a file saved by Excel on Windows (Windows-1252) or as Unicode text (UTF-16)', async () => {
    const team = await newTeam();
    const windows1252 = Buffer.from([
      ...Buffer.from('Email,Company,Title\r\nana@societe.fr,Soci', 'latin1'),
      0xe9, // é
      ...Buffer.from('t', 'latin1'),
      0xe9,
      ...Buffer.from(' G', 'latin1'),
      0xe9,
      ...Buffer.from('n', 'latin1'),
      0xe9,
      ...Buffer.from('rale,', 'latin1'),
      0x93, // “ — where Windows-1252 and Latin-1 differ
      ...Buffer.from('top', 'latin1'),
      0x94, // ”
      0x20,
      0x80, // €
      ...Buffer.from('\r\n', 'latin1'),
    ]);
    const preview = await upload(team.marketing, 'leads/preview', windows1252);
    expect(preview).toMatchObject({
      status: 200,
      body: { encoding: 'WINDOWS-1252', sampleRows: [['ana@societe.fr', 'Société Générale', '“top” €']] },
    });
    expect(await upload(team.marketing, 'leads', windows1252)).toMatchObject({
      status: 200,
      body: { status: 'DONE', created: 1 },
    });

    // Excel's "Unicode Text": UTF-16 little-endian with its byte-order mark, tab-separated.
    const unicodeText = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Email\tCompany\r\nbo@zurich.ch\tZürich Versicherung\r\n', 'utf16le'),
    ]);
    expect(await upload(team.marketing, 'leads/preview', unicodeText)).toMatchObject({
      body: { encoding: 'UTF-16LE', headers: ['Email', 'Company'] },
    });
    expect(await upload(team.marketing, 'leads', unicodeText)).toMatchObject({ body: { created: 1 } });

    expect(await sql(team, `SELECT email, company_name AS company, title FROM leads ORDER BY email`)).toEqual(
      [
        { email: 'ana@societe.fr', company: 'Société Générale', title: '“top” €' },
        { email: 'bo@zurich.ch', company: 'Zürich Versicherung', title: null },
      ],
    );
  });

  it('refuses a file whose header, mapping or name holds a NUL before any row, and never leaves it RUNNING', async () => {
    const team = await newTeam();
    await upload(team.marketing, 'leads', 'email\nana@acme.com\n');
    const rows = 'H1,ana@acme.com,100,Discovery\n';
    const header = await upload(
      team.admin,
      'opportunities?saveMapping=true',
      `Opportunity ID,Contact Email,Amount,Stage\u0000\n${rows}`,
    );
    expect(header).toMatchObject({
      status: 400,
      body: {
        error: 'BAD_USER_INPUT',
        message:
          "The file's header row cannot be read: the header of column 4 must not contain control characters.",
      },
    });
    const mapping = await upload(
      team.admin,
      'opportunities',
      `Opportunity ID,Contact Email,Amount,Stage\n${rows}`,
      {
        'x-import-mapping': encodeURIComponent(
          JSON.stringify({
            columns: ['externalId', 'leadEmail', 'amount', 'stage'],
            values: { stage: { 'Disc\u0000': 'DISCOVERY' } },
            dateOrder: null,
            defaultCurrency: 'USD',
          }),
        ),
      },
    );
    expect(mapping).toMatchObject({
      status: 400,
      body: {
        message: 'The mapping cannot run: a value mapped for stage must not contain control characters.',
      },
    });
    for (const refused of [header, mapping])
      expect(
        await sql(team, `SELECT status, rows, error FROM imports WHERE id = $1`, [refused.body['importId']]),
      ).toEqual([{ status: 'FAILED', rows: 0, error: refused.body['message'] }]);
    expect(await sql(team, `SELECT count(*)::int AS n FROM opportunities`)).toEqual([{ n: 0 }]);
    expect(await sql(team, `SELECT count(*)::int AS n FROM import_mappings`)).toEqual([{ n: 0 }]);

    // The file's name is refused by the validation of every query parameter, before an import starts.
    const named = await upload(
      team.admin,
      'opportunities?fileName=deals%00.csv',
      `Opportunity ID,Contact Email,Amount,Stage\n${rows}`,
    );
    expect(named.status).toBe(400);
    expect(await sql(team, `SELECT count(*)::int AS n FROM imports WHERE status = 'RUNNING'`)).toEqual([
      { n: 0 },
    ]);
  });

  it('marks an import FAILED, never RUNNING, when its outcome cannot be recorded', async () => {
    const team = await newTeam();
    const imports = app.get(ImportsRepository);
    // The first attempt to record the outcome is refused, as PostgreSQL refuses a NUL in text.
    const refused = jest.spyOn(imports, 'finish').mockRejectedValueOnce(
      new QueryFailedError('UPDATE imports …', [], {
        code: '22021',
        message: 'invalid byte sequence for encoding "UTF8": 0x00',
      } as unknown as Error),
    );
    let answer: Awaited<ReturnType<typeof upload>>;
    try {
      answer = await upload(team.marketing, 'leads', 'email\nana@acme.com\nbo@beta.io\n');
    } finally {
      refused.mockRestore();
    }
    expect(answer).toMatchObject({
      status: 500,
      body: {
        error: 'INTERNAL_SERVER_ERROR',
        message: "The import's outcome could not be recorded. The import failed on an internal error.",
      },
    });
    const [run] = await sql<{ status: string; rows: number; created: number; error: string }>(
      team,
      `SELECT status, rows, created, error FROM imports WHERE id = $1`,
      [answer.body['importId']],
    );
    expect(run).toEqual({ status: 'FAILED', rows: 2, created: 2, error: answer.body['message'] });
  });

  it('answers 503 with Retry-After when the database goes away mid-import, and records the import as failed, retryable', async () => {
    const team = await newTeam();
    const file = `email,first name\n${Array.from({ length: 5 }, (_, i) => `lost${i}@example.com,Lead ${i}`).join('\n')}\n`;
    // The second batch loses its connection, as pg_terminate_backend or a failover does.
    const imports = app.get(ImportsRepository);
    const original = imports.markImportedMqlsChecked.bind(imports);
    let calls = 0;
    const terminated = jest.spyOn(imports, 'markImportedMqlsChecked').mockImplementation(async (...args) => {
      if (++calls === 2)
        throw new QueryFailedError('UPDATE leads …', [], {
          code: '57P01',
          message: 'terminating connection due to administrator command',
        } as unknown as Error);
      return original(...args);
    });
    let response: Response;
    try {
      response = await fetch(`${base}/api/v1/imports/leads`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${await token(team.marketing)}` },
        body: file,
      });
    } finally {
      terminated.mockRestore();
    }
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      error: 'SERVICE_UNAVAILABLE',
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    });
    expect(body['message']).toBe(
      `Stopped after row 3; the rows before it reported good are saved. The database was unavailable for a moment (retryable): import the file again in ${DATABASE_RETRY_AFTER_SECONDS} seconds; the rows already saved come back unchanged.`,
    );
    const [run] = await sql<{ status: string; rows: number; created: number; error: string }>(
      team,
      `SELECT status, rows, created, error FROM imports WHERE id = $1`,
      [body['importId']],
    );
    expect(run).toEqual({ status: 'FAILED', rows: 2, created: 2, error: body['message'] });
    expect(await sql(team, `SELECT count(*)::int AS n FROM leads`)).toEqual([{ n: 2 }]);

    // Retried, the file finishes the job.
    const retried = await upload(team.marketing, 'leads', file);
    expect(retried.body).toMatchObject({ status: 'DONE', created: 3, unchanged: 2 });
  });

  it('refuses a file over the limit with 413, announced or streamed, and says why a mapping cannot run', async () => {
    const team = await newTeam();
    const big = `email\n${Array.from({ length: 2_000 }, (_, i) => `lead${i}@big.example`).join('\n')}\n`;
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    const announced = await upload(team.marketing, 'leads', big);
    expect(announced).toEqual({
      status: 413,
      body: {
        error: 'PAYLOAD_TOO_LARGE',
        message: `The file is larger than the limit of ${MAX_BYTES} bytes.`,
      },
    });

    // Sent in chunks without a length: the limit stops the stream; the batches before it stand, and say so.
    const encoded = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < encoded.length; at += 8_192)
          controller.enqueue(encoded.subarray(at, at + 8_192));
        controller.close();
      },
    });
    const streamed = await upload(team.marketing, 'leads', stream);
    expect(streamed.status).toBe(413);
    // Where it stopped depends on how the socket delivered the chunks; the reason does not.
    expect(streamed.body['message']).toMatch(
      /(^|saved\. )The file is larger than the limit of 16384 bytes\.$/,
    );
    const [run] = await sql<{ status: string; error: string }>(
      team,
      `SELECT status, error FROM imports WHERE id = $1`,
      [streamed.body['importId']],
    );
    expect(run.status).toBe('FAILED');

    const unmapped = await upload(team.marketing, 'opportunities', 'Deal,Amount\nx,1\n');
    expect(unmapped.status).toBe(400);
    expect(unmapped.body['message']).toBe(
      'The mapping cannot run: map a column to Opportunity id: every row needs it; map a column to Lead e-mail or Account domain or Account name: every row needs it; map a column to Stage: every row needs it.',
    );
  });
});

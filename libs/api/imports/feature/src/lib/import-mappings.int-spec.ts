import { MembersDataAccessModule } from '@accord/api/members/data-access';
import {
  FrozenClock,
  TestDatabase,
  TestMember,
  TestTeam,
  createTeam,
  createTestDatabase,
} from '@accord/api/shared/testing';

import { ImportsHttpApp, startImportsHttpApp } from './imports-http.int-fixture';

type Team = TestTeam<'marketing'>;

interface Preview {
  headers: string[];
  mapping: { columns: (string | null)[]; values: object; dateOrder: string | null; defaultCurrency: string };
  savedMappingUsed: boolean;
}

// Two CRMs' exports of leads, each with its own header; their dates are ambiguous without a date order.
const SALESFORCE =
  'First Name,Last Name,Email,Company,Lead Source,Created Date\n' +
  'Ana,Lima,ana@acme.com,Acme,Web,03/04/2025\n';
const HUBSPOT =
  'Email,First Name,Last Name,Company Name,Create Date\n' + 'bo@beta.io,Bo,Berg,Beta,05/06/2025\n';

describe('Saved import mappings on PostgreSQL: one per kind and header', () => {
  let database: TestDatabase;
  let http: ImportsHttpApp;
  const clock = new FrozenClock();

  beforeAll(async () => {
    database = await createTestDatabase();
    http = await startImportsHttpApp(database, clock, { modules: [MembersDataAccessModule] });
  });

  afterAll(async () => {
    await http.app.close();
    await database.drop();
  });

  beforeEach(() => {
    clock.current = new Date('2026-11-25T09:00:00.000Z');
  });

  const newTeam = (): Promise<Team> =>
    createTeam(http.app, { marketing: { name: 'mia', roles: ['MARKETING'], approver: true } });

  async function preview(member: TestMember, csv: string): Promise<Preview> {
    const answer = await http.upload(member, 'leads/preview', csv);
    expect(answer.status).toBe(200);
    return answer.body as unknown as Preview;
  }

  /** Imports the file with the proposed mapping in this date order, saving the mapping. */
  async function importSaving(member: TestMember, csv: string, dateOrder: 'DMY' | 'MDY') {
    const mapping = { ...(await preview(member, csv)).mapping, dateOrder };
    const answer = await http.upload(member, 'leads?saveMapping=true', csv, {
      'x-import-mapping': encodeURIComponent(JSON.stringify(mapping)),
    });
    expect(answer.body).toMatchObject({ status: 'DONE', created: 1, refused: 0 });
  }

  async function savedMappings(member: TestMember) {
    const response = await fetch(`${http.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await http.token(member)}` },
      body: JSON.stringify({
        query: '{ importMappings { kind headers headerKey updatedAt mapping { dateOrder } } }',
      }),
    });
    const answer = (await response.json()) as {
      data: { importMappings: { headerKey: string }[] };
    };
    return answer.data.importMappings.map(({ headerKey, ...rest }) => {
      expect(headerKey).toMatch(/^[0-9a-f]{64}$/);
      return rest;
    });
  }

  it("keeps a mapping per header: a file with another header leaves the first one's in place", async () => {
    const team = await newTeam();
    await importSaving(team.marketing, SALESFORCE, 'MDY');
    clock.current = new Date('2026-11-25T10:00:00.000Z');
    await importSaving(team.marketing, HUBSPOT, 'DMY');

    const again = await preview(team.marketing, SALESFORCE);
    expect(again.savedMappingUsed).toBe(true);
    expect(again.mapping.dateOrder).toBe('MDY');
    expect((await preview(team.marketing, HUBSPOT)).mapping.dateOrder).toBe('DMY');
    // Imported with no mapping sent, each file gets its own header's: no date is refused as ambiguous.
    const reimport = await http.upload(team.marketing, 'leads', SALESFORCE.replace('Lima', 'Lima-Souza'));
    expect(reimport.body).toMatchObject({ status: 'DONE', updated: 1, refused: 0 });

    expect(await savedMappings(team.marketing)).toEqual([
      {
        kind: 'LEADS',
        headers: ['Email', 'First Name', 'Last Name', 'Company Name', 'Create Date'],
        updatedAt: '2026-11-25T10:00:00.000Z',
        mapping: { dateOrder: 'DMY' },
      },
      {
        kind: 'LEADS',
        headers: ['First Name', 'Last Name', 'Email', 'Company', 'Lead Source', 'Created Date'],
        updatedAt: '2026-11-25T09:00:00.000Z',
        mapping: { dateOrder: 'MDY' },
      },
    ]);
  });

  it('replaces only the mapping saved for the same header when it is saved again', async () => {
    const team = await newTeam();
    await importSaving(team.marketing, SALESFORCE, 'MDY');
    clock.current = new Date('2026-11-25T10:00:00.000Z');
    await importSaving(team.marketing, HUBSPOT, 'MDY');
    clock.current = new Date('2026-11-25T11:00:00.000Z');
    await importSaving(team.marketing, SALESFORCE.replace('ana@acme.com', 'cy@acme.com'), 'DMY');

    expect(await savedMappings(team.marketing)).toEqual([
      {
        kind: 'LEADS',
        headers: ['First Name', 'Last Name', 'Email', 'Company', 'Lead Source', 'Created Date'],
        updatedAt: '2026-11-25T11:00:00.000Z',
        mapping: { dateOrder: 'DMY' },
      },
      {
        kind: 'LEADS',
        headers: ['Email', 'First Name', 'Last Name', 'Company Name', 'Create Date'],
        updatedAt: '2026-11-25T10:00:00.000Z',
        mapping: { dateOrder: 'MDY' },
      },
    ]);
  });

  it('finds no saved mapping for a header that differs only in the order of its columns', async () => {
    const team = await newTeam();
    await importSaving(team.marketing, SALESFORCE, 'MDY');
    const reordered = await preview(
      team.marketing,
      'Last Name,First Name,Email,Company,Lead Source,Created Date\nLima,Ana,ana@acme.com,Acme,Web,03/04/2025\n',
    );
    expect(reordered.savedMappingUsed).toBe(false);
    expect(reordered.mapping.dateOrder).toBeNull();
  });
});

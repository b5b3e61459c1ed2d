import { INestApplication } from '@nestjs/common';

// The test publishes a version through the real agreement lifecycle and runs the real handover opener over what
// the imports leave behind: feature → feature on purpose, as imports.int-spec.ts does.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsService } from '@accord/api/agreements/feature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { HandoverOpener, HandoversModule } from '@accord/api/handovers/feature';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { RescoreWorker } from '@accord/api/leads/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { TenantDb } from '@accord/api/shared/database';
import {
  FrozenClock,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
} from '@accord/api/shared/testing';

import { ImportsHttpApp, startImportsHttpApp } from './imports-http.int-fixture';

type Team = TestTeam<'marketing' | 'manager' | 'rep' | 'admin'>;

const IMPORTED_AT = new Date('2026-11-25T09:00:00.000Z');
const LATER = new Date('2026-11-25T10:00:00.000Z');

/** A CRM's leads with a created date years back; every one is an A fit, so the agreement below makes it an MQL. */
const LEADS_MAPPING = JSON.stringify({
  columns: [
    'email',
    'title',
    'seniority',
    'budgetAuthority',
    'employeeCount',
    'industry',
    'country',
    'owner',
    'createdAt',
  ],
  values: {},
  dateOrder: null,
  defaultCurrency: 'USD',
});

const leadsFile = (rows: { email: string; owner?: string; employees?: number }[]) =>
  'Email,Title,Seniority,Budget,Employees,Industry,Country,Owner,Created\n' +
  rows
    .map(
      (row) =>
        `${row.email},VP Marketing,VP,yes,${row.employees ?? ''},Software,US,${row.owner ?? ''},2019-03-04`,
    )
    .join('\n') +
  '\n';

describe('handovers for imported leads, on PostgreSQL over HTTP', () => {
  let database: TestDatabase;
  let app: INestApplication;
  const clock = new FrozenClock();

  /** A workspace whose signed agreement hands every A-fit lead over, cold or not, round-robin to Sam (`rep`). */
  async function newTeam(): Promise<Team> {
    const team = await createTeam(app, {
      marketing: { name: 'Mia', roles: ['MARKETING'], approver: true },
      manager: { name: 'Sue', roles: ['SALES'], approver: true },
      rep: { name: 'Sam', roles: ['SALES'] },
      admin: { name: 'Ada', roles: ['ADMIN'] },
    });
    const agreements = app.get(AgreementsService);
    const draft = await agreements.createDraft(team.marketing, {});
    const document = structuredClone(draft.document);
    document.handover.matrix.A.COLD = 'MQL';
    document.handover.routing = { mode: 'ROUND_ROBIN', memberIds: [team.rep.id] };
    const saved = await agreements.save(team.marketing, {
      versionId: draft.id,
      baseRevision: draft.revision,
      document,
    });
    await agreements.propose(team.marketing, { versionId: saved.id, revision: saved.revision });
    await agreements.sign(team.marketing, {
      versionId: saved.id,
      revision: saved.revision,
      side: 'MARKETING',
    });
    await agreements.sign(team.manager, { versionId: saved.id, revision: saved.revision, side: 'SALES' });
    await app.get(RescoreWorker).drain();
    return team;
  }

  let http: ImportsHttpApp;
  const upload: ImportsHttpApp['upload'] = (...args) => http.upload(...args);

  const importLeads = (team: Team, query: string, rows: Parameters<typeof leadsFile>[0]) =>
    upload(team.marketing, `leads${query}`, leadsFile(rows), { 'x-import-mapping': LEADS_MAPPING });

  async function sql<T>(team: Team, query: string, parameters: unknown[] = []): Promise<T[]> {
    return app.get(TenantDb).inWorkspace(team.workspaceId, (manager) => manager.query(query, parameters));
  }

  /** Each lead of these e-mails: stage, owner, moves into MQL waiting for the opener, and its handovers. */
  const leadsOf = (team: Team, emails: string[]) =>
    sql<Record<string, unknown>>(
      team,
      `SELECT l.email, l.stage, l.owner_id,
              (SELECT count(*)::int FROM lead_transitions t
                WHERE t.lead_id = l.id AND t.to_stage = 'MQL' AND t.handover_checked_at IS NULL) AS waiting,
              (SELECT coalesce(json_agg(json_build_object(
                        'owner', h.owner_id,
                        'at', to_char(h.handed_over_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'),
                        'slaHours', extract(epoch FROM h.due_at - h.handed_over_at) / 3600)), '[]')
                 FROM handovers h WHERE h.lead_id = l.id) AS handovers
         FROM leads l WHERE l.email = ANY($1::text[]) ORDER BY l.email`,
      [emails],
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    http = await startImportsHttpApp(database, clock, {
      modules: [MembersDataAccessModule, HandoversModule],
    });
    ({ app } = http);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  beforeEach(() => {
    clock.current = IMPORTED_AT;
  });

  it('opens no handover for the MQLs a leads import makes, and keeps the owners the file gives', async () => {
    const team = await newTeam();
    const dry = await importLeads(team, '?dryRun=true', [{ email: 'old@bigco.example', employees: 500 }]);
    expect(dry.body).toMatchObject({ status: 'DONE', created: 1 });

    const imported = await importLeads(team, '', [
      { email: 'old@bigco.example', employees: 500 },
      { email: 'owned@bigco.example', employees: 500, owner: team.admin.email },
    ]);
    expect(imported).toMatchObject({ status: 200, body: { status: 'DONE', created: 2, refused: 0 } });
    // They are MQLs, already dealt with (nothing waits for the opener), and history: each became an MQL when it
    // was created (2019), so the funnel counts them then, not in the import's month.
    const created = new Date('2019-03-04T00:00:00.000Z');
    expect(
      await sql(
        team,
        `SELECT t.at, t.handover_checked_at, l.stage_changed_at FROM lead_transitions t JOIN leads l ON l.id = t.lead_id
          WHERE t.to_stage = 'MQL' ORDER BY t.id`,
      ),
    ).toEqual([
      { at: created, handover_checked_at: IMPORTED_AT, stage_changed_at: created },
      { at: created, handover_checked_at: IMPORTED_AT, stage_changed_at: created },
    ]);

    clock.current = LATER;
    await app.get(HandoverOpener).drain();
    expect(await leadsOf(team, ['old@bigco.example', 'owned@bigco.example'])).toEqual([
      { email: 'old@bigco.example', stage: 'MQL', owner_id: null, waiting: 0, handovers: [] },
      { email: 'owned@bigco.example', stage: 'MQL', owner_id: team.admin.id, waiting: 0, handovers: [] },
    ]);

    // A re-import that makes a known lead an MQL (here: its company size, B → A) does the same.
    clock.current = IMPORTED_AT;
    await importLeads(team, '', [{ email: 'grown@bigco.example' }]);
    expect((await leadsOf(team, ['grown@bigco.example']))[0]).toMatchObject({ stage: 'NURTURE' });
    clock.current = LATER;
    const grown = await importLeads(team, '', [{ email: 'grown@bigco.example', employees: 500 }]);
    expect(grown.body).toMatchObject({ status: 'DONE', updated: 1 });
    // A known lead's change is today's: its move into MQL is dated the re-import.
    expect(
      await sql(
        team,
        `SELECT t.at FROM lead_transitions t JOIN leads l ON l.id = t.lead_id
          WHERE l.email = 'grown@bigco.example' AND t.to_stage = 'MQL'`,
      ),
    ).toEqual([{ at: LATER }]);
    await app.get(HandoverOpener).drain();
    expect(await leadsOf(team, ['grown@bigco.example'])).toEqual([
      { email: 'grown@bigco.example', stage: 'MQL', owner_id: null, waiting: 0, handovers: [] },
    ]);
  });

  it('hands over the MQLs without an owner when asked (handovers=open), routed and due from the import', async () => {
    const team = await newTeam();
    const imported = await importLeads(team, '?handovers=open', [
      { email: 'new@bigco.example', employees: 500 },
      { email: 'owned@bigco.example', employees: 500, owner: team.admin.email },
    ]);
    expect(imported.body).toMatchObject({ status: 'DONE', created: 2 });

    clock.current = LATER;
    await app.get(HandoverOpener).drain();
    expect(await leadsOf(team, ['new@bigco.example', 'owned@bigco.example'])).toEqual([
      {
        email: 'new@bigco.example',
        stage: 'MQL',
        owner_id: team.rep.id,
        waiting: 0,
        // Handed over as of the import, due by the agreement's SLA for a cold lead.
        handovers: [{ owner: team.rep.id, at: '2026-11-25 09:00', slaHours: 72 }],
      },
      { email: 'owned@bigco.example', stage: 'MQL', owner_id: team.admin.id, waiting: 0, handovers: [] },
    ]);
  });

  it('does the same for the leads an accounts import makes MQLs', async () => {
    const team = await newTeam();
    await importLeads(team, '', [
      { email: 'ana@midco.example' },
      { email: 'bo@bigco.example' },
      { email: 'cy@bigco.example', owner: team.admin.email },
    ]);
    const accounts = (domain: string) => `Domain,Employees\n${domain},500\n`;
    clock.current = LATER;
    expect((await upload(team.marketing, 'accounts', accounts('midco.example'))).body).toMatchObject({
      status: 'DONE',
      updated: 1,
    });
    expect(
      (await upload(team.marketing, 'accounts?handovers=open', accounts('bigco.example'))).body,
    ).toMatchObject({ status: 'DONE', updated: 1 });
    await app.get(HandoverOpener).drain();
    expect(await leadsOf(team, ['ana@midco.example', 'bo@bigco.example', 'cy@bigco.example'])).toEqual([
      { email: 'ana@midco.example', stage: 'MQL', owner_id: null, waiting: 0, handovers: [] },
      {
        email: 'bo@bigco.example',
        stage: 'MQL',
        owner_id: team.rep.id,
        waiting: 0,
        handovers: [{ owner: team.rep.id, at: '2026-11-25 10:00', slaHours: 72 }],
      },
      { email: 'cy@bigco.example', stage: 'MQL', owner_id: team.admin.id, waiting: 0, handovers: [] },
    ]);
  });

  it('refuses a handovers option it cannot honour', async () => {
    const team = await newTeam();
    const unknown = await importLeads(team, '?handovers=later', [{ email: 'x@bigco.example' }]);
    expect(unknown.status).toBe(400);
    expect(unknown.body['message']).toMatch(/^handovers must be open .* or skip/);
    const elsewhere = await upload(team.marketing, 'opportunities?handovers=open', 'Id,Email,Amount,Stage\n');
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body['message']).toBe('handovers applies to leads and accounts imports only.');
    expect(await sql(team, `SELECT count(*)::int AS n FROM leads`)).toEqual([{ n: 0 }]);
  });

  it("leaves a move into MQL that is not the import's own to the opener", async () => {
    const team = await newTeam();
    await importLeads(team, '', [{ email: 'hot@bigco.example' }]);
    // Meanwhile something else (a signal, say) made it an MQL, and the opener has not run yet.
    await sql(team, `UPDATE leads SET stage = 'MQL' WHERE email = 'hot@bigco.example'`);
    await sql(
      team,
      `INSERT INTO lead_transitions (workspace_id, lead_id, from_stage, to_stage, version_id, actor_id, reason, at)
       SELECT l.workspace_id, l.id, 'NURTURE', 'MQL', t.version_id, NULL, 'scored B/HOT: MQL', $1
         FROM leads l JOIN lead_transitions t ON t.lead_id = l.id AND t.to_stage = 'NURTURE'
        WHERE l.email = 'hot@bigco.example'`,
      [new Date('2026-11-25T09:30:00Z')],
    );
    clock.current = LATER;
    const updated = await importLeads(team, '', [{ email: 'hot@bigco.example', employees: 500 }]);
    expect(updated.body).toMatchObject({ status: 'DONE', updated: 1 });
    expect((await leadsOf(team, ['hot@bigco.example']))[0]).toMatchObject({ waiting: 1 });
    await app.get(HandoverOpener).drain();
    expect(await leadsOf(team, ['hot@bigco.example'])).toEqual([
      {
        email: 'hot@bigco.example',
        stage: 'MQL',
        owner_id: team.rep.id,
        waiting: 0,
        handovers: [{ owner: team.rep.id, at: '2026-11-25 09:30', slaHours: 72 }],
      },
    ]);
  });
});

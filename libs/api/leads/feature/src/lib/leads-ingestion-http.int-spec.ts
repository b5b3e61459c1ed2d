import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The test publishes a version through the real agreement lifecycle, which puts it in force for scoring.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AgreementsModule, AgreementsService } from '@accord/api/agreements/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { TenantDb } from '@accord/api/shared/database';
import {
  FrozenClock,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  testModule,
} from '@accord/api/shared/testing';

import { ApiKeysService } from './api-keys.service';
import { SIGNALS_ROUTE } from './ingestion.controller';
import { LEADS_ROUTE, MAX_LEADS } from './leads-ingestion.controller';
import { LeadsModule } from './leads.module';
import { LeadsService } from './leads.service';
import { RescoreWorker } from './rescore.worker';

type Team = TestTeam<'marketing' | 'sales' | 'admin'>;

interface Item {
  index: number;
  status: string;
  leadId?: string;
  stage?: string;
  problems?: { field: string; message: string }[];
}

interface Answer {
  status: number;
  /** The Idempotent-Replayed header. */
  replayed?: string;
  body: {
    error?: string;
    message?: string;
    created?: number;
    updated?: number;
    unchanged?: number;
    refused?: number;
    items?: Item[];
  };
}

// No seniority, as a web form sends: the title names it, and the agreement's seniority criterion counts it.
const fitLead = {
  email: 'VP@BigCo.example',
  title: 'VP Marketing',
  budgetAuthority: true,
  employeeCount: 500,
  industry: 'Software',
  country: 'US',
};

/** Where the test's app listens. */
function baseOf(app: INestApplication): string {
  return `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
}

async function boot(database: TestDatabase, clock: FrozenClock, env: Record<string, string> = {}) {
  const moduleRef = await testModule(
    database,
    clock,
    [MembersDataAccessModule, AgreementsModule, LeadsModule],
    {
      poolSize: 6,
      env,
    },
  ).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  const base = baseOf(app);
  const send = async (body: unknown, headers: Record<string, string>): Promise<Answer> => {
    const response = await fetch(`${base}${LEADS_ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const replayed = response.headers.get('idempotent-replayed');
    return {
      status: response.status,
      ...(replayed ? { replayed } : {}),
      body: (await response.json()) as Answer['body'],
    };
  };
  return { app, send };
}

/** POST /api/v1/leads over real HTTP on PostgreSQL: API-key upserts by e-mail, scored in the same transaction. */
describe('POST /api/v1/leads over HTTP', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let send: (body: unknown, headers: Record<string, string>) => Promise<Answer>;
  const clock = new FrozenClock();

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, send } = await boot(database, clock));
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  async function workspace(): Promise<{ team: Team; auth: Record<string, string>; keyId: string }> {
    const team: Team = await createTeam(app, {
      marketing: { name: 'mia', roles: ['MARKETING'], approver: true },
      sales: { name: 'sam', roles: ['SALES'], approver: true },
      admin: { name: 'ada', roles: ['ADMIN'] },
    });
    const { secret, apiKey } = await app.get(ApiKeysService).create(team.admin, 'Website');
    return { team, auth: { authorization: `Bearer ${secret}` }, keyId: apiKey.id };
  }

  /** Publishes the default agreement and lets the rescore put it in force; returns the version. */
  async function publish(team: Team) {
    const agreements = app.get(AgreementsService);
    clock.current = new Date(clock.current.getTime() + 60_000);
    const draft = await agreements.createDraft(team.marketing, {});
    const signed = { versionId: draft.id, revision: draft.revision };
    await agreements.propose(team.marketing, signed);
    await agreements.sign(team.marketing, { ...signed, side: 'MARKETING' });
    const version = await agreements.sign(team.sales, { ...signed, side: 'SALES' });
    await app.get(RescoreWorker).drain();
    return version;
  }

  const query = (team: Team, sql: string, parameters: unknown[] = []): Promise<Record<string, unknown>[]> =>
    app.get(TenantDb).inWorkspace(team.admin.workspaceId, (manager) => manager.query(sql, parameters));

  // A fit lead without signals is A/COLD: the default agreement sends it to nurture.
  it('creates a lead, records its creation and scores it under the version in force', async () => {
    const { team, auth } = await workspace();
    const version = await publish(team);
    const answer = await send(fitLead, auth);
    expect(answer).toMatchObject({ status: 200, body: { created: 1, updated: 0, unchanged: 0, refused: 0 } });
    const [item] = answer.body.items ?? [];
    expect(item).toMatchObject({ index: 0, status: 'CREATED', stage: 'NURTURE' });

    const detail = await app.get(LeadsService).detail(team.sales, item.leadId as string);
    expect(detail.lead).toMatchObject({
      email: 'vp@bigco.example',
      companyDomain: 'bigco.example',
      seniority: 'VP',
      stage: 'NURTURE',
    });
    expect(detail.lead.evaluation).toMatchObject({ versionId: version.id, grade: 'A' });
    const transitions = await query(
      team,
      `SELECT reason, to_stage AS "toStage", actor_id AS "actorId" FROM lead_transitions WHERE lead_id = $1
        ORDER BY id`,
      [item.leadId],
    );
    expect(transitions).toEqual([
      { reason: 'created', toStage: 'LEAD', actorId: null },
      expect.objectContaining({ toStage: 'NURTURE', actorId: null }),
    ]);
  });

  it("fills a new lead's company facts it leaves out from the workspace's leads at its domain, and says so", async () => {
    const { team, auth } = await workspace();
    await publish(team);
    await send(fitLead, auth);
    const answer = await send([{ email: 'cfo@bigco.example', title: 'CFO', industry: 'Fintech' }], auth);
    const [item] = answer.body.items ?? [];
    expect(item).toMatchObject({ status: 'CREATED', filledFromCompany: ['employeeCount', 'country'] });
    const detail = await app.get(LeadsService).detail(team.sales, item.leadId as string);
    expect(detail.lead).toMatchObject({
      employeeCount: 500,
      country: 'US',
      industry: 'Fintech',
      seniority: 'C_LEVEL',
    });

    // Another company's lead takes nothing; re-sending the first body changes nothing.
    const elsewhere = await send([{ email: 'cfo@smallco.example' }], auth);
    expect(elsewhere.body.items?.[0]).not.toHaveProperty('filledFromCompany');
    expect(
      (await send([{ email: 'cfo@bigco.example', title: 'CFO', industry: 'Fintech' }], auth)).body,
    ).toMatchObject({ unchanged: 1 });
  });

  it('updates only the fields an item gives, and answers UNCHANGED when the same body is sent again', async () => {
    const { team, auth } = await workspace();
    const created = await app.get(LeadsService).create(team.marketing, {
      email: 'ava@northwind.example',
      firstName: 'Ava',
      title: 'Analyst',
      companyDomain: 'northwind-group.example',
      technologies: ['Salesforce'],
    });
    const body = [{ email: 'Ava@Northwind.example', title: 'VP Sales', country: 'de' }];
    const answer = await send(body, { 'x-api-key': auth.authorization.slice('Bearer '.length) });
    expect(answer.body).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      refused: 0,
      items: [{ index: 0, status: 'UPDATED', leadId: created.id, stage: 'LEAD' }],
    });
    const detail = await app.get(LeadsService).detail(team.marketing, created.id);
    // The seniority "Analyst" implied is read again from the new title; one given outright would have stayed.
    expect(detail.lead).toMatchObject({
      firstName: 'Ava',
      title: 'VP Sales',
      seniority: 'VP',
      country: 'DE',
      companyDomain: 'northwind-group.example',
      technologies: ['Salesforce'],
    });

    const again = await send(body, auth);
    expect(again.body).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
      refused: 0,
      items: [{ index: 0, status: 'UNCHANGED', leadId: created.id, stage: 'LEAD' }],
    });
  });

  it('applies a repeated e-mail on top of the item before it, and re-sending the batch changes nothing', async () => {
    const { auth } = await workspace();
    const body = [
      { email: 'ben@southwind.example', firstName: 'Ben' },
      { email: 'BEN@southwind.example', lastName: 'Okafor' },
      { email: 'ben@southwind.example', firstName: 'Ben' },
    ];
    const answer = await send(body, auth);
    const leadId = answer.body.items?.[0].leadId;
    expect(answer.body).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    expect(answer.body.items?.map((item) => [item.status, item.leadId])).toEqual([
      ['CREATED', leadId],
      ['UPDATED', leadId],
      ['UNCHANGED', leadId],
    ]);
    const again = await send(body, auth);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 3, refused: 0 });
  });

  it('replays the first answer to a retry with its Idempotency-Key, never writing over a later change', async () => {
    const { team, auth } = await workspace();
    const body = [{ email: 'cleo@eastwind.example', title: 'Analyst' }];
    const keyed = { ...auth, 'idempotency-key': 'form-7' };
    const first = await send(body, keyed);
    expect(first).toMatchObject({ status: 200, body: { created: 1 } });
    const leadId = first.body.items?.[0].leadId as string;
    // Another system changes the title; then the client retries the request whose answer it lost.
    await send([{ email: 'cleo@eastwind.example', title: 'Head of Sales' }], auth);
    const retry = await send(body, keyed);
    expect(retry).toEqual({ ...first, replayed: 'true' });
    expect((await app.get(LeadsService).detail(team.sales, leadId)).lead.title).toBe('Head of Sales');

    // The key of that request with another body, a key sent to another route, and a key that is not one.
    expect(await send([{ email: 'dan@eastwind.example' }], keyed)).toMatchObject({
      status: 422,
      body: { message: 'This Idempotency-Key was used with a different body or route.' },
    });
    const signals = await fetch(`${baseOf(app)}${SIGNALS_ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...keyed },
      body: JSON.stringify(body),
    });
    expect(signals.status).toBe(422);
    expect(await send(body, { ...auth, 'idempotency-key': 'two words' })).toMatchObject({
      status: 400,
      body: { message: 'Idempotency-Key must be 1 to 200 visible ASCII characters.' },
    });
    expect(await query(team, `SELECT count(*)::int AS leads FROM leads`)).toEqual([{ leads: 1 }]);
  });

  it('refuses bad items one by one, naming the problem, and stores the others', async () => {
    const { team, auth } = await workspace();
    const answer = await send(
      [
        { email: 'cy@eastwind.example', phone: '+49 30 1234' },
        { email: 'not an e-mail' },
        { email: 'dee@eastwind.example', ownerId: team.marketing.id },
        { firstName: 'No e-mail' },
        'text',
        { email: 'eve@eastwind.example', employeeCount: 40 },
      ],
      auth,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 1, refused: 5 });
    expect(answer.body.items).toEqual([
      { index: 0, status: 'REFUSED', problems: [{ field: '', message: 'has unknown field "phone"' }] },
      { index: 1, status: 'REFUSED', problems: [{ field: 'email', message: 'must be an e-mail address' }] },
      { index: 2, status: 'REFUSED', problems: [{ field: '', message: 'has unknown field "ownerId"' }] },
      { index: 3, status: 'REFUSED', problems: [expect.objectContaining({ field: 'email' })] },
      { index: 4, status: 'REFUSED', problems: [{ field: '', message: 'must be an object' }] },
      { index: 5, status: 'CREATED', leadId: expect.any(String), stage: 'LEAD' },
    ]);
    expect(await query(team, `SELECT email FROM leads`)).toEqual([{ email: 'eve@eastwind.example' }]);
  });

  it('answers 401 for a missing, wrong or revoked key and stores nothing', async () => {
    const { team, auth, keyId } = await workspace();
    const unauthenticated = {
      status: 401,
      body: {
        error: 'UNAUTHENTICATED',
        message: 'Send a valid, unrevoked API key as "Authorization: Bearer <key>".',
      },
    };
    expect(await send(fitLead, {})).toEqual(unauthenticated);
    expect(await send(fitLead, { authorization: 'Bearer acc_wrong' })).toEqual(unauthenticated);
    await app.get(ApiKeysService).revoke(team.admin, keyId);
    expect(await send(fitLead, auth)).toEqual(unauthenticated);
    expect(await query(team, `SELECT id FROM leads`)).toEqual([]);
  });

  it('answers a wrong key 401 before saying what is wrong with the body or the Idempotency-Key', async () => {
    const { auth } = await workspace();
    const wrong = { authorization: 'Bearer acc_wrong' };
    const tooMany = Array.from({ length: MAX_LEADS + 1 }, () => ({ email: 'a@b.example' }));
    for (const body of [[], '', tooMany]) expect((await send(body, wrong)).status).toBe(401);
    expect((await send(fitLead, { ...wrong, 'idempotency-key': 'no spaces allowed' })).status).toBe(401);
    // The same faults with the right key are named.
    expect((await send([], auth)).status).toBe(400);
    expect((await send(fitLead, { ...auth, 'idempotency-key': 'no spaces allowed' })).body).toEqual({
      error: 'BAD_USER_INPUT',
      message: 'Idempotency-Key must be 1 to 200 visible ASCII characters.',
    });
  });

  it(`answers 413 for more than ${MAX_LEADS} leads and 400 for none, storing nothing`, async () => {
    const { team, auth } = await workspace();
    const many = Array.from({ length: MAX_LEADS + 1 }, (_, i) => ({ email: `l${i}@many.example` }));
    expect(await send(many, auth)).toEqual({
      status: 413,
      body: {
        error: 'PAYLOAD_TOO_LARGE',
        message: `At most ${MAX_LEADS} leads per request; split the batch.`,
      },
    });
    expect(await send([], auth)).toEqual({
      status: 400,
      body: { error: 'BAD_USER_INPUT', message: 'The request holds no leads.' },
    });
    expect(await send('', auth)).toMatchObject({ status: 400 });
    expect(await query(team, `SELECT id FROM leads`)).toEqual([]);
  });

  it("never touches another workspace's lead with the same e-mail", async () => {
    const a = await workspace();
    const b = await workspace();
    const theirs = await app.get(LeadsService).create(b.team.marketing, {
      email: 'ava@northwind.example',
      title: 'CFO',
    });
    const answer = await send({ email: 'ava@northwind.example', title: 'Intern' }, a.auth);
    expect(answer.body.items?.[0]).toMatchObject({ status: 'CREATED' });
    expect(answer.body.items?.[0].leadId).not.toBe(theirs.id);
    expect((await app.get(LeadsService).detail(b.team.marketing, theirs.id)).lead.title).toBe('CFO');
    expect(await query(b.team, `SELECT id, title FROM leads`)).toEqual([{ id: theirs.id, title: 'CFO' }]);
  });

  it('creates one lead when parallel requests create the same e-mails, answering each without a 500', async () => {
    const { team, auth } = await workspace();
    const batch = (n: number) => [
      { email: 'zed@race.example', firstName: 'Zed' },
      { email: 'amy@race.example', title: `Round ${n}` },
    ];
    const answers = await Promise.all([1, 2, 3, 4].map((n) => send(batch(n), auth)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const statuses = answers.flatMap((answer) => answer.body.items?.map((item) => item.status) ?? []);
    expect(statuses.filter((status) => status === 'CREATED')).toHaveLength(2);
    expect(statuses).not.toContain('REFUSED');
    const leads = await query(team, `SELECT email FROM leads ORDER BY email`);
    expect(leads).toEqual([{ email: 'amy@race.example' }, { email: 'zed@race.example' }]);
  });
});

describe('POST /api/v1/leads rate limits', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let send: (body: unknown, headers: Record<string, string>) => Promise<Answer>;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, send } = await boot(database, new FrozenClock(), { RATE_LIMIT_API_KEY: '2' }));
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('counts each request against its API key, as /api/v1/signals does', async () => {
    const team = await createTeam(app, { admin: { name: 'ada', roles: ['ADMIN'] } });
    const { secret } = await app.get(ApiKeysService).create(team.admin, 'Website');
    const auth = { authorization: `Bearer ${secret}` };
    expect((await send({ email: 'one@limit.example' }, auth)).status).toBe(200);
    expect((await send({ email: 'two@limit.example' }, auth)).status).toBe(200);
    expect(await send({ email: 'three@limit.example' }, auth)).toMatchObject({
      status: 429,
      body: { error: 'RATE_LIMITED' },
    });
  });
});

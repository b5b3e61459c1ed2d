import type { INestApplication } from '@nestjs/common';
import { text } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { MembersDataAccessModule } from '@accord/api/members/data-access';
import {
  FrozenClock,
  TestDatabase,
  TestTeam,
  createTeam,
  createTestDatabase,
  testModule,
} from '@accord/api/shared/testing';

import { ApiKeysService } from './api-keys.service';
import { MAX_NDJSON_BODY, NDJSON_TYPE, SIGNALS_ROUTE } from './ingestion.controller';
import { LeadsModule } from './leads.module';
import { LeadsService } from './leads.service';

type Team = TestTeam<'marketing' | 'admin'>;

interface Answer {
  status: number;
  body: {
    message?: string;
    stored?: number;
    items?: { index: number; line?: number; externalId: string | null; status: string; leadId?: string }[];
  };
}

/**
 * POST /api/v1/signals over real HTTP, with the body parsers main.ts sets on this route (JSON; NDJSON read as
 * text, decoded as UTF-8 by Express): what a sender's bytes become is part of what is tested.
 */
describe('POST /api/v1/signals over HTTP', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let base: string;
  const clock = new FrozenClock();

  beforeAll(async () => {
    database = await createTestDatabase();
    const moduleRef = await testModule(database, clock, [MembersDataAccessModule, LeadsModule], {
      poolSize: 4,
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.use(SIGNALS_ROUTE, text({ type: NDJSON_TYPE, limit: MAX_NDJSON_BODY }));
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  /** A workspace with one lead (ava@northwind.example, company northwind.example) and an API key. */
  async function workspace(): Promise<{ secret: string; leadId: string; team: Team }> {
    const team: Team = await createTeam(app, {
      marketing: { name: 'mia', roles: ['MARKETING'] },
      admin: { name: 'ada', roles: ['ADMIN'] },
    });
    const lead = await app.get(LeadsService).create(team.marketing, { email: 'ava@northwind.example' });
    const { secret } = await app.get(ApiKeysService).create(team.admin, 'Website');
    return { secret, leadId: lead.id, team };
  }

  async function send(
    body: string | Uint8Array,
    headers: Record<string, string>,
    contentType = 'application/json',
  ): Promise<Answer> {
    // Node's fetch sends bytes as they are; the DOM's BodyInit type leaves typed arrays out.
    const response = await fetch(`${base}${SIGNALS_ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body: body as BodyInit,
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  const event = (externalId: string, lead: Record<string, string> = { email: 'ava@northwind.example' }) => ({
    externalId,
    type: 'PRICING_PAGE_VISIT',
    occurredAt: '2026-11-24T10:00:00Z',
    lead,
  });
  /** An event as JSON text with `externalId` written into it as is, escapes and all. */
  const rawEvent = (externalId: string) =>
    `{"externalId":"${externalId}","type":"PRICING_PAGE_VISIT","occurredAt":"2026-11-24T10:00:00Z",` +
    `"lead":{"email":"ava@northwind.example"}}`;

  it('refuses an id with half of a surrogate pair, per item, rather than store two ids as one', async () => {
    const { secret, leadId } = await workspace();
    const body = `[${rawEvent('h1-sur\\ud800')},${rawEvent('h1-sur\\udfff')},${rawEvent('h1-ok')}]`;
    const answer = await send(body, { authorization: `Bearer ${secret}` });
    const problem = {
      field: 'externalId',
      message: 'must be well-formed Unicode (it holds half of a surrogate pair)',
    };
    expect(answer).toEqual({
      status: 200,
      body: {
        stored: 1,
        duplicates: 0,
        refused: 2,
        unmatched: 0,
        items: [
          { index: 0, externalId: 'h1-sur\ud800', status: 'REFUSED', problems: [problem] },
          { index: 1, externalId: 'h1-sur\udfff', status: 'REFUSED', problems: [problem] },
          { index: 2, externalId: 'h1-ok', status: 'STORED', leadId },
        ],
      },
    });
  });

  it('refuses text whose bytes are not UTF-8 (read as U+FFFD), in NDJSON and in JSON', async () => {
    const { secret, leadId } = await workspace();
    const problem = {
      field: 'externalId',
      message: 'holds U+FFFD (\ufffd), what bytes that are not UTF-8 read as: send the text as UTF-8',
    };
    const bytes = (...parts: (string | number[])[]) =>
      Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));
    const [before, after] = rawEvent('h1-iu<>').split('<>');
    const ndjson = bytes(
      before,
      [0xff, 0xfe],
      after,
      '\n',
      before,
      [0xfe, 0xff],
      after,
      '\n',
      rawEvent('h1-iu'),
    );
    const answer = await send(ndjson, { authorization: `Bearer ${secret}` }, NDJSON_TYPE);
    expect(answer.body).toMatchObject({ stored: 1, refused: 2 });
    expect(answer.body.items).toEqual([
      { index: 0, line: 1, externalId: 'h1-iu\ufffd\ufffd', status: 'REFUSED', problems: [problem] },
      { index: 1, line: 2, externalId: 'h1-iu\ufffd\ufffd', status: 'REFUSED', problems: [problem] },
      { index: 2, line: 3, externalId: 'h1-iu', status: 'STORED', leadId },
    ]);

    const json = bytes('[', before, [0xff, 0xfe], after, ']');
    const again = await send(json, { authorization: `Bearer ${secret}` });
    expect(again.body.items).toEqual([
      { index: 0, externalId: 'h1-iu\ufffd\ufffd', status: 'REFUSED', problems: [problem] },
    ]);
  });

  it('answers 400 for a body of no bytes, and refuses {} as one event lacking every field', async () => {
    const { secret } = await workspace();
    expect(await send('', { authorization: `Bearer ${secret}` })).toEqual({
      status: 400,
      body: { error: 'BAD_USER_INPUT', message: 'The request holds no events.' },
    });
    expect(await send('', { authorization: `Bearer ${secret}` }, NDJSON_TYPE)).toMatchObject({ status: 400 });
    const empty = await send('{}', { authorization: `Bearer ${secret}` });
    expect(empty).toMatchObject({ status: 200, body: { refused: 1 } });
  });

  it('answers a wrong key 401 before saying what is wrong with the body', async () => {
    await workspace();
    const wrong = { authorization: 'Bearer acc_wrong' };
    for (const [body, type] of [
      ['', 'application/json'],
      ['{}\n'.repeat(10_001), NDJSON_TYPE],
    ])
      expect((await send(body, wrong, type)).status).toBe(401);
    expect((await send('{}', { ...wrong, 'idempotency-key': 'a b' })).status).toBe(401);
  });

  it('names the real line of an NDJSON body, blank lines counted', async () => {
    const { secret, leadId } = await workspace();
    const body = `\n\n${JSON.stringify(event('line-3'))}\n\nnot json\n`;
    const answer = await send(body, { authorization: `Bearer ${secret}` }, NDJSON_TYPE);
    expect(answer.body.items).toEqual([
      { index: 0, line: 3, externalId: 'line-3', status: 'STORED', leadId },
      {
        index: 1,
        line: 5,
        externalId: null,
        status: 'REFUSED',
        problems: [{ field: '', message: 'line 5 is not valid JSON' }],
      },
    ]);
  });

  it('takes the Bearer key when X-Api-Key is sent empty', async () => {
    const { secret } = await workspace();
    const answer = await send(JSON.stringify(event('empty-header')), {
      authorization: `Bearer ${secret}`,
      'x-api-key': '',
    });
    expect(answer).toMatchObject({ status: 200, body: { stored: 1 } });
  });

  it('matches a company domain written as a URL, refuses an id and e-mail of two leads, gives repeats the lead', async () => {
    const { secret, leadId, team } = await workspace();
    const other = await app.get(LeadsService).create(team.marketing, { email: 'ben@southwind.example' });
    const answer = await send(
      JSON.stringify([
        event('by-url', { companyDomain: 'https://www.Northwind.example/pricing' }),
        event('by-fqdn', { companyDomain: 'northwind.example.' }),
        event('two-leads', { id: other.id, email: 'ava@northwind.example' }),
        event('same-lead', { id: other.id, email: 'ben@southwind.example' }),
        event('by-url'),
      ]),
      { authorization: `Bearer ${secret}` },
    );
    expect(answer.body.items).toEqual([
      { index: 0, externalId: 'by-url', status: 'STORED', leadId },
      { index: 1, externalId: 'by-fqdn', status: 'STORED', leadId },
      {
        index: 2,
        externalId: 'two-leads',
        status: 'REFUSED',
        problems: [{ field: 'lead', message: 'lead.id and lead.email name different leads' }],
      },
      { index: 3, externalId: 'same-lead', status: 'STORED', leadId: other.id },
      { index: 4, externalId: 'by-url', status: 'DUPLICATE', leadId },
    ]);
  });
});

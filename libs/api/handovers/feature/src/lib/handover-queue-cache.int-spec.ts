import { INestApplication } from '@nestjs/common';
import { Pool } from 'pg';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

import { TokenService } from '@accord/api/shared/auth';
import { FrozenClock, TestDatabase, createTestDatabase } from '@accord/api/shared/testing';

import { HandoverOpener } from './handover-opener';
import { HandoverTeam, hotMql, newHandoverTeam, startHandoverHttpApp } from './handover-team.int-fixture';
import { HandoversService } from './handovers.service';

/** The web queue's page: every row field, the lead's recent signals and the owner's name; no counts. */
const PAGE = `{ handoverQueue(first: 50) {
  pageInfo { endCursor hasNextPage }
  edges { node { id status explanation dueAt owner { id name } lead { id name title recentSignals { type count } } } }
} }`;
const TEAM_PAGE = PAGE.replace('handoverQueue(first: 50)', 'handoverQueue(scope: TEAM, first: 50)');
const PAGE_WITH_COUNTS = '{ handoverQueue(first: 50) { undecided edges { node { id owner { name } } } } }';

interface QueuePage {
  data?: {
    handoverQueue: {
      undecided?: number;
      pageInfo?: { endCursor: string | null };
      edges: { node: { id: string; owner: { name: string }; lead: { title: string | null } } }[];
    };
  };
  errors?: unknown[];
}

describe('the handover queue served again while its rows are unchanged, over HTTP', () => {
  const clock = new FrozenClock();
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  let sql: Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app, baseUrl } = await startHandoverHttpApp(database, clock));
    sql = new Pool({ connectionString: database.url, max: 2 });
  });

  afterAll(async () => {
    await sql?.end();
    await app?.close();
    await database?.drop();
  });

  async function repWithHandover(): Promise<{ team: HandoverTeam; token: string }> {
    const team = await newHandoverTeam(app);
    await hotMql(app, team, clock);
    expect(await app.get(HandoverOpener).drain()).toBe(1);
    const { accessToken } = await app.get(TokenService).issue(team.rep);
    return { team, token: accessToken };
  }

  /** The response body as sent, and the data statements the request ran (not authentication's or the tenant's). */
  async function read(token: string, query = PAGE): Promise<{ text: string; statements: string[] }> {
    const statements = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      expect((JSON.parse(text) as QueuePage).errors).toBeUndefined();
      return {
        text,
        statements: statements.mock.calls
          .map(([query]) => query.trim())
          .filter((query) => /\baccord_queue_(page|fingerprint)\b/.test(query)),
      };
    } finally {
      statements.mockRestore();
    }
  }

  const page = (text: string) => (JSON.parse(text) as QueuePage).data!.handoverQueue;

  it('answers a repeated read after one fingerprint statement, and reads again whatever any writer changed', async () => {
    const { team, token } = await repWithHandover();
    const first = await read(token);
    expect(page(first.text).edges).toHaveLength(1);
    expect(first.statements).toHaveLength(1);
    expect(first.statements[0]).not.toMatch(/accord_queue_fingerprint/);

    const again = await read(token);
    expect(again.text).toBe(first.text);
    expect(again.statements).toHaveLength(1);
    expect(again.statements[0]).toMatch(/accord_queue_fingerprint/);

    // Writers the cache is never told about — here plain SQL, as another replica or a migration would write.
    await sql.query(`UPDATE leads SET title = 'Chief Revenue Officer' WHERE workspace_id = $1`, [
      team.workspaceId,
    ]);
    const retitled = await read(token);
    expect(page(retitled.text).edges[0].node.lead.title).toBe('Chief Revenue Officer');
    expect(retitled.statements).toHaveLength(2);

    // The owner's name, read by their manager (the reader's own member row is part of the key instead).
    const { accessToken: managerToken } = await app.get(TokenService).issue(team.manager);
    const teamPage = (await read(managerToken, TEAM_PAGE)).text;
    expect(page(teamPage).edges[0].node.owner.name).toBe('Sam');
    expect((await read(managerToken, TEAM_PAGE)).text).toBe(teamPage);
    await sql.query(`UPDATE members SET name = 'Samuel' WHERE id = $1`, [team.rep.id]);
    expect(page((await read(managerToken, TEAM_PAGE)).text).edges[0].node.owner.name).toBe('Samuel');

    const [{ node }] = page(first.text).edges;
    await app.get(HandoversService).accept(team.rep, node.id);
    expect(page((await read(token)).text).edges).toHaveLength(0);
    expect((await read(token)).statements).toEqual([expect.stringMatching(/accord_queue_fingerprint/)]);
  });

  it('keeps each member to their own results', async () => {
    const { team, token } = await repWithHandover();
    const { accessToken: rexToken } = await app.get(TokenService).issue(team.rex);
    const sams = await read(token);
    await read(token);
    const rexs = await read(rexToken);
    expect(page(sams.text).edges).toHaveLength(1);
    expect(page(rexs.text).edges).toHaveLength(0);
    expect(rexs.statements).toEqual([expect.not.stringMatching(/accord_queue_fingerprint/)]);
  });

  it('verifies a later page by its cursor the same way', async () => {
    const { team } = await repWithHandover();
    await hotMql(app, team, clock);
    expect(await app.get(HandoverOpener).drain()).toBe(1);
    const { accessToken } = await app.get(TokenService).issue(team.manager);
    const firstPage = page((await read(accessToken, TEAM_PAGE.replace('first: 50', 'first: 1'))).text);
    const cursor = JSON.stringify(firstPage.pageInfo?.endCursor);
    const secondQuery = TEAM_PAGE.replace('first: 50', `first: 1, after: ${cursor}`);
    const second = await read(accessToken, secondQuery);
    expect(page(second.text).edges).toHaveLength(1);
    expect(page(second.text).edges[0].node.id).not.toBe(firstPage.edges[0].node.id);
    const again = await read(accessToken, secondQuery);
    expect([again.text, again.statements]).toEqual([
      second.text,
      [expect.stringMatching(/accord_queue_fingerprint/)],
    ]);
    await sql.query(`UPDATE leads SET title = 'Head of Growth' WHERE workspace_id = $1`, [team.workspaceId]);
    expect(page((await read(accessToken, secondQuery)).text).edges[0].node.lead.title).toBe('Head of Growth');
  });

  it('runs the query every time when it selects the counts, which no fingerprint covers', async () => {
    const { team, token } = await repWithHandover();
    expect(page((await read(token, PAGE_WITH_COUNTS)).text).undecided).toBe(1);
    await sql.query(`UPDATE handovers SET decided_at = now(), status = 'ACCEPTED' WHERE workspace_id = $1`, [
      team.workspaceId,
    ]);
    const after = await read(token, PAGE_WITH_COUNTS);
    expect(page(after.text)).toMatchObject({ undecided: 0, edges: [] });
    expect(after.statements.some((statement) => /accord_queue_fingerprint/.test(statement))).toBe(false);
  });
});

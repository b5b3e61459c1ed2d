import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import { MIGRATIONS } from '@accord/api/shared/database';
import { TestDatabase, createTestDatabase } from '@accord/api/shared/testing';

describe('migration LeadSpellings on PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it("respells each workspace's leads in its most used spelling, records it, and forgets that workspace's rollup", async () => {
    const runner = dataSource.createQueryRunner();
    const LeadSpellings = MIGRATIONS.find((migration) => migration.name === 'LeadSpellings1795700500000');
    if (!LeadSpellings) throw new Error('the migration is not listed');
    const migration = new LeadSpellings();
    // The database as it was before the migration, with leads stored in several cases.
    await migration.down(runner);
    const [first, second] = [randomUUID(), randomUUID()];
    await runner.query(`INSERT INTO workspaces (id, name) VALUES ($1, 'First'), ($2, 'Second')`, [
      first,
      second,
    ]);
    const leads: [string, string | null, string | null, string | null][] = [
      [first, 'LinkedIn', 'Software', 'Q3 push'],
      [first, 'LinkedIn', 'software', null],
      [first, 'linkedin', 'SOFTWARE', 'Q3 Push'],
      [first, 'LINKEDIN', 'software', null],
      [first, 'Webinar', null, null],
      [second, 'linkedin', null, null],
    ];
    await runner.query(
      `INSERT INTO leads (workspace_id, id, email, source, industry, campaign)
       SELECT l.workspace_id, gen_random_uuid(), 'lead' || l.n || '@example.com', l.source, l.industry, l.campaign
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS l(workspace_id, source, industry, campaign, n)`,
      [0, 1, 2, 3].map((column) => leads.map((lead) => lead[column])),
    );
    await runner.query(
      `INSERT INTO dashboard_rollup_state (workspace_id, time_zone, built_at, watermark, segments)
       VALUES ($1, 'UTC', now(), now(), '{}'), ($2, 'UTC', now(), now(), '{}')`,
      [first, second],
    );

    await migration.up(runner);
    expect(
      await runner.query(
        `SELECT workspace_id = $1 AS first, source, industry, count(*)::int AS leads FROM leads
          GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3`,
        [first],
      ),
    ).toEqual([
      { first: true, source: 'LinkedIn', industry: 'software', leads: 4 },
      { first: true, source: 'Webinar', industry: null, leads: 1 },
      { first: false, source: 'linkedin', industry: null, leads: 1 },
    ]);
    // A tie (one "Q3 push", one "Q3 Push") goes to either, the same for every lead.
    const campaigns: { campaign: string }[] = await runner.query(
      `SELECT DISTINCT campaign FROM leads WHERE campaign IS NOT NULL`,
    );
    expect(campaigns).toHaveLength(1);
    expect(
      await runner.query(
        `SELECT workspace_id = $1 AS first, field, key, spelling FROM lead_spellings ORDER BY 1 DESC, 2, 3`,
        [first],
      ),
    ).toEqual([
      { first: true, field: 'campaign', key: 'q3 push', spelling: campaigns[0].campaign },
      { first: true, field: 'industry', key: 'software', spelling: 'software' },
      { first: true, field: 'source', key: 'linkedin', spelling: 'LinkedIn' },
      { first: true, field: 'source', key: 'webinar', spelling: 'Webinar' },
      { first: false, field: 'source', key: 'linkedin', spelling: 'linkedin' },
    ]);
    // Only the workspace whose leads were respelt has its rollup counted again.
    expect(await runner.query(`SELECT workspace_id FROM dashboard_rollup_state`)).toEqual([
      { workspace_id: second },
    ]);
    // Row-level security, lifted for the migration's reads and writes across workspaces, is forced again.
    expect(
      await runner.query(
        `SELECT relname, relforcerowsecurity FROM pg_class
          WHERE relname IN ('leads', 'lead_spellings', 'dashboard_rollup_state') ORDER BY relname`,
      ),
    ).toEqual([
      { relname: 'dashboard_rollup_state', relforcerowsecurity: true },
      { relname: 'lead_spellings', relforcerowsecurity: true },
      { relname: 'leads', relforcerowsecurity: true },
    ]);
    await runner.release();
  });
});

import { INestApplication } from '@nestjs/common';

import { DashboardRollupRepository } from '@accord/api/dashboard/data-access';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { TestDatabase, createTestDatabase } from '@accord/api/shared/testing';

import { dashboardTestApp } from './dashboard-app.int-fixture';
import {
  ROLLUP_TZ,
  ROLLUP_YEAR,
  executiveOf,
  expectRollupAgrees,
  newWorld,
} from './dashboard-rollup-agreement.int-fixture';
import { DashboardRollupJob } from './dashboard-rollup.job';
import { WORLD_NOW, World } from './dashboard-world.int-fixture';
import { DashboardService } from './dashboard.service';

class FrozenClock extends Clock {
  override now(): Date {
    return new Date(WORLD_NOW);
  }
}

// A full rollup pass over the generated worlds takes 10–15 s on the embedded database of an idle machine, and it
// passed the default 30 s once when CI shared the machine with other work.
jest.setTimeout(90_000);

describe('the dashboard rollup, against the raw tables', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let world: World;
  let other: World;

  function sql<T>(w: World, text: string, params: unknown[] = []): Promise<T[]> {
    return app.get(TenantDb).inWorkspace(w.workspaceId, (manager) => manager.query(text, params));
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await dashboardTestApp(database, new FrozenClock());
    await app.init();
    world = await newWorld(app, 11, 240);
    other = await newWorld(app, 12, 60);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('counts every kept slice exactly as the raw tables do, and the dashboard reads it once built', async () => {
    const before = await app
      .get(DashboardService)
      .dashboard(executiveOf(world), { ...ROLLUP_YEAR, granularity: 'MONTH' });
    await app.get(DashboardRollupJob).drain();
    const states = await sql<{ built: boolean }>(
      world,
      `SELECT built_at IS NOT NULL AS built FROM dashboard_rollup_state`,
    );
    expect(states).toEqual([{ built: true }]);
    await expectRollupAgrees(app, world);

    const after = await app
      .get(DashboardService)
      .dashboard(executiveOf(world), { ...ROLLUP_YEAR, granularity: 'MONTH' });
    expect(after).toEqual(before);
    // The dashboard really reads the rollup: a count planted in it shows.
    const [planted] = await sql<{ day: string }>(
      world,
      `WITH u AS (UPDATE dashboard_rollup SET n = n + 1000
        WHERE ctid = (SELECT ctid FROM dashboard_rollup WHERE dims = 0 AND fact = 'ENTERED_MQL' ORDER BY day DESC LIMIT 1)
        RETURNING to_char(day, 'YYYY-MM-DD') AS day) SELECT * FROM u`,
    );
    const mqls = (d: typeof before) => d.outcomes.find((metric) => metric.key === 'mqls')?.value as number;
    const withPlanted = await app
      .get(DashboardService)
      .dashboard(executiveOf(world), { ...ROLLUP_YEAR, granularity: 'MONTH' });
    expect(mqls(withPlanted)).toBe(mqls(before) + 1000);
    // …a period that does not start at a local midnight reads the raw tables…
    const offset = {
      ...ROLLUP_YEAR,
      from: new Date(ROLLUP_YEAR.from.getTime() + 3_600_000),
      granularity: 'MONTH' as const,
    };
    expect(mqls(await app.get(DashboardService).dashboard(executiveOf(world), offset))).toBeLessThan(
      mqls(before) + 1,
    );
    // …and counting the day again puts it right.
    await app
      .get(TenantDb)
      .inWorkspace(world.workspaceId, (manager) =>
        app.get(DashboardRollupRepository).rebuildDays(manager, world.workspaceId, ROLLUP_TZ, [planted.day]),
      );
    expect(
      await app.get(DashboardService).dashboard(executiveOf(world), { ...ROLLUP_YEAR, granularity: 'MONTH' }),
    ).toEqual(before);

    // A team filter reads the owner's slice of the rollup too: a count planted on a member of the team shows.
    const east = { ...ROLLUP_YEAR, granularity: 'MONTH' as const, team: 'East' };
    const teamBefore = await app.get(DashboardService).dashboard(executiveOf(world), east);
    const [plantedOnRae] = await sql<{ day: string }>(
      world,
      `WITH u AS (UPDATE dashboard_rollup SET n = n + 1000
        WHERE ctid = (SELECT ctid FROM dashboard_rollup WHERE dims = 1 AND owner_id = $1 AND fact = 'ENTERED_MQL'
                       ORDER BY day DESC LIMIT 1)
        RETURNING to_char(day, 'YYYY-MM-DD') AS day) SELECT * FROM u`,
      [world.reps[0].id],
    );
    expect(mqls(await app.get(DashboardService).dashboard(executiveOf(world), east))).toBe(
      mqls(teamBefore) + 1000,
    );
    await app
      .get(TenantDb)
      .inWorkspace(world.workspaceId, (manager) =>
        app
          .get(DashboardRollupRepository)
          .rebuildDays(manager, world.workspaceId, ROLLUP_TZ, [plantedOnRae.day]),
      );
    expect(await app.get(DashboardService).dashboard(executiveOf(world), east)).toEqual(teamBefore);
  });

  it('follows new transitions, decisions, meetings marked and leads edited on its next pass', async () => {
    const now = WORLD_NOW.toISOString();
    const [lead] = await sql<{ id: string }>(
      world,
      `SELECT l.id FROM leads l WHERE (SELECT count(*) FROM lead_transitions t WHERE t.lead_id = l.id) > 2
        ORDER BY l.id LIMIT 1`,
    );
    await sql(
      world,
      `INSERT INTO lead_transitions (workspace_id, id, lead_id, from_stage, to_stage, version_id, reason, at)
       OVERRIDING SYSTEM VALUE
       SELECT $1, max(id) + 1, $2, 'LEAD', 'MQL', $3, 'test', $4 FROM lead_transitions`,
      [world.workspaceId, lead.id, world.versions[1].id, now],
    );
    const decided = await sql(
      world,
      `WITH u AS (UPDATE handovers SET status = 'REJECTED', decided_at = $1, within_sla = false,
              reason_key = 'bad-fit', reason_label = 'Bad fit'
        WHERE id = (SELECT id FROM handovers WHERE status = 'OPEN' ORDER BY id LIMIT 1) RETURNING id) SELECT * FROM u`,
      [now],
    );
    expect(decided).toHaveLength(1);
    const marked = await sql(
      world,
      `WITH u AS (UPDATE meetings SET status = 'HELD', qualified = true, marked_at = $1
        WHERE id = (SELECT id FROM meetings WHERE NOT qualified ORDER BY id LIMIT 1) RETURNING id) SELECT * FROM u`,
      [now],
    );
    expect(marked).toHaveLength(1);
    // A lead with a long history changes hands and industry: every day of its facts moves to the new slices.
    await sql(
      world,
      `UPDATE leads SET industry = 'Retail', owner_id = $2, employee_count = 120, updated_at = $3 WHERE id = $1`,
      [lead.id, world.reps[0].id, now],
    );

    // Sol joins Rae's team: the team's numbers follow at once, from the rollup as from the raw tables.
    await sql(world, `UPDATE members SET team = 'East' WHERE id = $1`, [world.reps[1].id]);

    const counted = await app.get(DashboardRollupJob).drain();
    expect(counted).toBeGreaterThan(2);
    await expectRollupAgrees(app, world);
  });

  it('lists a corrected spelling in the filter in place of the old one, on its next pass', async () => {
    await app.get(DashboardRollupJob).drain();
    const sources = async () =>
      (
        await sql<{ sources: string[] }>(
          world,
          `SELECT segments->'sources' AS sources FROM dashboard_rollup_state`,
        )
      )[0].sources;
    expect(await sources()).toContain('webinar');
    // What correcting the spelling does (LeadSpellingsRepository.correct): the spelling, and its leads marked updated.
    await sql(
      world,
      `INSERT INTO lead_spellings (workspace_id, field, key, spelling)
       VALUES (accord_current_workspace(), 'source', 'webinar', 'Webinar')`,
    );
    await sql(world, `UPDATE leads SET source = 'Webinar', updated_at = $1 WHERE source = 'webinar'`, [
      WORLD_NOW,
    ]);

    await app.get(DashboardRollupJob).drain();
    expect(await sources()).toEqual(expect.arrayContaining(['Webinar', 'ads', 'partner']));
    expect(await sources()).not.toContain('webinar');
    await expectRollupAgrees(app, world);
    // A link saved with the old spelling still finds the value's leads.
    const bySource = (source: string) =>
      app
        .get(DashboardService)
        .dashboard(executiveOf(world), { ...ROLLUP_YEAR, granularity: 'MONTH', source });
    const [old, current] = [await bySource('webinar'), await bySource('Webinar')];
    expect(old.outcomes.find((metric) => metric.key === 'mqls')?.value).toBeGreaterThan(0);
    expect(old).toEqual(current);
  });

  it('keeps each workspace to its own rollup', async () => {
    await expectRollupAgrees(app, other);
    const foreign = await sql<{ n: number }>(
      world,
      `SELECT count(*)::int AS n FROM dashboard_rollup WHERE workspace_id <> $1`,
      [world.workspaceId],
    );
    expect(foreign).toEqual([{ n: 0 }]);
    const [mine] = await sql<{ n: number }>(other, `SELECT count(*)::int AS n FROM dashboard_rollup`);
    expect(mine.n).toBeGreaterThan(0);
  });
});

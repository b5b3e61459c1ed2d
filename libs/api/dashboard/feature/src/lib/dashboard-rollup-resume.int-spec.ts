import { INestApplication } from '@nestjs/common';

import { DashboardRollupRepository } from '@accord/api/dashboard/data-access';
import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import { FrozenClock, TestDatabase, createTestDatabase, failingInsert } from '@accord/api/shared/testing';

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

const MINUTE = 60_000;

/**
 * A rollup pass that dies part-way — its process killed, its connection dropped — and the passes after it. A
 * failure is injected into one repository call, after the call has done its work: the transaction it ran in
 * is lost, as it would be with the connection, and what earlier transactions committed stays.
 */
describe('the dashboard rollup after a pass dies part-way', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let job: DashboardRollupJob;
  let rollup: DashboardRollupRepository;
  const clock = new FrozenClock();
  let seed = 20;

  function sql<T>(w: World, text: string, params: unknown[] = []): Promise<T[]> {
    return app.get(TenantDb).inWorkspace(w.workspaceId, (manager) => manager.query(text, params));
  }

  /** Makes the `failOn`-th call of the repository's `method` do its work and then fail, as a lost connection. */
  function dieAfter(method: 'rebuildDays' | 'markBuilt' | 'advance', failOn: number): void {
    const real = rollup[method].bind(rollup) as (...args: unknown[]) => Promise<void>;
    let calls = 0;
    jest.spyOn(rollup, method).mockImplementation(async (...args: unknown[]) => {
      await real(...args);
      calls += 1;
      if (calls === failOn) throw new Error('connection lost');
    });
  }

  async function stateOf(w: World) {
    const [state] = await sql<{ built: boolean; watermark: Date; days: number }>(
      w,
      `SELECT built_at IS NOT NULL AS built, watermark,
              (SELECT count(DISTINCT day)::int FROM dashboard_rollup) AS days
         FROM dashboard_rollup_state`,
    );
    return state;
  }

  /** Every row of the workspace's rollup, as one text: equal texts are equal rollups. */
  async function rollupRows(w: World): Promise<string> {
    const [{ rows }] = await sql<{ rows: string }>(
      w,
      `SELECT coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '') AS rows FROM dashboard_rollup r`,
    );
    return rows;
  }

  const mqls = async (w: World) =>
    (
      await app.get(DashboardService).dashboard(executiveOf(w), { ...ROLLUP_YEAR, granularity: 'MONTH' })
    ).outcomes.find((metric) => metric.key === 'mqls')?.value;

  /** Facts recorded at the clock's time: a lead's move into MQL and an edit of its segment. */
  async function recordFacts(w: World): Promise<void> {
    const now = clock.now().toISOString();
    const [lead] = await sql<{ id: string }>(
      w,
      `SELECT l.id FROM leads l WHERE EXISTS (SELECT 1 FROM lead_transitions t WHERE t.lead_id = l.id)
        ORDER BY l.id LIMIT 1`,
    );
    await sql(
      w,
      `INSERT INTO lead_transitions (workspace_id, id, lead_id, from_stage, to_stage, version_id, reason, at)
       OVERRIDING SYSTEM VALUE
       SELECT $1, max(id) + 1, $2, 'LEAD', 'MQL', $3, 'test', $4 FROM lead_transitions`,
      [w.workspaceId, lead.id, w.versions[1].id, now],
    );
    await sql(w, `UPDATE leads SET industry = 'Retail', owner_id = $2, updated_at = $3 WHERE id = $1`, [
      lead.id,
      w.reps[1].id,
      now,
    ]);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await dashboardTestApp(database, clock);
    await app.init();
    job = app.get(DashboardRollupJob);
    rollup = app.get(DashboardRollupRepository);
  });

  beforeEach(() => {
    clock.current = new Date(WORLD_NOW);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  // Checks the first build's lease and its built mark: a half-built rollup is never read, no other pass starts
  // a second build while the lease holds, and once it lapses the next pass counts everything from scratch.
  // Without the takeover the rollup stays unbuilt; without the reset the planted count below survives.
  it.each([
    ['after three of its 31-day steps committed, in the fourth', 'rebuildDays' as const, 4],
    ['after its last step, in the transaction that marks it built', 'markBuilt' as const, 1],
  ])('finishes a first build that died %s, once its lease lapses', async (_, method, failOn) => {
    const w = await newWorld(app, (seed += 1), 120);
    const raw = await mqls(w);
    const started = clock.now();

    dieAfter(method, failOn);
    await expect(job.refresh(w.workspaceId, ROLLUP_TZ)).rejects.toThrow('connection lost');
    jest.restoreAllMocks();

    const crashed = await stateOf(w);
    expect({ ...crashed, days: crashed.days > 0 }).toEqual({ built: false, watermark: started, days: true });
    // The days the dead pass committed are not read: a count planted in them does not show.
    await sql(w, `UPDATE dashboard_rollup SET n = n + 1000 WHERE dims = 0 AND fact = 'ENTERED_MQL'`);
    expect(await mqls(w)).toBe(raw);

    // Another replica a minute later: the build may still be running, so it leaves it alone.
    clock.advance(MINUTE);
    expect(await job.refresh(w.workspaceId, ROLLUP_TZ)).toBe(0);
    expect(await stateOf(w)).toEqual(crashed);

    // Facts keep coming while nobody builds; after the lease (15 minutes) the next pass builds it all.
    clock.advance(MINUTE);
    await recordFacts(w);
    clock.advance(15 * MINUTE);
    const resumedAt = clock.now();
    expect(await job.refresh(w.workspaceId, ROLLUP_TZ)).toBeGreaterThan(crashed.days);
    expect(await stateOf(w)).toMatchObject({ built: true, watermark: resumedAt });
    await expectRollupAgrees(app, w);
    expect(await mqls(w)).toBe((raw as number) + 1);
  });

  // Checks that a pass counts its days and advances the watermark in one transaction: had the watermark moved
  // without the days (committed first, or alone), the next pass would look only after it and miss the facts
  // recorded before.
  it.each([
    ['after counting its days, before advancing the watermark', 'rebuildDays' as const],
    ['after advancing the watermark, before committing', 'advance' as const],
  ])('counts the days again of a pass that died %s', async (_, method) => {
    const w = await newWorld(app, (seed += 1), 120);
    await job.refresh(w.workspaceId, ROLLUP_TZ);
    const built = await rollupRows(w);
    clock.advance(5 * MINUTE);
    await recordFacts(w);

    clock.advance(5 * MINUTE);
    dieAfter(method, 1);
    await expect(job.refresh(w.workspaceId, ROLLUP_TZ)).rejects.toThrow('connection lost');
    jest.restoreAllMocks();
    expect(await stateOf(w)).toMatchObject({ built: true, watermark: WORLD_NOW });
    expect(await rollupRows(w)).toBe(built);

    clock.advance(5 * MINUTE);
    const resumedAt = clock.now();
    expect(await job.refresh(w.workspaceId, ROLLUP_TZ)).toBeGreaterThan(0);
    expect(await stateOf(w)).toMatchObject({ built: true, watermark: resumedAt });
    await expectRollupAgrees(app, w);
  });

  // Checks that a workspace whose pass fails does not hold up the others: the job goes on to the next
  // workspace, and reports the failure when its pass ends. Were the failure to end the pass, every workspace
  // after it would keep serving a rollup that no longer counts its facts, for as long as the failure lasts.
  it('keeps the other workspaces current while one workspace’s passes fail', async () => {
    const [failing, healthy] = (
      await Promise.all([newWorld(app, (seed += 1), 20), newWorld(app, (seed += 1), 20)])
    ).sort((a, b) => (a.workspaceId < b.workspaceId ? -1 : 1));
    await job.drain();
    clock.advance(5 * MINUTE);
    await recordFacts(failing);
    await recordFacts(healthy);

    clock.advance(5 * MINUTE);
    const passed = clock.now();
    const insertFails = `NEW.workspace_id = '${failing.workspaceId}'`;
    await failingInsert(app.get(OwnerDb), 'dashboard_rollup', insertFails, () => job.drain());
    expect(await stateOf(failing)).toMatchObject({ built: true, watermark: WORLD_NOW });
    expect(await stateOf(healthy)).toMatchObject({ built: true, watermark: passed });
    await expectRollupAgrees(app, healthy);

    clock.advance(5 * MINUTE);
    await job.drain();
    await expectRollupAgrees(app, failing);
    // Each pass also serves every workspace the earlier tests left: with them, ≈25 s on the embedded database's
    // one backend on an idle machine, so the default 30 s left no room for a busy one.
  }, 90_000);
});

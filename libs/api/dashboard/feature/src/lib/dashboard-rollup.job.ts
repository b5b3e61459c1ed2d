import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { DashboardRollupRepository } from '@accord/api/dashboard/data-access';
import { AppConfig, Clock, PollingJob } from '@accord/api/shared/config';
import { OwnerDb, TenantDb } from '@accord/api/shared/database';
import { isTimeZone } from '@accord/domain/dashboard';

/**
 * How far back each pass looks again for changes: a transaction stamps its facts with the time it ran, and may
 * commit after a pass has already looked past that time. Transactions of the product are far shorter.
 */
export const ROLLUP_OVERLAP_MS = 60_000;
/** A first build not finished within this time is taken over by another pass (its builder died). */
const BUILD_LEASE_MS = 15 * 60_000;
/** Days a first build counts per transaction, so a large history commits in steps and other writers proceed. */
const BUILD_DAYS_PER_TRANSACTION = 31;

/**
 * Keeps every workspace's dashboard rollup current, in micro-batches: each pass finds the local days whose
 * facts were recorded or changed since its last one (plus an overlap), and counts those days again from the
 * raw tables. A workspace seen for the first time, or whose time zone changed, is counted from scratch first;
 * until then the dashboard reads the raw tables. Safe on several replicas: each workspace's rollup is written
 * under a lock on its state row.
 */
@Injectable()
export class DashboardRollupJob extends PollingJob {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly ownerDb: OwnerDb,
    private readonly rollup: DashboardRollupRepository,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    super(config);
  }

  async drain(): Promise<number> {
    const workspaces: { id: string; time_zone: string }[] = await this.tenantDb.run(
      { system: true },
      (manager) => manager.query(`SELECT id, time_zone FROM workspaces ORDER BY id`),
    );
    const zones = new Map(
      workspaces.map((workspace) => [
        workspace.id,
        isTimeZone(workspace.time_zone) ? workspace.time_zone : 'UTC',
      ]),
    );
    return this.forEachWorkspace([...zones.keys()], (id) => this.refresh(id, zones.get(id) ?? 'UTC'));
  }

  /** Brings one workspace's rollup up to date; returns how many days it counted again. */
  async refresh(workspaceId: string, timeZone: string): Promise<number> {
    const passStart = this.clock.now();
    const pending = await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const state = await this.rollup.lock(manager, workspaceId, timeZone, passStart);
      if (state.builtAt && state.timeZone === timeZone) {
        const since = new Date(state.watermark.getTime() - ROLLUP_OVERLAP_MS);
        const days = [
          ...(await this.rollup.changedDays(manager, since, timeZone)),
          ...(await this.rollup.resegmentedDays(manager, since, timeZone)),
        ];
        await this.rollup.rebuildDays(manager, workspaceId, timeZone, days);
        await this.rollup.advance(manager, passStart);
        return { counted: new Set(days).size, build: null };
      }
      const building = state.timeZone === timeZone && state.watermark.getTime() !== passStart.getTime();
      if (!state.builtAt && building && passStart.getTime() - state.watermark.getTime() < BUILD_LEASE_MS)
        return { counted: 0, build: null };
      const all = await this.rollup.reset(manager, timeZone, passStart);
      await this.rollup.recordAllSegments(manager);
      return { counted: 0, build: all };
    });
    if (!pending.build) return pending.counted;
    // A first build: the history in steps, then whatever changed while it ran, then the rollup is readable.
    // Each step first checks that the build is still this one: a bulk load of history forgets the state, and
    // a build that went on would mark a rollup built that misses the load.
    const stillOurs = async (manager: EntityManager): Promise<boolean> => {
      const state = await this.rollup.state(manager, true);
      return (
        state !== null &&
        state.builtAt === null &&
        state.timeZone === timeZone &&
        state.watermark.getTime() === passStart.getTime()
      );
    };
    for (let index = 0; index < pending.build.length; index += BUILD_DAYS_PER_TRANSACTION) {
      const step = pending.build.slice(index, index + BUILD_DAYS_PER_TRANSACTION);
      const done = await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
        if (this.stopped || !(await stillOurs(manager))) return false;
        await this.rollup.rebuildDays(manager, workspaceId, timeZone, step);
        return true;
      });
      if (!done) return index;
    }
    // Statistics and the visibility map for the rows just written: without them the planner guesses the slice
    // reads badly, and index-only scans wait for autovacuum.
    await this.ownerDb.maintain('VACUUM (ANALYZE) dashboard_rollup');
    await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      if (!(await stillOurs(manager))) return;
      await this.rollup.markBuilt(manager, passStart);
      const since = new Date(passStart.getTime() - ROLLUP_OVERLAP_MS);
      await this.rollup.rebuildDays(manager, workspaceId, timeZone, [
        ...(await this.rollup.changedDays(manager, since, timeZone)),
        ...(await this.rollup.resegmentedDays(manager, since, timeZone)),
      ]);
    });
    return pending.build.length;
  }
}

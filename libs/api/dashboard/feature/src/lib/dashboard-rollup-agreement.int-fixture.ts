import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import { DashboardRepository, DashboardRollupRepository, sliceOf } from '@accord/api/dashboard/data-access';
import { AuthMember } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import { starterAgreement } from '@accord/domain/agreement';
import { localDate } from '@accord/domain/dashboard';

import { factScope } from './dashboard-scope';
import { World, buildWorld, worldKpis } from './dashboard-world.int-fixture';
import { DashboardFilter } from './dto/dashboard.inputs';

/** The worlds' time zone. */
export const ROLLUP_TZ = 'America/New_York';
/** 1 January to 1 December 2026, midnight to midnight in New York. */
export const ROLLUP_YEAR = { from: new Date('2026-01-01T05:00:00Z'), to: new Date('2026-12-01T05:00:00Z') };

/** A new workspace holding a world of `leads` leads' facts. */
export function newWorld(app: INestApplication, seed: number, leads: number): Promise<World> {
  const workspaceId = randomUUID();
  return app.get(TenantDb).inWorkspace(workspaceId, (manager) =>
    buildWorld(manager, workspaceId, seed, leads, (mqlsPerMonth, repIds) => ({
      ...starterAgreement(repIds),
      kpis: worldKpis(mqlsPerMonth),
    })),
  );
}

/** The world's executive, who sees the whole dashboard. */
export function executiveOf(w: World): AuthMember {
  return {
    id: w.executiveId,
    workspaceId: w.workspaceId,
    email: `eve@${w.workspaceId.slice(0, 8)}.example`,
    name: 'Eve',
    roles: ['EXECUTIVE'],
    approver: false,
  };
}

/** Filters of every slice the rollup keeps, with and without a version, and with a team (the owner's slices). */
export function rollupFilters(w: World): DashboardFilter[] {
  const base: DashboardFilter = { ...ROLLUP_YEAR, granularity: 'MONTH' };
  const owner = w.reps[0].id;
  const segments: Partial<DashboardFilter>[] = [
    {},
    { industry: 'Software' },
    { employeeBand: '50–199' },
    { country: 'US' },
    { source: 'webinar' },
    { campaign: 'spring' },
  ];
  return [
    ...segments.map((segment) => ({ ...base, ...segment })),
    ...segments.map((segment) => ({ ...base, ...segment, ownerId: owner })),
    ...segments.map((segment) => ({ ...base, ...segment, team: 'East' })),
    { ...base, team: 'West', ownerId: owner },
    { ...base, versionId: w.versions[0].id },
    { ...base, versionId: w.versions[1].id, industry: 'Retail' },
    { ...base, versionId: w.versions[1].id, team: 'West', campaign: 'fall' },
  ];
}

/** Every count the rollup keeps for a filter next to the raw tables' counts for it. */
export async function bothReads(app: INestApplication, w: World, filter: DashboardFilter) {
  return app.get(TenantDb).inWorkspace(w.workspaceId, async (manager) => {
    const version = w.versions.find((candidate) => candidate.id === filter.versionId);
    const scope = factScope(
      filter,
      ROLLUP_TZ,
      version
        ? {
            id: version.id,
            number: version.number,
            effectiveAt: new Date(version.effectiveAt),
            supersededAt: version.supersededAt ? new Date(version.supersededAt) : null,
          }
        : null,
    );
    const slice = sliceOf(scope, localDate(scope.from, ROLLUP_TZ), localDate(scope.to, ROLLUP_TZ));
    if (!slice) throw new Error(`the rollup keeps no slice for ${JSON.stringify(filter)}`);
    const raw = app.get(DashboardRepository);
    const rollup = app.get(DashboardRollupRepository);
    return {
      raw: {
        days: await raw.dailyFacts(manager, scope),
        bySource: await raw.rejections(manager, scope, 'source'),
        byCampaign: await raw.rejections(manager, scope, 'campaign'),
        byGrade: await raw.rejections(manager, scope, 'grade'),
        reps: await raw.reps(manager, scope),
      },
      rollup: {
        days: await rollup.dailyFacts(manager, slice),
        bySource: await rollup.rejections(manager, slice, 'source'),
        byCampaign: await rollup.rejections(manager, slice, 'campaign'),
        byGrade: await rollup.rejections(manager, slice, 'grade'),
        reps: await rollup.reps(manager, slice),
      },
    };
  });
}

/** Cycle lists are per day in no set order: compare them sorted. */
function normalised(reads: Awaited<ReturnType<typeof bothReads>>['raw']) {
  return {
    ...reads,
    days: reads.days.map((day) => ({
      ...day,
      facts: {
        ...day.facts,
        salesCycleDays: [...day.facts.salesCycleDays].sort(),
        opportunityCycleDays: [...day.facts.opportunityCycleDays].sort(),
      },
    })),
  };
}

/** Asserts that the rollup counts every kept slice of the world exactly as the raw tables do. */
export async function expectRollupAgrees(app: INestApplication, w: World): Promise<void> {
  for (const filter of rollupFilters(w)) {
    const { raw, rollup } = await bothReads(app, w, filter);
    expect([filter, normalised(rollup)]).toEqual([filter, normalised(raw)]);
  }
}

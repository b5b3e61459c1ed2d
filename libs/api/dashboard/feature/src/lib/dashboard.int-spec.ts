import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { AuthMember, TokenService } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { createValidationPipe } from '@accord/api/shared/graphql';
import { TestDatabase, createTestDatabase } from '@accord/api/shared/testing';
import { starterAgreement } from '@accord/domain/agreement';
import { METRIC_KEYS } from '@accord/domain/dashboard';

import { dashboardTestApp } from './dashboard-app.int-fixture';
import { Expected, directNumbers, directRejections, rejectionKeys } from './dashboard-oracle.int-fixture';
import { WORLD_NOW, World, buildWorld, worldKpis } from './dashboard-world.int-fixture';
import { DashboardService } from './dashboard.service';
import { DashboardFilter } from './dto/dashboard.inputs';
import { Dashboard, DashboardMetric } from './models/dashboard.model';

class FrozenClock extends Clock {
  override now(): Date {
    return new Date(WORLD_NOW);
  }
}

const TZ = 'America/New_York';
/** 1 January to 1 December 2026, midnight to midnight in New York. */
const YEAR: DashboardFilter = {
  from: new Date('2026-01-01T05:00:00Z'),
  to: new Date('2026-12-01T05:00:00Z'),
  granularity: 'MONTH',
};

describe('the dashboard on PostgreSQL, against direct SQL', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let url: string;
  let service: DashboardService;
  let world: World;

  const actor = (w: World, roles: AuthMember['roles'] = ['EXECUTIVE']): AuthMember => ({
    id: w.executiveId,
    workspaceId: w.workspaceId,
    email: `eve@${w.workspaceId.slice(0, 8)}.example`,
    name: 'Eve',
    roles,
    approver: false,
  });

  async function newWorld(seed: number, leads: number): Promise<World> {
    const workspaceId = randomUUID();
    return app.get(TenantDb).inWorkspace(workspaceId, (manager) =>
      buildWorld(manager, workspaceId, seed, leads, (mqlsPerMonth, repIds) => ({
        ...starterAgreement(repIds),
        kpis: worldKpis(mqlsPerMonth),
      })),
    );
  }

  /** Runs hand-written SQL over the raw tables in the world's workspace. */
  function sql<T>(w: World, text: string, params: unknown[]): Promise<T[]> {
    return app.get(TenantDb).inWorkspace(w.workspaceId, (manager) => manager.query(text, params));
  }

  function expectClose(actual: number | null, expected: number | null | undefined, label: string): void {
    expect([label, actual === null ? null : 'number']).toEqual([label, expected === null ? null : 'number']);
    if (actual !== null && expected !== null && expected !== undefined)
      expect(actual).toBeCloseTo(expected, 6);
  }

  function expectMatches(dashboard: Dashboard, expected: Expected, funnel: (string | number)[][]): void {
    const metrics = new Map<string, DashboardMetric>(
      [...dashboard.outcomes, ...dashboard.activities].map((metric) => [metric.key, metric]),
    );
    expect([...metrics.keys()].sort()).toEqual([...METRIC_KEYS].sort());
    for (const [key, want] of Object.entries(expected)) {
      const metric = metrics.get(key) as DashboardMetric;
      expectClose(metric.value, want.value, key);
      if (want.numerator !== undefined) expectClose(metric.numerator, want.numerator, `${key} numerator`);
      if (want.denominator !== undefined)
        expectClose(metric.denominator, want.denominator, `${key} denominator`);
    }
    expect(dashboard.funnel.map((step) => [step.stage, step.count])).toEqual(funnel);
  }

  async function compare(w: World, filter: DashboardFilter): Promise<Dashboard> {
    const dashboard = await service.dashboard(actor(w), filter);
    const { expected, funnel } = await directNumbers((text, params) => sql(w, text, params), filter);
    expectMatches(dashboard, expected, funnel);
    return dashboard;
  }

  async function graphql(member: AuthMember, query: string, variables: Record<string, unknown>) {
    const { accessToken } = await app.get(TokenService).issue(member);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data: Record<string, unknown> | null;
      errors?: { message: string; extensions: { code: string; fields?: unknown } }[];
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await dashboardTestApp(database, new FrozenClock());
    app.useGlobalPipes(createValidationPipe());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/graphql`;
    service = app.get(DashboardService);
    world = await newWorld(7, 240);
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('computes every number of the year as direct SQL does, with targets of the version in force', async () => {
    const dashboard = await compare(world, YEAR);
    expect(dashboard.timeZone).toBe(TZ);
    expect(dashboard.versions).toEqual([
      { id: world.versions[1].id, number: 2 },
      { id: world.versions[0].id, number: 1 },
    ]);
    const mqls = dashboard.outcomes.find((metric) => metric.key === 'mqls') as DashboardMetric;
    // v2 is in force: 10 MQLs a month, over eleven whole months in New York.
    expect(mqls).toMatchObject({
      name: 'MQLs',
      definition: 'Leads that became MQLs, as both teams signed.',
      target: 110,
    });
    expect(mqls.targetGap).toBe((mqls.value as number) - 110);
    expect(dashboard.outcomes.find((metric) => metric.key === 'sla-met')?.target).toBe(90);
    expect(dashboard.targetScope).toBe('SELECTION');
    // Sanity: the world has some of everything.
    expect((mqls.value as number) > 50).toBe(true);
    for (const key of ['close-rate', 'sales-cycle-days', 'sla-met', 'calls-per-qualified-meeting'])
      expect([
        key,
        [...dashboard.outcomes, ...dashboard.activities].find((m) => m.key === key)?.value,
      ]).not.toEqual([key, null]);
  });

  it('buckets the trend by month in the workspace time zone, as direct SQL does', async () => {
    const dashboard = await service.dashboard(actor(world), YEAR);
    const rows = await sql<{ month: string; n: number }>(
      world,
      `SELECT to_char(date_trunc('month', at AT TIME ZONE '${TZ}'), 'YYYY-MM') AS month, count(*)::int AS n
         FROM lead_transitions WHERE to_stage = 'MQL' AND at >= $1 AND at < $2 GROUP BY 1`,
      [YEAR.from, YEAR.to],
    );
    const mqls = dashboard.outcomes.find((metric) => metric.key === 'mqls') as DashboardMetric;
    const month = (instant: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit' }).format(instant);
    expect(mqls.trend).toHaveLength(11);
    expect(mqls.trend.map((point) => [month(point.bucketStart), point.value])).toEqual(
      mqls.trend.map((point) => [
        month(point.bucketStart),
        rows.find((row) => row.month === month(point.bucketStart))?.n ?? 0,
      ]),
    );
    expect(mqls.trend[0].bucketStart).toEqual(new Date('2026-01-01T05:00:00Z'));
  });

  it.each<[string, Partial<DashboardFilter>]>([
    ['a segment', { industry: 'Software', employeeBand: '50–199' }],
    ['a country, source and campaign', { country: 'US', source: 'webinar', campaign: 'fall' }],
    ['an owner', { ownerId: 'rep0' }],
    ['a team', { team: 'West' }],
    ['a team and a source', { team: 'East', source: 'webinar' }],
    ['a team, a segment and a version', { team: 'East', industry: 'Software', versionId: 'v1' }],
    ['a version', { versionId: 'v1' }],
    [
      'November in New York',
      { from: new Date('2026-11-01T04:00:00Z'), to: new Date('2026-12-01T05:00:00Z') },
    ],
  ])('changes the numbers as direct SQL says for %s', async (_, partial) => {
    const filter: DashboardFilter = {
      ...YEAR,
      ...partial,
      ownerId: partial.ownerId ? world.reps[0].id : undefined,
      versionId: partial.versionId ? world.versions[0].id : undefined,
    };
    const filtered = await compare(world, filter);
    const all = await service.dashboard(actor(world), YEAR);
    const count = (d: Dashboard) => d.outcomes.find((metric) => metric.key === 'mqls')?.value as number;
    expect(count(filtered)).toBeLessThan(count(all));
    expect(count(filtered)).toBeGreaterThan(0);
  });

  it('takes the chosen version’s targets, scaled to the part of the period it was in force', async () => {
    // v1 (40 MQLs a month) was in force from January to July, v2 (10 a month) from July: six and five months of
    // the eleven the period holds.
    const target = async (version: number) =>
      (
        await service.dashboard(actor(world), { ...YEAR, versionId: world.versions[version].id })
      ).outcomes.find((metric) => metric.key === 'mqls')?.target;
    expect([await target(0), await target(1)]).toEqual([40 * 6, 10 * 5]);
  });

  it('measures the running month against the part of its targets due by now', async () => {
    // November in New York, on the 25th at 04:00 there: 24 days and 4 of the 25th's 24 hours, of 30 days.
    const november = { ...YEAR, from: new Date('2026-11-01T04:00:00Z') };
    const dashboard = await service.dashboard(actor(world), november);
    const mqls = dashboard.outcomes.find((metric) => metric.key === 'mqls') as DashboardMetric;
    const due = (10 * (24 + 4 / 24)) / 30;
    expect(mqls.target).toBe(10);
    expect(mqls.targetToDate).toBeCloseTo(due, 9);
    expect(mqls.paceGap).toBeCloseTo((mqls.value as number) - due, 9);
    // A rate does not accrue; a finished period owes its whole target.
    expect(dashboard.outcomes.find((metric) => metric.key === 'sla-met')?.targetToDate).toBeNull();
    const october = await service.dashboard(actor(world), {
      ...YEAR,
      from: new Date('2026-10-01T04:00:00Z'),
      to: november.from,
    });
    expect(october.outcomes.every((metric) => metric.targetToDate === null && metric.paceGap === null)).toBe(
      true,
    );
  });

  it("shows a segment's, owner's or team's numbers beside the workspace's targets, with no gap", async () => {
    const mqls = (d: Dashboard) => d.outcomes.find((metric) => metric.key === 'mqls') as DashboardMetric;
    for (const partial of [{ source: 'webinar' }, { ownerId: world.reps[0].id }, { team: 'East' }]) {
      const slice = await service.dashboard(actor(world), { ...YEAR, ...partial });
      expect([slice.targetScope, mqls(slice).target, mqls(slice).targetGap]).toEqual([
        'WORKSPACE',
        110,
        null,
      ]);
      expect([...slice.outcomes, ...slice.activities].every((metric) => metric.targetGap === null)).toBe(
        true,
      );
    }
    // A version is no slice: its own targets, for its days in force, and the gap to them.
    const v1 = await service.dashboard(actor(world), { ...YEAR, versionId: world.versions[0].id });
    expect([v1.targetScope, mqls(v1).targetGap]).toEqual(['SELECTION', (mqls(v1).value as number) - 240]);
  });

  it('counts a team as the sum of its members, by the team the members table gives them now', async () => {
    const mqls = (d: Dashboard) => d.outcomes.find((metric) => metric.key === 'mqls')?.value as number;
    const revenue = (d: Dashboard) =>
      d.outcomes.find((metric) => metric.key === 'revenue-won')?.value as number;
    const [rae, sol] = world.reps;
    const byOwner = await Promise.all(
      [rae, sol].map((rep) => service.dashboard(actor(world), { ...YEAR, ownerId: rep.id })),
    );
    expect(mqls(await compare(world, { ...YEAR, team: 'East' }))).toBe(mqls(byOwner[0]));
    await sql(world, `UPDATE members SET team = 'East' WHERE id = $1`, [sol.id]);
    try {
      const east = await compare(world, { ...YEAR, team: 'East' });
      expect(mqls(east)).toBe(mqls(byOwner[0]) + mqls(byOwner[1]));
      expect(revenue(east)).toBeCloseTo(revenue(byOwner[0]) + revenue(byOwner[1]), 6);
      // Unowned leads' facts are in no team.
      expect(mqls(east)).toBeLessThan(mqls(await service.dashboard(actor(world), YEAR)));
      expect(east.reps.map((rep) => rep.name).sort()).toEqual(['Rae', 'Sol']);
      const west = await compare(world, { ...YEAR, team: 'West' });
      expect([mqls(west), west.reps, west.rejectionsBySource]).toEqual([0, [], []]);
    } finally {
      await sql(world, `UPDATE members SET team = 'West' WHERE id = $1`, [sol.id]);
    }
  });

  it.each<[string, Partial<DashboardFilter>]>([
    ['the whole year', {}],
    ['a team', { team: 'East' }],
    ['a team and a campaign', { team: 'West', campaign: 'spring' }],
  ])('groups rejections by source, campaign and grade under %s as direct SQL does', async (_, partial) => {
    const filter: DashboardFilter = { ...YEAR, ...partial };
    const dashboard = await service.dashboard(actor(world), filter);
    const direct = (group: 'l.source' | 'l.campaign' | 'h.grade') =>
      directRejections((text, params) => sql(world, text, params), filter, group);
    expect(dashboard.rejectionsByCampaign.length).toBeGreaterThan(0);
    expect(rejectionKeys(dashboard.rejectionsBySource)).toEqual(await direct('l.source'));
    expect(rejectionKeys(dashboard.rejectionsByCampaign)).toEqual(await direct('l.campaign'));
    expect(rejectionKeys(dashboard.rejectionsByGrade)).toEqual(await direct('h.grade'));
    // Every rejection is in exactly one row of each table.
    const total = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);
    expect(total(dashboard.rejectionsByCampaign)).toBe(total(dashboard.rejectionsBySource));
    expect(total(dashboard.rejectionsByGrade)).toBe(total(dashboard.rejectionsBySource));
  });

  it('groups rejections by reason and source, campaign and grade, and credits reps, as direct SQL does', async () => {
    const dashboard = await service.dashboard(actor(world), YEAR);
    const rejected = (group: string) =>
      sql<{ reasonKey: string; group: string | null; count: number }>(
        world,
        `SELECT h.reason_key AS "reasonKey", ${group} AS "group", count(*)::int AS count
           FROM handovers h JOIN leads l ON l.id = h.lead_id
          WHERE h.status = 'REJECTED' AND h.decided_at >= $1 AND h.decided_at < $2 GROUP BY 1, 2`,
        [YEAR.from, YEAR.to],
      );
    const sorted = (rows: { reasonKey: string; group: string | null; count: number }[]) =>
      rows.map((row) => `${row.reasonKey}|${row.group}|${row.count}`).sort();
    expect(sorted(dashboard.rejectionsBySource)).toEqual(sorted(await rejected('l.source')));
    expect(sorted(dashboard.rejectionsByCampaign)).toEqual(sorted(await rejected('l.campaign')));
    expect(dashboard.rejectionsByCampaign.some((row) => row.group === null)).toBe(true);
    expect(sorted(dashboard.rejectionsByGrade)).toEqual(sorted(await rejected('h.grade')));
    expect(
      dashboard.rejectionsBySource.every((row) =>
        ['Not our customer', 'No budget'].includes(row.reasonLabel),
      ),
    ).toBe(true);

    const reps = await sql<Record<string, unknown>>(
      world,
      `WITH credit AS (
         SELECT o.owner_id AS owner, ot.amount AS revenue, 0 AS meetings, NULL::text AS type, 0 AS accepted
           FROM opportunity_transitions ot JOIN opportunities o ON o.id = ot.opportunity_id
          WHERE ot.to_stage = 'WON' AND ot.from_stage <> 'WON' AND ot.at >= $1 AND ot.at < $2
         UNION ALL
         SELECT m.owner_id, 0, 1, NULL, 0 FROM meetings m
          WHERE m.qualified AND m.scheduled_at >= $1 AND m.scheduled_at < $2
         UNION ALL
         SELECT l.owner_id, 0, 0, s.type, 0 FROM signals s JOIN leads l ON l.id = s.lead_id
          WHERE s.occurred_at >= $1 AND s.occurred_at < $2
         UNION ALL
         SELECT h.owner_id, 0, 0, NULL, 1 FROM handovers h
          WHERE h.status = 'ACCEPTED' AND h.decided_at >= $1 AND h.decided_at < $2)
       SELECT owner AS "ownerId", sum(revenue)::float8 AS "revenueWon", sum(meetings)::int AS "qualifiedMeetingsHeld",
              count(*) FILTER (WHERE type = 'CALL_MADE')::int AS "callsMade",
              count(*) FILTER (WHERE type = 'EMAIL_SENT')::int AS "emailsSent",
              count(*) FILTER (WHERE type = 'MEETING_BOOKED')::int AS "meetingsBooked",
              sum(accepted)::int AS "acceptedHandovers"
         FROM credit WHERE owner IS NOT NULL GROUP BY owner`,
      [YEAR.from, YEAR.to],
    );
    const byOwner = (rows: Record<string, unknown>[]) =>
      rows
        .map(
          ({
            ownerId,
            revenueWon,
            qualifiedMeetingsHeld,
            callsMade,
            emailsSent,
            meetingsBooked,
            acceptedHandovers,
          }) =>
            JSON.stringify([
              ownerId,
              revenueWon,
              qualifiedMeetingsHeld,
              callsMade,
              emailsSent,
              meetingsBooked,
              acceptedHandovers,
            ]),
        )
        .sort();
    expect(byOwner(dashboard.reps as unknown as Record<string, unknown>[])).toEqual(byOwner(reps));
    expect(dashboard.reps.map((rep) => rep.name).sort()).toEqual(['Rae', 'Sol']);
  });

  it("sets each rep's revenue won beside their quota for the period, from their monthly quota", async () => {
    const [rae] = world.reps;
    await sql(world, `UPDATE members SET monthly_quota = 10000 WHERE id = $1`, [rae.id]);
    try {
      const dashboard = await service.dashboard(actor(world), YEAR);
      const row = (name: string) => dashboard.reps.find((rep) => rep.name === name);
      const raeRow = row('Rae');
      // January to November in the workspace's time zone: eleven whole months.
      expect([raeRow?.quota, raeRow?.attainment]).toEqual([110_000, (raeRow?.revenueWon ?? NaN) / 110_000]);
      expect(raeRow?.revenueWon).toBeGreaterThan(0);
      expect(dashboard.currency).toBe('USD');
      expect([row('Sol')?.quota, row('Sol')?.attainment]).toEqual([null, null]);
      // A team filter picks reps, and their attainment stands; a segment filter counts part of their revenue,
      // which the quota does not split into: the quota is shown, no attainment.
      const team = (await service.dashboard(actor(world), { ...YEAR, team: rae.team })).reps.find(
        (rep) => rep.ownerId === rae.id,
      );
      expect(team?.attainment).toBe((team?.revenueWon ?? NaN) / 110_000);
      const segment = (await service.dashboard(actor(world), { ...YEAR, source: 'webinar' })).reps.find(
        (rep) => rep.ownerId === rae.id,
      );
      expect([segment?.quota, segment?.attainment]).toEqual([110_000, null]);
    } finally {
      await sql(world, `UPDATE members SET monthly_quota = NULL WHERE id = $1`, [rae.id]);
    }
  });

  it('lists a member with a quota and nothing in the period at zero attainment, within the owner filter', async () => {
    await sql(world, `UPDATE members SET monthly_quota = 5000 WHERE id = $1`, [world.executiveId]);
    try {
      const holder = (await service.dashboard(actor(world), YEAR)).reps.find(
        (rep) => rep.ownerId === world.executiveId,
      );
      expect(holder).toMatchObject({ revenueWon: 0, callsMade: 0, quota: 55_000, attainment: 0 });
      const [rae] = world.reps;
      const ownerFiltered = await service.dashboard(actor(world), { ...YEAR, ownerId: rae.id });
      expect(ownerFiltered.reps.map((rep) => rep.ownerId)).toEqual([rae.id]);
    } finally {
      await sql(world, `UPDATE members SET monthly_quota = NULL WHERE id = $1`, [world.executiveId]);
    }
  });

  it.each([
    [
      'mqls',
      `SELECT t.lead_id AS "leadId" FROM lead_transitions t WHERE t.to_stage = 'MQL' AND t.at >= $1 AND t.at < $2`,
    ],
    [
      'funnel-SAL',
      `SELECT t.lead_id AS "leadId" FROM lead_transitions t WHERE t.to_stage = 'SAL' AND t.at >= $1 AND t.at < $2`,
    ],
    [
      'sla-met',
      `SELECT lead_id AS "leadId" FROM handovers WHERE status <> 'OPEN' AND handed_over_at >= $1 AND handed_over_at < $2`,
    ],
    [
      'close-rate',
      `SELECT o.lead_id AS "leadId" FROM opportunity_transitions ot JOIN opportunities o ON o.id = ot.opportunity_id
        WHERE ot.to_stage IN ('WON', 'LOST') AND ot.from_stage NOT IN ('WON', 'LOST') AND ot.at >= $1 AND ot.at < $2`,
    ],
    [
      'calls-per-qualified-meeting',
      `SELECT lead_id AS "leadId" FROM signals WHERE type = 'CALL_MADE' AND occurred_at >= $1 AND occurred_at < $2
       UNION ALL
       SELECT lead_id FROM meetings WHERE qualified AND scheduled_at >= $1 AND scheduled_at < $2`,
    ],
  ])('lists exactly the rows behind %s, newest first, page by page', async (metricKey, query) => {
    const filter = { ...YEAR, from: new Date('2026-09-01T04:00:00Z') };
    const seen: { leadId: string; at: Date }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const connection = await service.rows(actor(world), metricKey, filter, 7, after);
      seen.push(...connection.edges.map((edge) => ({ leadId: edge.node.leadId, at: edge.node.at })));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const expected = await sql<{ leadId: string }>(world, query, [filter.from, filter.to]);
    expect(seen.length).toBeGreaterThan(7);
    expect(seen.map((row) => row.leadId).sort()).toEqual(expected.map((row) => row.leadId).sort());
    const times = seen.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('words each row as the app does: stages, decisions and signal types', async () => {
    const details = async (metricKey: string) =>
      (await service.rows(actor(world), metricKey, YEAR, 50, null)).edges.map(
        (edge) => edge.node.detail ?? '',
      );
    const mqls = await details('mqls');
    expect(mqls.length).toBeGreaterThan(0);
    for (const detail of mqls) expect(detail).toMatch(/^(New|Lead|Nurture|Disqualified) → MQL$/);
    for (const detail of await details('mql-acceptance-rate'))
      expect(detail).toMatch(/^(accepted|rejected: .+)$/);
    for (const detail of await details('calls-made')) expect(detail).toMatch(/^Call made( via .+)?$/);
    // A sales cycle's rows are its wins, each with the days its median is taken of.
    const cycles = await details('sales-cycle-days');
    expect(cycles.length).toBeGreaterThan(0);
    for (const detail of cycles)
      expect(detail).toMatch(/^[\d,]+(\.\d)? days? from first touch \(won [\d,.]+ [A-Z]{3}\)$/);
    for (const detail of await details('opportunity-cycle-days'))
      expect(detail).toMatch(/^[\d,]+(\.\d)? days? from the opportunity \(won [\d,.]+ [A-Z]{3}\)$/);
    const [newest] = (await service.rows(actor(world), 'opportunity-cycle-days', YEAR, 1, null)).edges;
    const [{ days }] = await sql<{ days: string }>(
      world,
      `SELECT round((extract(epoch FROM ot.at - o.opened_at) / 86400)::numeric, 1)::text AS days
         FROM opportunity_transitions ot JOIN opportunities o ON o.id = ot.opportunity_id
        WHERE ot.to_stage = 'WON' AND o.lead_id = $1 AND ot.at = $2`,
      [newest.node.leadId, newest.node.at],
    );
    expect(newest.node.detail).toMatch(new RegExp(`^${Number(days).toLocaleString('en-US')} days? `));
  });

  it('drills every metric and funnel step into as many rows as its number counts', async () => {
    const filter: DashboardFilter = {
      ...YEAR,
      from: new Date('2026-08-01T04:00:00Z'),
      ownerId: world.reps[1].id,
    };
    const dashboard = await service.dashboard(actor(world), filter);
    const all = async (metricKey: string) => {
      const rows: { detail: string | null }[] = [];
      let after: string | null = null;
      do {
        const page = await service.rows(actor(world), metricKey, filter, 200, after);
        rows.push(...page.edges.map((edge) => edge.node));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return rows;
    };
    const measured: [string, number | null][] = [];
    const counted: [string, number | null][] = [];
    for (const metric of [...dashboard.outcomes, ...dashboard.activities]) {
      const rows = await all(metric.key);
      if (metric.unit === 'AMOUNT') {
        // Amounts: the rows ("opened 1,234.50 USD", "won 42,200 USD") are as many as the amounts added up
        // (the metric's denominator), and their amounts add up to the number.
        const sum = rows.reduce(
          (total, row) => total + Number(row.detail?.split(' ')[1].replace(/,/g, '')),
          0,
        );
        measured.push([metric.key, Math.round(sum * 100) / 100], [`${metric.key} rows`, rows.length]);
        counted.push([metric.key, metric.value], [`${metric.key} rows`, metric.denominator]);
        continue;
      }
      measured.push([metric.key, rows.length]);
      counted.push([
        metric.key,
        metric.unit === 'RATE' || metric.unit === 'DAYS'
          ? metric.denominator
          : metric.numerator !== null
            ? (metric.numerator ?? 0) + (metric.denominator ?? 0)
            : metric.value,
      ]);
    }
    expect(measured).toEqual(counted);
    for (const step of dashboard.funnel)
      expect([step.stage, (await all(`funnel-${step.stage}`)).length]).toEqual([step.stage, step.count]);
  });

  it('never counts another workspace’s facts', async () => {
    const before = await service.dashboard(actor(world), YEAR);
    const other = await newWorld(11, 120);
    const after = await service.dashboard(actor(world), YEAR);
    expect(after).toEqual(before);
    const theirs = await compare(other, YEAR);
    expect(theirs.outcomes).not.toEqual(before.outcomes);
    const rows = await service.rows(actor(other), 'mqls', { ...YEAR }, 200, null);
    expect(rows.edges.length).toBe(theirs.outcomes.find((metric) => metric.key === 'mqls')?.value);
  });

  it('serves every role over GraphQL and refuses a bad filter field by field', async () => {
    const query = `query ($filter: DashboardFilter!) {
      dashboard(filter: $filter) { timeZone granularity outcomes { key value target } funnel { stage count } }
    }`;
    for (const roles of [['EXECUTIVE'], ['MARKETING'], ['SALES'], ['ADMIN']] as AuthMember['roles'][]) {
      await sql(world, `UPDATE members SET roles = $1 WHERE id = $2`, [roles, world.executiveId]);
      const answer = await graphql(actor(world, roles), query, {
        filter: { from: YEAR.from, to: YEAR.to, granularity: 'WEEK' },
      });
      expect([roles, answer.errors]).toEqual([roles, undefined]);
      expect(answer.data?.['dashboard']).toMatchObject({ timeZone: TZ, granularity: 'MONTH' });
    }
    const bad = await graphql(actor(world), query, {
      filter: { from: YEAR.to, to: YEAR.from, granularity: 'MONTH', employeeBand: '50-199' },
    });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'filter.to', message: 'must be after from' },
        { field: 'filter.employeeBand', message: 'must be one of 1–49, 50–199, 200–999, 1000+' },
      ],
    });
    const team = await graphql(
      actor(world),
      `
        query ($filter: DashboardFilter!) {
          dashboard(filter: $filter) {
            outcomes {
              key
              value
            }
            rejectionsByCampaign {
              reasonKey
              group
              count
            }
          }
        }
      `,
      { filter: { from: YEAR.from, to: YEAR.to, granularity: 'MONTH', team: 'East' } },
    );
    expect(team.errors).toBeUndefined();
    expect((team.data?.['dashboard'] as Dashboard).rejectionsByCampaign.length).toBeGreaterThan(0);
    const longTeam = await graphql(actor(world), query, {
      filter: { from: YEAR.from, to: YEAR.to, granularity: 'MONTH', team: 'x'.repeat(101) },
    });
    expect(longTeam.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const notUuid = await graphql(actor(world), query, {
      filter: { from: YEAR.from, to: YEAR.to, granularity: 'MONTH', versionId: 'v3' },
    });
    expect(notUuid.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const tooLong = await graphql(actor(world), query, {
      filter: { from: '2020-01-01T00:00:00Z', to: YEAR.to, granularity: 'MONTH' },
    });
    expect(tooLong.errors?.[0].message).toBe('filter.to: the period may span at most 3 years');
    const rows = await graphql(
      actor(world),
      `
        query ($filter: DashboardFilter!) {
          dashboardRows(metricKey: "nope", filter: $filter) {
            edges {
              cursor
            }
          }
        }
      `,
      { filter: { from: YEAR.from, to: YEAR.to, granularity: 'MONTH' } },
    );
    expect(rows.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'metricKey', message: 'not a metric of the dashboard' }],
    });
  });
});

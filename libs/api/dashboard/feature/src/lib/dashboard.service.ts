import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { PublishedDocuments } from '@accord/api/agreements/data-access';
import {
  DashboardRepository,
  DashboardRollupRepository,
  FactScope,
  RejectionRow,
  RepRow,
  SegmentValues,
  VersionRow,
  sliceOf,
} from '@accord/api/dashboard/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError, decodeCursor, encodeCursor } from '@accord/api/shared/graphql';
import {
  DayFacts,
  EMPLOYEE_BANDS,
  KpiEntry,
  RejectionGroup,
  dashboardNumbers,
  drillSources,
  isTimeZone,
  localDate,
  periodQuota,
  quotaAttainment,
  quotasApply,
  startOfLocalDay,
  targetScope,
  versionPeriod,
} from '@accord/domain/dashboard';

import { checkFilter, chosenVersion, factScope, versionInForce } from './dashboard-scope';
import { DashboardFilter } from './dto/dashboard.inputs';
import { Dashboard, DashboardRowConnection } from './models/dashboard.model';

/** The reads of the dashboard's counts, from the rollup or from the raw tables. */
interface FactsReader {
  dailyFacts(): Promise<DayFacts[]>;
  rejections(by: RejectionGroup): Promise<RejectionRow[]>;
  reps(): Promise<RepRow[]>;
  segments(): Promise<SegmentValues>;
}

/** The shared funnel dashboard: every number from recorded facts, within the member's workspace. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly repository: DashboardRepository,
    private readonly rollup: DashboardRollupRepository,
    private readonly documents: PublishedDocuments,
    private readonly clock: Clock,
  ) {}

  async dashboard(actor: AuthMember, filter: DashboardFilter): Promise<Dashboard> {
    checkFilter(filter);
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const { scope, versions, version, kpis, currency } = await this.read(manager, filter);
      const facts = await this.factsReader(manager, scope);
      const period = { from: scope.from, to: scope.to, timeZone: scope.timeZone };
      const numbers = dashboardNumbers(
        await facts.dailyFacts(),
        period,
        filter.granularity,
        kpis,
        this.clock.now(),
        // Numbers under one version are held to its targets for the time it was in force, not the whole period.
        version ? versionPeriod(period, version) : period,
        // A segment's, owner's or team's numbers are not held to the whole workspace's targets.
        targetScope(filter),
      );
      // A segment filter counts part of each rep's revenue, which their quota does not split into.
      const measureQuotas = quotasApply(filter);
      return {
        timeZone: scope.timeZone,
        currency,
        ...numbers,
        rejectionsBySource: await facts.rejections('source'),
        rejectionsByCampaign: await facts.rejections('campaign'),
        rejectionsByGrade: await facts.rejections('grade'),
        reps: withQuotaHolders(await facts.reps(), await this.repository.quotaHolders(manager, scope)).map(
          (rep) => {
            const quota = periodQuota(rep.monthlyQuota, period);
            return {
              ...rep,
              quota,
              attainment: measureQuotas ? quotaAttainment(rep.revenueWon, quota) : null,
            };
          },
        ),
        versions: versions.map((version) => ({ id: version.id, number: version.number })),
        segments: { ...(await facts.segments()), employeeBands: EMPLOYEE_BANDS.map((band) => band.label) },
      };
    });
  }

  /** The facts behind one metric (or funnel step) under the filter, newest first. */
  async rows(
    actor: AuthMember,
    metricKey: string,
    filter: DashboardFilter,
    first: number,
    after: string | null,
  ): Promise<DashboardRowConnection> {
    checkFilter(filter);
    const sources = drillSources(metricKey);
    if (!sources)
      throw AppError.badInput(`metricKey: no metric "${metricKey}"`, [
        { field: 'metricKey', message: 'not a metric of the dashboard' },
      ]);
    const position = after ? decodeCursor(after, ['instant', 'text']) : null;
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const { scope } = await this.read(manager, filter);
      const rows = await this.repository.rows(
        manager,
        scope,
        sources,
        first,
        position ? { atText: position[0], rowKey: position[1] } : null,
      );
      const page = rows.slice(0, first);
      return {
        edges: page.map(({ rowKey, atText, ...node }) => ({ cursor: encodeCursor([atText, rowKey]), node })),
        pageInfo: {
          endCursor:
            page.length > 0
              ? encodeCursor([page[page.length - 1].atText, page[page.length - 1].rowKey])
              : null,
          hasNextPage: rows.length > first,
        },
      };
    });
  }

  /**
   * Where the dashboard's counts come from: the rollup when it is built in the workspace's time zone, the period
   * runs from local midnight to local midnight and it keeps the filter's slice; the raw tables otherwise. Both
   * give the same numbers (the rollup is counted from the same sources, a day at a time).
   */
  private async factsReader(manager: EntityManager, scope: FactScope): Promise<FactsReader> {
    const state = await this.rollup.state(manager);
    const fromDay = localDate(scope.from, scope.timeZone);
    const toDay = localDate(scope.to, scope.timeZone);
    const wholeDays =
      startOfLocalDay(fromDay, scope.timeZone).getTime() === scope.from.getTime() &&
      startOfLocalDay(toDay, scope.timeZone).getTime() === scope.to.getTime();
    const slice =
      state?.builtAt && state.timeZone === scope.timeZone && wholeDays
        ? sliceOf(scope, fromDay, toDay)
        : null;
    if (state && slice)
      return {
        dailyFacts: () => this.rollup.dailyFacts(manager, slice),
        rejections: (by) => this.rollup.rejections(manager, slice, by),
        reps: () => this.rollup.reps(manager, slice),
        segments: () => Promise.resolve(state.segments),
      };
    return {
      dailyFacts: () => this.repository.dailyFacts(manager, scope),
      rejections: (by) => this.repository.rejections(manager, scope, by),
      reps: () => this.repository.reps(manager, scope),
      segments: () => this.repository.segments(manager),
    };
  }

  /** The scope, the versions and the KPI catalogue (of the chosen version, else of the one in force). */
  private async read(
    manager: EntityManager,
    filter: DashboardFilter,
  ): Promise<{
    scope: FactScope;
    versions: Awaited<ReturnType<DashboardRepository['versions']>>;
    /** The version the filter chose, if any. */
    version: VersionRow | null;
    kpis: KpiEntry[];
    currency: string;
  }> {
    const stored = await this.repository.calendarAndCurrency(manager);
    const timeZone = isTimeZone(stored.timeZone) ? stored.timeZone : 'UTC';
    const versions = await this.repository.versions(manager);
    const version = chosenVersion(filter, versions);
    const catalogue = version ?? versionInForce(versions, this.clock.now());
    const kpis = catalogue ? (await this.documents.document(manager, catalogue.id)).kpis : [];
    return {
      scope: factScope(await this.repository.spelt(manager, filter), timeZone, version),
      versions,
      version,
      kpis,
      currency: stored.currency,
    };
  }
}

/** The reps with facts in the period, in their order, then the quota holders who had none, by name. */
export function withQuotaHolders(reps: RepRow[], quotaHolders: RepRow[]): RepRow[] {
  const listed = new Set(reps.map((rep) => rep.ownerId));
  return [...reps, ...quotaHolders.filter((holder) => !listed.has(holder.ownerId))];
}

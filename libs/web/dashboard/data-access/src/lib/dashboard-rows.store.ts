import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { FUNNEL_STAGES, funnelDrillKey } from '@accord/domain/dashboard';
import {
  type ApiError,
  AuthStore,
  CLOCK,
  type DashboardFilter,
  DashboardMetricNamesDocument,
  DashboardRowsDocument,
  attempt,
  fetchColleagues,
  required,
  toApiError,
} from '@accord/web/shared/data-access';

import { FUNNEL_LABELS } from './dashboard-charts';
import {
  DEFAULT_SELECTION,
  type DashboardSelection,
  type PeriodDays,
  selectionDays,
  selectionWords,
  setFilterWords,
  toDashboardFilter,
} from './dashboard-selection';
import type { DashboardRow } from './dashboard-types';
import { UNKNOWN_VERSION_NOTICE, refusedVersion, workspaceTimeZone } from './dashboard.store';
import { drillSummary } from './drill-summary';

/** The drill-down list shows this many rows at first, and this many more per "Load more". */
export const ROWS_PAGE_SIZE = 50;

/** What a drill-down key stands for: a metric's name and definition, or a funnel step's. */
export interface DrillSubject {
  name: string;
  definition: string | null;
}

/** The rows behind one figure of the dashboard, page by page, for the same selection. Provide it per page. */
@Injectable()
export class DashboardRowsStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly clock = inject(CLOCK);
  private endCursor: string | null = null;
  private filter: DashboardFilter | null = null;
  private metricKey = '';
  // A newer selection makes the answers of older ones stale; they are dropped instead of mixed in.
  private generation = 0;

  /** The dashboard's selection the rows are for, to go back to it. */
  readonly selection = signal<DashboardSelection>(DEFAULT_SELECTION);
  readonly rows = signal<DashboardRow[]>([]);
  readonly subject = signal<DrillSubject | null>(null);
  /** The filters the rows are cut by, beyond the period ("Agreement version: v2", "Industry: Software"). */
  readonly filters = signal<string[]>([]);
  /** How many rows there are and what they add up to ("6 rows · 194,800 USD"); null until known. */
  readonly summary = signal<string | null>(null);
  /** What was changed of the selection asked for, in words (see DashboardStore.notices). */
  readonly notices = signal<readonly string[]>([]);
  readonly days = signal<PeriodDays | null>(null);
  readonly timeZone = signal('UTC');
  readonly hasMore = signal(false);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);

  /**
   * The first page of the rows behind `metricKey` under the selection, and what the key names. `notices` say what
   * reading the URL changed; a version the workspace has not published is left out, and said so.
   */
  load(metricKey: string, selection: DashboardSelection, notices: readonly string[] = []): Promise<void> {
    const now = this.clock();
    const timeZone = workspaceTimeZone(this.auth);
    this.metricKey = metricKey;
    this.selection.set(selection);
    this.notices.set(notices);
    this.filter = toDashboardFilter(selection, now, timeZone);
    this.timeZone.set(timeZone);
    this.days.set(selectionDays(selection, now, timeZone));
    this.generation += 1;
    void this.name(metricKey, this.filter, this.generation);
    return this.fetch(null, this.generation);
  }

  /** The next page, after the rows already shown. */
  loadMore(): Promise<void> {
    if (!this.hasMore() || this.loading()) return Promise.resolve();
    return this.fetch(this.endCursor, this.generation);
  }

  private async name(metricKey: string, filter: DashboardFilter, generation: number): Promise<void> {
    this.subject.set(null);
    this.filters.set([]);
    this.summary.set(null);
    try {
      // Coming from the dashboard, Apollo answers from its cache.
      const answer = await firstValueFrom(
        this.apollo.query({ query: DashboardMetricNamesDocument, variables: { filter } }),
      );
      if (generation !== this.generation) return;
      const dashboard = required(answer.data?.dashboard);
      this.subject.set(drillSubject(metricKey, [...dashboard.outcomes, ...dashboard.activities]));
      this.summary.set(drillSummary(metricKey, dashboard, dashboard.currency));
      const ownerName = await this.ownerName(this.selection().ownerId);
      if (generation !== this.generation) return;
      this.filters.set(
        setFilterWords(selectionWords(this.selection(), { versions: dashboard.versions, ownerName })),
      );
    } catch {
      // Without the names the list still works: it is titled by its key.
      if (generation === this.generation) {
        this.subject.set({ name: metricKey, definition: null });
        this.filters.set(setFilterWords(selectionWords(this.selection(), { versions: [], ownerName: null })));
      }
    }
  }

  /** The chosen owner's name, from the members (Apollo's cache, coming from the dashboard); null if unknown. */
  private async ownerName(ownerId: string | null): Promise<string | null> {
    if (ownerId === null) return null;
    const members = await attempt(() => fetchColleagues(this.apollo));
    return (members.ok && members.value.find((member) => member.id === ownerId)?.name) || null;
  }

  private async fetch(after: string | null, generation: number): Promise<void> {
    const filter = this.filter;
    if (filter === null) return;
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: DashboardRowsDocument,
          variables: { metricKey: this.metricKey, filter, first: ROWS_PAGE_SIZE, after },
          fetchPolicy: 'network-only',
        }),
      );
      if (generation !== this.generation) return;
      const page = required(answer.data?.dashboardRows);
      const nodes = page.edges.map((edge) => edge.node);
      this.rows.update((rows) => (after === null ? nodes : [...rows, ...nodes]));
      this.endCursor = page.pageInfo.endCursor;
      this.hasMore.set(page.pageInfo.hasNextPage && page.pageInfo.endCursor !== null);
    } catch (error) {
      if (generation !== this.generation) return;
      const problem = toApiError(error);
      const selection = this.selection();
      if (after === null && selection.versionId !== null && refusedVersion(problem)) {
        await this.load(this.metricKey, { ...selection, versionId: null }, [
          ...this.notices(),
          UNKNOWN_VERSION_NOTICE,
        ]);
        return;
      }
      if (after === null) this.rows.set([]);
      this.loadError.set(inPageWords(problem, this.metricKey));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}

/**
 * The API names the argument it refuses ("metricKey: no metric …"); a key the dashboard has no figure for — a link
 * gone stale, a URL typed by hand — is said in the page's words instead.
 */
function inPageWords(problem: ApiError, metricKey: string): ApiError {
  const unknownKey =
    problem.code === 'BAD_USER_INPUT' && problem.fields.some((field) => field.field === 'metricKey');
  if (!unknownKey) return problem;
  return {
    ...problem,
    message: `The dashboard has no figure called “${metricKey}”: open one from the dashboard.`,
  };
}

/** A metric's name and definition from the dashboard's metrics; a funnel step's key names its stage. */
export function drillSubject(
  key: string,
  metrics: readonly { key: string; name: string; definition: string }[],
): DrillSubject {
  const metric = metrics.find((entry) => entry.key === key);
  if (metric) return { name: metric.name, definition: metric.definition };
  const stage = FUNNEL_STAGES.find((candidate) => funnelDrillKey(candidate) === key);
  if (stage === undefined) return { name: key, definition: null };
  const label = FUNNEL_LABELS[stage];
  return { name: `Funnel: ${label}`, definition: `Leads that moved into ${label} in the period.` };
}

import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { nothingCounted } from '@accord/domain/dashboard';
import {
  type ApiError,
  AuthStore,
  CLOCK,
  type Colleague,
  DashboardDocument,
  type DashboardFilter,
  attempt,
  fetchColleagues,
  required,
} from '@accord/web/shared/data-access';

import { type OwnerChoice, ownerChoices, teamChoices } from './dashboard-owners';
import {
  DEFAULT_SELECTION,
  type DashboardSelection,
  type PeriodDays,
  periodBegun,
  selectionDays,
  toDashboardFilter,
} from './dashboard-selection';
import type { Dashboard } from './dashboard-types';

/** The time zone of the signed-in member's workspace, which the dashboard's calendar follows. */
export function workspaceTimeZone(auth: AuthStore): string {
  return auth.workspace()?.timeZone ?? 'UTC';
}

/** The reporting currency of the signed-in member's workspace (ISO 4217), which every amount is in; null if unknown. */
export function workspaceCurrency(auth: AuthStore): string | null {
  return auth.workspace()?.currency ?? null;
}

/** Said when a shared link names a version the workspace has not published, which the dashboard then leaves out. */
export const UNKNOWN_VERSION_NOTICE =
  'That version is not published in this workspace; showing all versions.';

/** Whether the API refused the filter's version (a link from another workspace, or a version never published). */
export function refusedVersion(error: ApiError): boolean {
  return (
    error.code === 'BAD_USER_INPUT' && error.fields.some((problem) => problem.field === 'filter.versionId')
  );
}

/** One view of the shared dashboard, for the selection in the page's URL, as signals. Provide it per page. */
@Injectable()
export class DashboardStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly clock = inject(CLOCK);
  private readonly seenOwners = signal<ReadonlyMap<string, string>>(new Map());
  /** The workspace's members (every role may read them); null until read, or if they could not be. */
  private readonly colleagues = signal<Colleague[] | null>(null);
  private latest = 0;

  readonly selection = signal<DashboardSelection>(DEFAULT_SELECTION);
  readonly dashboard = signal<Dashboard | null>(null);
  /** The filter the shown numbers were computed for, and its days in the workspace's calendar. */
  readonly filter = signal<DashboardFilter | null>(null);
  readonly days = signal<PeriodDays | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  /**
   * What the dashboard changed of the selection asked for, in words for the page (UNKNOWN_VERSION_NOTICE);
   * `selection` is then what is shown, for the page to correct its URL.
   */
  readonly notices = signal<readonly string[]>([]);
  /** What reading the URL changed of a custom period's days ("From was after To: …"), said beside its fields. */
  readonly periodNotices = signal<readonly string[]>([]);
  /** Whether the period shown had begun when it was read: one from tomorrow has nothing to count yet. */
  readonly begun = signal(true);
  /** The filters match no fact in the period: every number is zero or has no value (see nothingCounted). */
  readonly empty = computed(() => {
    const dashboard = this.dashboard();
    return dashboard !== null && nothingCounted(dashboard);
  });
  readonly timeZone = computed(() => this.dashboard()?.timeZone ?? workspaceTimeZone(this.auth));
  /** The currency the amounts are in: the dashboard's, the session workspace's before the first answer. */
  readonly currency = computed(() => this.dashboard()?.currency ?? workspaceCurrency(this.auth));
  /** Every active member to filter by (the reps seen so far until the members are read; see ownerChoices). */
  readonly owners = computed<OwnerChoice[]>(() =>
    ownerChoices(this.colleagues(), this.seenOwners(), this.selection().ownerId),
  );
  /** The teams the workspace's members are in. */
  readonly teams = computed<string[]>(() => teamChoices(this.colleagues(), this.selection().team));

  /** Reads the workspace's members, for the owner and team filters; without them the owners are the reps seen. */
  async loadMembers(): Promise<void> {
    const result = await attempt(() => fetchColleagues(this.apollo));
    if (result.ok) this.colleagues.set(result.value);
  }

  /**
   * The dashboard for the selection; presets ("this month") are days of the workspace's own calendar.
   * `periodNotices` say what reading the URL changed of the period's days. A version the workspace has not published
   * is left out, and said so, rather than leaving the page without numbers or filters to recover with.
   */
  async load(selection: DashboardSelection, periodNotices: readonly string[] = []): Promise<void> {
    const ticket = ++this.latest;
    this.selection.set(selection);
    this.notices.set([]);
    this.periodNotices.set(periodNotices);
    this.loading.set(true);
    this.loadError.set(null);
    const now = this.clock();
    let shown = selection;
    let result = await this.fetchIn(shown, now, ticket);
    if (!result.ok && shown.versionId !== null && refusedVersion(result.error) && ticket === this.latest) {
      shown = { ...shown, versionId: null };
      this.selection.set(shown);
      this.notices.set([UNKNOWN_VERSION_NOTICE]);
      result = await this.fetchIn(shown, now, ticket);
    }
    if (ticket !== this.latest) return;
    this.loading.set(false);
    if (!result.ok) {
      // Numbers of another selection must not stand under this one's filters.
      this.dashboard.set(null);
      this.loadError.set(result.error);
      return;
    }
    const { dashboard, filter } = result.value;
    this.dashboard.set(dashboard);
    this.filter.set(filter);
    this.days.set(selectionDays(shown, now, dashboard.timeZone));
    this.begun.set(periodBegun(filter, now));
    this.seenOwners.update((owners) => {
      const next = new Map(owners);
      for (const rep of dashboard.reps) next.set(rep.ownerId, rep.name);
      return next;
    });
  }

  /** The selection's dashboard in the workspace's calendar. */
  private async fetchIn(selection: DashboardSelection, now: Date, ticket: number) {
    const timeZone = this.timeZone();
    const result = await this.fetch(toDashboardFilter(selection, now, timeZone));
    // The API names the workspace's zone; if the session's was stale, the days were the wrong ones: ask again.
    if (result.ok && result.value.dashboard.timeZone !== timeZone && ticket === this.latest)
      return this.fetch(toDashboardFilter(selection, now, result.value.dashboard.timeZone));
    return result;
  }

  private fetch(filter: DashboardFilter) {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: DashboardDocument, variables: { filter }, fetchPolicy: 'network-only' }),
      );
      return { dashboard: required(answer.data?.dashboard), filter };
    });
  }
}

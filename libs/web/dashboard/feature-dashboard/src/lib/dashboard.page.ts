import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, type ParamMap, Router } from '@angular/router';

import { quotasApply } from '@accord/domain/dashboard';
import {
  type DashboardSelection,
  DashboardStore,
  GRANULARITY_LABELS,
  PERIOD_LABELS,
  REJECTION_TABLES,
  dashboardExport,
  emptyNotice,
  exportFileName,
  periodLabel,
  readSelection,
  selectionParams,
  selectionWords,
} from '@accord/web/dashboard/data-access';
import { FormAlertComponent, PageHeaderComponent } from '@accord/web/shared/ui';

import { MetricCardComponent } from './cards/metric-card.component';
import { downloadText } from './download';
import { DashboardFiltersComponent } from './sections/dashboard-filters.component';
import { FunnelComponent } from './sections/funnel.component';
import { RejectionTableComponent } from './sections/rejection-table.component';
import { RepTableComponent } from './sections/rep-table.component';
import { TrendComponent } from './sections/trend.component';

/** The URL's query parameters as a record. */
function paramsOf(params: ParamMap): Record<string, string | undefined> {
  return Object.fromEntries(params.keys.map((key) => [key, params.get(key) ?? undefined]));
}

/**
 * The shared funnel dashboard, every role's and executives' home: outcomes first and largest with their targets,
 * the funnel and trends, then activity as diagnostics, then why leads were rejected (by source, campaign and
 * grade). The URL holds the filters.
 */
@Component({
  selector: 'accord-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DashboardStore],
  imports: [
    MatButton,
    MatProgressBar,
    FormAlertComponent,
    PageHeaderComponent,
    DashboardFiltersComponent,
    FunnelComponent,
    MetricCardComponent,
    RejectionTableComponent,
    RepTableComponent,
    TrendComponent,
  ],
  template: `
    <accord-page-header heading="Funnel dashboard">
      <p subtitle class="sub">{{ subtitle() }}</p>
      <button mat-stroked-button type="button" [disabled]="store.dashboard() === null" (click)="exportCsv()">
        Export CSV
      </button>
    </accord-page-header>
    <accord-dashboard-filters
      [selection]="store.selection()"
      [days]="store.days()"
      [versions]="store.dashboard()?.versions ?? []"
      [segments]="store.dashboard()?.segments ?? null"
      [owners]="store.owners()"
      [teams]="store.teams()"
      [periodNotices]="store.periodNotices()"
      (changed)="change($event)"
    />
    <accord-form-alert [message]="store.loadError()?.message ?? null" />
    @for (notice of store.notices(); track notice) {
      <p class="notice" role="status">{{ notice }}</p>
    }
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the dashboard" />
    }
    @if (store.dashboard(); as dashboard) {
      @if (store.empty()) {
        <p class="notice empty" role="status">{{ emptyNotice() }}</p>
      }
      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">Outcomes</h2>
        @if (dashboard.targetScope === 'WORKSPACE') {
          <p class="note">
            Targets are the whole workspace's, shown for reference: the agreement sets none for one segment,
            owner or team, so these numbers are not measured against them.
          </p>
        }
        <div class="cards outcomes" role="list" aria-labelledby="outcomes-heading">
          @for (metric of dashboard.outcomes; track metric.key) {
            <accord-metric-card
              [metric]="metric"
              size="large"
              [currency]="store.currency()"
              [targetScope]="dashboard.targetScope"
            />
          }
        </div>
      </section>
      <div class="pair">
        <section aria-labelledby="funnel-heading">
          <h2 id="funnel-heading">Funnel</h2>
          <accord-funnel
            [steps]="dashboard.funnel"
            [versionFiltered]="store.selection().versionId !== null"
          />
        </section>
        <section aria-labelledby="trends-heading">
          <h2 id="trends-heading">Trends</h2>
          <accord-trend
            [metrics]="dashboard.outcomes.concat(dashboard.activities)"
            [timeZone]="dashboard.timeZone"
            [granularity]="dashboard.granularity"
            [currency]="store.currency()"
            [targetScope]="dashboard.targetScope"
          />
        </section>
      </div>
      <section class="diagnostics" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Diagnostics — activity</h2>
        <p class="note">Activity explains the outcomes above; it is not a goal in itself.</p>
        <div class="cards activities" role="list" aria-labelledby="activity-heading">
          @for (metric of dashboard.activities; track metric.key) {
            <accord-metric-card
              [metric]="metric"
              size="small"
              [currency]="store.currency()"
              [targetScope]="dashboard.targetScope"
            />
          }
        </div>
        @if (!quotasMeasured()) {
          <p class="note">
            No quota attainment under a segment filter: a rep's quota is for all their revenue, not one
            segment's.
          </p>
        }
        <accord-rep-table
          [reps]="dashboard.reps"
          [metrics]="dashboard.outcomes.concat(dashboard.activities)"
          [currency]="store.currency()"
        />
      </section>
      <section aria-labelledby="rejections-heading">
        <h2 id="rejections-heading">Why leads were rejected</h2>
        <div class="pair">
          @for (table of rejectionTables; track table.group) {
            <accord-rejection-table
              [caption]="table.caption"
              [groupLabel]="table.label"
              [group]="table.group"
              [counts]="dashboard[table.field]"
            />
          }
        </div>
      </section>
    }
  `,
  styles: `
    .sub,
    .note {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
    .notice {
      margin: 0 0 16px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    #outcomes-heading + .note {
      margin: -8px 0 12px;
    }
    section {
      margin: 0 0 32px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 12px;
    }
    .cards {
      display: grid;
      gap: 12px;
    }
    .outcomes {
      grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
    }
    .activities {
      grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
      margin: 12px 0 16px;
    }
    /* Side by side only where each table has room for five reasons: at a laptop's width (1366 px) two columns
       hid a reason under the sticky Total, so the tables stack there and sit side by side on wider screens. */
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(600px, 100%), 1fr));
      gap: 24px;
    }
    .diagnostics h2 {
      font: var(--mat-sys-title-medium);
    }
    .diagnostics .note {
      font: var(--mat-sys-body-small);
    }
  `,
})
export class DashboardPage {
  private readonly document = inject(DOCUMENT);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly store = inject(DashboardStore);
  protected readonly rejectionTables = REJECTION_TABLES;

  protected readonly subtitle = computed(() => {
    const days = this.store.days();
    if (days === null) return '';
    const period = this.store.selection().period;
    const name = period === 'CUSTOM' ? '' : `${PERIOD_LABELS[period]}: `;
    return `${name}${periodLabel(days)} · ${this.store.timeZone()} time`;
  });

  /** The empty state's words: the period has not begun, or nothing was recorded in it (see emptyNotice). */
  protected readonly emptyNotice = computed(() =>
    emptyNotice(this.store.selection(), this.store.days(), this.store.begun()),
  );
  /** Whether reps' attainment is measured: not under a segment filter (see quotasApply). */
  protected readonly quotasMeasured = computed(() => quotasApply(this.store.selection()));
  /** The URL the page corrected itself to, whose navigation shows what is already on screen. */
  private corrected: string | null = null;

  constructor() {
    // The members, for the owner and team filters (until they arrive, the owners are the reps seen).
    void this.store.loadMembers();
    // The URL is the view's state: every filter change navigates, and every navigation loads.
    this.route.queryParamMap
      .pipe(takeUntilDestroyed())
      .subscribe((params) => void this.show(paramsOf(params)));
  }

  /**
   * Loads the URL's selection. What could not be shown as asked (a period longer than the API reads, a version
   * the workspace has not published, days picked in reverse) is said on the page — what was changed of the period
   * beside its fields — and the URL is corrected to what is shown, so that a reload or a shared link shows the same.
   */
  private async show(values: Record<string, string | undefined>): Promise<void> {
    const { selection, periodNotices } = readSelection(values);
    const key = JSON.stringify(selectionParams(selection));
    if (key === this.corrected) {
      this.corrected = null;
      return;
    }
    this.corrected = null;
    await this.store.load(selection, periodNotices);
    // Nothing to correct, or the URL has moved on since.
    const current = paramsOf(this.route.snapshot.queryParamMap);
    const changed = periodNotices.length > 0 || this.store.notices().length > 0;
    if (!changed || JSON.stringify(current) !== JSON.stringify(values)) return;
    const shown = selectionParams(this.store.selection());
    this.corrected = JSON.stringify(shown);
    await this.router.navigate([], { relativeTo: this.route, queryParams: shown, replaceUrl: true });
  }

  protected change(patch: Partial<DashboardSelection>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: selectionParams({ ...this.store.selection(), ...patch }),
    });
  }

  /** The view on screen as a CSV file, built here in the browser. */
  protected exportCsv(): void {
    const dashboard = this.store.dashboard();
    const filter = this.store.filter();
    const days = this.store.days();
    if (dashboard === null || filter === null || days === null) return;
    const csv = dashboardExport(dashboard, { filter, days, filters: this.filterWords() });
    downloadText(this.document, exportFileName(days), csv);
  }

  /** The filters as their controls read ("Agreement version" → "v4"), for the export's head. */
  private filterWords(): Record<string, string | null> {
    const selection = this.store.selection();
    const dashboard = this.store.dashboard();
    const owner = this.store.owners().find((entry) => entry.id === selection.ownerId);
    return {
      Period: PERIOD_LABELS[selection.period],
      'Trend step': dashboard ? GRANULARITY_LABELS[dashboard.granularity] : null,
      ...selectionWords(selection, { versions: dashboard?.versions ?? [], ownerName: owner?.name ?? null }),
    };
  }
}

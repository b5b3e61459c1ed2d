import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';

import {
  type DashboardSelection,
  DashboardStore,
  GRANULARITY_LABELS,
  PERIOD_LABELS,
  REJECTION_TABLES,
  dashboardExport,
  exportFileName,
  periodLabel,
  selectionFromParams,
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
      (changed)="change($event)"
    />
    <accord-form-alert [message]="store.loadError()?.message ?? null" />
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the dashboard" />
    }
    @if (store.dashboard(); as dashboard) {
      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">Outcomes</h2>
        <div class="cards outcomes" role="list" aria-labelledby="outcomes-heading">
          @for (metric of dashboard.outcomes; track metric.key) {
            <accord-metric-card [metric]="metric" size="large" [currency]="store.currency()" />
          }
        </div>
      </section>
      <div class="pair">
        <section aria-labelledby="funnel-heading">
          <h2 id="funnel-heading">Funnel</h2>
          <accord-funnel [steps]="dashboard.funnel" />
        </section>
        <section aria-labelledby="trends-heading">
          <h2 id="trends-heading">Trends</h2>
          <accord-trend
            [metrics]="dashboard.outcomes.concat(dashboard.activities)"
            [timeZone]="dashboard.timeZone"
            [granularity]="dashboard.granularity"
            [currency]="store.currency()"
          />
        </section>
      </div>
      <section class="diagnostics" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Diagnostics — activity</h2>
        <p class="note">Activity explains the outcomes above; it is not a goal in itself.</p>
        <div class="cards activities" role="list" aria-labelledby="activity-heading">
          @for (metric of dashboard.activities; track metric.key) {
            <accord-metric-card [metric]="metric" size="small" [currency]="store.currency()" />
          }
        </div>
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
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(420px, 100%), 1fr));
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

  constructor() {
    // The members, for the owner and team filters (until they arrive, the owners are the reps seen).
    void this.store.loadMembers();
    // The URL is the view's state: every filter change navigates, and every navigation loads.
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const values = Object.fromEntries(params.keys.map((key) => [key, params.get(key) ?? undefined]));
      void this.store.load(selectionFromParams(values));
    });
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

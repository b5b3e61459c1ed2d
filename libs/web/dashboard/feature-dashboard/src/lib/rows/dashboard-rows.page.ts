import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { combineLatest } from 'rxjs';

import { canUse } from '@accord/domain/workspace';
import {
  DashboardRowsStore,
  periodLabel,
  readSelection,
  selectionParams,
} from '@accord/web/dashboard/data-access';
import { AuthStore } from '@accord/web/shared/data-access';
import { FormAlertComponent, PageHeaderComponent, emptyListText } from '@accord/web/shared/ui';

/** The rows behind one figure of the dashboard (a metric or a funnel step), for the same filters, page by page. */
@Component({
  selector: 'accord-dashboard-rows-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DashboardRowsStore],
  imports: [MatButton, MatProgressBar, RouterLink, FormAlertComponent, PageHeaderComponent],
  template: `
    <a class="back" routerLink="/dashboard" [queryParams]="backParams()">← Dashboard</a>
    <accord-page-header [heading]="heading()">
      <p subtitle class="sub">
        @if (store.subject()?.definition; as definition) {
          {{ definition }}<br />
        }
        {{ period() }}
      </p>
    </accord-page-header>
    <accord-form-alert [message]="store.loadError()?.message ?? null" />
    @for (notice of store.notices(); track notice) {
      <p class="notice" role="status">{{ notice }}</p>
    }
    @if (store.summary(); as summary) {
      <p class="summary">{{ summary }}</p>
    }
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading rows" />
    }
    <div class="scroll">
      <table>
        <caption class="visually-hidden">
          {{
            heading()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">Lead</th>
            <th scope="col">Company</th>
            <th scope="col">When</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          @for (row of store.rows(); track $index) {
            <tr>
              <td>
                @if (linksLeads()) {
                  <a [routerLink]="['/leads', row.leadId]">{{ row.leadName || row.email }}</a>
                } @else {
                  {{ row.leadName || row.email }}
                }
                @if (row.leadName) {
                  <div class="email">{{ row.email }}</div>
                }
              </td>
              <td data-label="Company">{{ row.companyName ?? '—' }}</td>
              <td data-label="When">{{ when(row.at) }}</td>
              <td data-label="Detail">{{ row.detail ?? '' }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="4">{{ emptyText() }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @if (store.hasMore()) {
      <div class="more">
        <button mat-stroked-button type="button" [disabled]="store.loading()" (click)="store.loadMore()">
          Load more
        </button>
      </div>
    }
  `,
  styles: `
    .back {
      display: inline-block;
      margin: 0 0 8px;
    }
    .sub,
    .email {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
    .email {
      font: var(--mat-sys-body-small);
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    /* On a phone each row is a card: lead, company, when and detail under one another, nothing off-screen. */
    @media (max-width: 599px) {
      thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      tr,
      td {
        display: block;
      }
      tr {
        padding: 8px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      td {
        border: none;
        padding: 2px 0;
      }
      td[data-label]:not(:empty)::before {
        content: attr(data-label) ': ';
        color: var(--mat-sys-on-surface-variant);
      }
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 8px 16px 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .notice {
      margin: 0 0 16px;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .summary {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .more {
      display: flex;
      justify-content: center;
      margin: 16px 0;
    }
  `,
})
export class DashboardRowsPage {
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(DashboardRowsStore);

  /** Lead pages are for the roles that work leads; executives see the names without links. */
  protected readonly linksLeads = computed(() => canUse(this.auth.roles(), 'LEADS'));
  protected readonly heading = computed(() => `Rows behind ${this.store.subject()?.name ?? 'this figure'}`);
  protected readonly period = computed(() => {
    const days = this.store.days();
    if (!days) return '';
    return [periodLabel(days), ...this.store.filters(), `times shown in ${this.store.timeZone()}`].join(
      ' · ',
    );
  });
  protected readonly backParams = computed(() => selectionParams(this.store.selection()));
  protected readonly emptyText = computed(() =>
    emptyListText(
      { loading: this.store.loading(), failed: this.store.loadError() !== null },
      { empty: 'No rows behind this figure.', failed: 'The rows could not be loaded.' },
    ),
  );

  constructor() {
    combineLatest([this.route.paramMap, this.route.queryParamMap])
      .pipe(takeUntilDestroyed())
      .subscribe(([params, query]) => {
        const values = Object.fromEntries(query.keys.map((key) => [key, query.get(key) ?? undefined]));
        // No period fields here: what was changed of the period is said with the other notices.
        const { selection, periodNotices } = readSelection(values);
        void this.store.load(params.get('metric') ?? '', selection, periodNotices);
      });
  }

  protected when(at: string): string {
    return new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.store.timeZone(),
    }).format(new Date(at));
  }
}

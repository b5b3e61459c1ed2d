import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  OnInit,
  computed,
  effect,
  inject,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { GRADES, TEMPERATURES } from '@accord/domain/agreement';
import { LIFECYCLE_STAGES } from '@accord/domain/leads';
import { canUse, hasAnyRole } from '@accord/domain/workspace';
import {
  LEAD_SORTS,
  LeadListQuery,
  LeadOwnersStore,
  LeadsStore,
  NO_OWNER,
  SORT_LABELS,
  STAGE_LABELS,
  ScoringStatusStore,
  TEMPERATURE_LABELS,
  leadQueryFromParams,
  leadQueryParams,
  toLeadsFilter,
} from '@accord/web/leads/data-access';
import { AuthStore } from '@accord/web/shared/data-access';
import { FormAlertComponent, PageHeaderComponent, dialogConfig, emptyListText } from '@accord/web/shared/ui';

import { NewLeadDialog } from './new-lead.dialog';
import { NoLeadsYetComponent } from './no-leads-yet.component';
import { RescoreBannerComponent } from './rescore-banner.component';

/** How long typing pauses before the leads are searched. */
const SEARCH_PAUSE_MS = 350;

/** The workspace's leads with their scores, filtered and sorted through the URL, and new leads. */
@Component({
  selector: 'accord-leads-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LeadsStore, LeadOwnersStore, ScoringStatusStore],
  imports: [
    MatAnchor,
    MatButton,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    MatTableModule,
    RouterLink,
    FormAlertComponent,
    NoLeadsYetComponent,
    PageHeaderComponent,
    RescoreBannerComponent,
  ],
  template: `
    <accord-page-header heading="Leads">
      @if (readsFeedback()) {
        <a mat-button routerLink="rejection-feedback">Rejection feedback</a>
      }
      <a mat-button routerLink="values">Sources &amp; campaigns</a>
      <button mat-flat-button type="button" (click)="newLead()">New lead</button>
    </accord-page-header>
    <accord-rescore-banner [progress]="scoring.progress()" />
    <form class="filters" role="search" aria-label="Filter leads" (submit)="$event.preventDefault()">
      <mat-form-field appearance="outline" class="search">
        <mat-label>Search</mat-label>
        <input
          matInput
          type="search"
          placeholder="Name, e-mail or company"
          [value]="query().search ?? ''"
          (input)="typed($event)"
          (change)="searchNow($event)"
        />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Grade</mat-label>
        <select matNativeControl (change)="change({ grade: pick($event, grades) })">
          <option value="" [selected]="!query().grade">Any grade</option>
          @for (grade of grades; track grade) {
            <option [value]="grade" [selected]="grade === query().grade">{{ grade }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="wide">
        <mat-label>Temperature</mat-label>
        <select matNativeControl (change)="change({ temperature: pick($event, temperatures) })">
          <option value="" [selected]="!query().temperature">Any temperature</option>
          @for (temperature of temperatures; track temperature) {
            <option [value]="temperature" [selected]="temperature === query().temperature">
              {{ temperatureLabels[temperature] }}
            </option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Stage</mat-label>
        <select matNativeControl (change)="change({ stage: pick($event, stages) })">
          <option value="" [selected]="!query().stage">Any stage</option>
          @for (stage of stages; track stage) {
            <option [value]="stage" [selected]="stage === query().stage">{{ stageLabels[stage] }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Owner</mat-label>
        <select matNativeControl (change)="change({ ownerId: text($event) || null })">
          <option value="" [selected]="!query().ownerId">Anyone</option>
          <option [value]="noOwner" [selected]="query().ownerId === noOwner">Unassigned</option>
          @for (owner of owners.filterable(); track owner.id) {
            <option [value]="owner.id" [selected]="owner.id === query().ownerId">
              {{ owner.id === owners.selfId() ? 'Me' : owner.name }}
            </option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Sort by</mat-label>
        <select matNativeControl (change)="change({ sort: pick($event, sorts) ?? 'FIT' })">
          @for (sort of sorts; track sort) {
            <option [value]="sort" [selected]="sort === query().sort">{{ sortLabels[sort] }}</option>
          }
        </select>
      </mat-form-field>
    </form>
    <accord-form-alert [message]="store.loadError()?.message ?? null" />
    <p class="count" role="status">{{ countText() }}</p>
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading leads" />
    }
    <div class="table-scroll">
      <table mat-table [dataSource]="store.rows()" class="leads">
        <caption class="visually-hidden">
          Leads
        </caption>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">Lead</th>
          <td mat-cell *matCellDef="let row">
            <a [routerLink]="row.id">{{ row.name }}</a>
            <div class="sub">{{ row.email }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="company">
          <th mat-header-cell *matHeaderCellDef scope="col">Company</th>
          <td mat-cell *matCellDef="let row">{{ row.company }}</td>
        </ng-container>
        <ng-container matColumnDef="fit">
          <th mat-header-cell *matHeaderCellDef scope="col">Fit · grade</th>
          <td mat-cell *matCellDef="let row">{{ row.fit }}</td>
        </ng-container>
        <ng-container matColumnDef="intent">
          <th mat-header-cell *matHeaderCellDef scope="col">Intent · temperature</th>
          <td mat-cell *matCellDef="let row">{{ row.intent }}</td>
        </ng-container>
        <ng-container matColumnDef="stage">
          <th mat-header-cell *matHeaderCellDef scope="col">Stage</th>
          <td mat-cell *matCellDef="let row">{{ row.stage }}</td>
        </ng-container>
        <ng-container matColumnDef="owner">
          <th mat-header-cell *matHeaderCellDef scope="col">Owner</th>
          <td mat-cell *matCellDef="let row">{{ row.owner }}</td>
        </ng-container>
        <ng-container matColumnDef="version">
          <th mat-header-cell *matHeaderCellDef scope="col">Version</th>
          <td mat-cell *matCellDef="let row">{{ row.version }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">
            @if (noLeadsYet()) {
              <accord-no-leads-yet [canImport]="canImport()" [canUseApiKeys]="canUseApiKeys()" />
            } @else {
              {{ emptyText() }}
            }
          </td>
        </tr>
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
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .filters mat-form-field {
      width: 180px;
    }
    .filters .wide {
      /* Room for "Any temperature" beside the select's arrow; five filters still fit a row on a laptop. */
      width: 204px;
    }
    /* On a phone, two filters a row and the search across it: six stacked would fill the screen before a lead. */
    @media (max-width: 600px) {
      .filters mat-form-field,
      .filters .wide {
        width: calc(50% - 6px);
      }
      .filters .search {
        width: 100%;
      }
    }
    .count {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 8px;
    }
    .table-scroll {
      overflow-x: auto;
    }
    .leads {
      min-width: 900px;
    }
    .sub {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .empty {
      padding: 16px;
    }
    .more {
      display: flex;
      justify-content: center;
      margin: 16px 0;
    }
  `,
})
export class LeadsPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly store = inject(LeadsStore);
  protected readonly owners = inject(LeadOwnersStore);
  protected readonly scoring = inject(ScoringStatusStore);
  private readonly auth = inject(AuthStore);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Marketing (and admins) read why sales rejected their leads. */
  protected readonly readsFeedback = computed(() => hasAnyRole(this.auth.roles(), ['ADMIN', 'MARKETING']));

  protected readonly columns = ['name', 'company', 'fit', 'intent', 'stage', 'owner', 'version'];
  protected readonly grades = GRADES;
  protected readonly temperatures = TEMPERATURES;
  protected readonly stages = LIFECYCLE_STAGES;
  protected readonly sorts = LEAD_SORTS;
  protected readonly sortLabels = SORT_LABELS;
  protected readonly noOwner = NO_OWNER;
  protected readonly stageLabels = STAGE_LABELS;
  protected readonly temperatureLabels = TEMPERATURE_LABELS;
  protected readonly query = this.store.query;
  protected readonly emptyText = computed(() =>
    emptyListText(
      { loading: this.store.loading(), failed: this.store.loadError() !== null },
      { empty: 'No leads match these filters.', failed: 'The leads could not be loaded.' },
    ),
  );
  /** Nothing listed and nothing filtered out: the workspace has no leads, so say how to get some. */
  protected readonly noLeadsYet = computed(
    () =>
      !this.store.loading() &&
      this.store.loadError() === null &&
      this.store.rows().length === 0 &&
      toLeadsFilter(this.query()) === null,
  );
  protected readonly canImport = computed(() => canUse(this.auth.roles(), 'IMPORTS'));
  protected readonly canUseApiKeys = computed(() => canUse(this.auth.roles(), 'API_KEYS'));
  protected readonly countText = computed(() => {
    if (this.store.rows().length === 0 && (this.store.loading() || this.store.loadError())) return '';
    const total = this.store.totalCount();
    const count = (value: number) => value.toLocaleString('en-US');
    return `Showing ${count(this.store.rows().length)} of ${count(total)} ${total === 1 ? 'lead' : 'leads'}`;
  });

  constructor() {
    // The URL is the list's state: every filter change navigates, and every navigation loads.
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const values = Object.fromEntries(params.keys.map((key) => [key, params.get(key) ?? undefined]));
      void this.store.load(leadQueryFromParams(values));
    });
    // A finished rescore changed the scores on screen.
    effect(() => {
      if (this.scoring.finishedRuns() > 0) untracked(() => void this.store.load(this.store.query()));
    });
    // A search typed just before leaving the page is not run after it.
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  ngOnInit(): void {
    void this.owners.load();
    void this.scoring.watch();
  }

  protected change(patch: Partial<LeadListQuery>, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: leadQueryParams({ ...this.query(), ...patch }),
      replaceUrl,
    });
  }

  /**
   * Searches as the member types, once they pause: one request per pause, not per key, and one history entry for
   * the whole word (each pause replaces the last). Enter or leaving the field searches at once.
   */
  protected typed(event: Event): void {
    clearTimeout(this.searchTimer);
    const search = this.text(event) || null;
    this.searchTimer = setTimeout(() => {
      if (search !== (this.query().search ?? null)) this.change({ search }, true);
    }, SEARCH_PAUSE_MS);
  }

  protected searchNow(event: Event): void {
    clearTimeout(this.searchTimer);
    const search = this.text(event) || null;
    if (search !== (this.query().search ?? null)) this.change({ search });
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value.trim();
  }

  protected pick<T extends string>(event: Event, values: readonly T[]): T | null {
    const value = this.text(event);
    return (values as readonly string[]).includes(value) ? (value as T) : null;
  }

  protected async newLead(): Promise<void> {
    const id = await firstValueFrom(
      this.dialog
        .open<NewLeadDialog, unknown, string>(NewLeadDialog, dialogConfig(760, { injector: this.injector }))
        .afterClosed(),
    );
    if (id) await this.router.navigate([id], { relativeTo: this.route });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';

import { ApiKeyRow, ApiKeysStore } from '@accord/web/api-keys/data-access';
import {
  type Confirm,
  ConfirmDialog,
  ConfirmDialogData,
  FormAlertComponent,
  PageHeaderComponent,
  dialogConfig,
  emptyListText,
  mayLeave,
} from '@accord/web/shared/ui';

import { ApiKeyUsageComponent } from './api-key-usage.component';
import { CreateApiKeyDialog } from './create-api-key.dialog';

/** The admin's API keys, with which machines send leads and signals: create, and revoke. */
@Component({
  selector: 'accord-api-keys-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ApiKeysStore],
  imports: [
    MatButton,
    MatProgressBar,
    MatTableModule,
    ApiKeyUsageComponent,
    FormAlertComponent,
    PageHeaderComponent,
  ],
  template: `
    <accord-page-header heading="API keys">
      <button mat-flat-button type="button" (click)="create()">New API key</button>
    </accord-page-header>
    <p class="intro">
      Machines — your website's forms, your marketing automation — send leads to
      <code>POST /api/v1/leads</code>
      (created or updated by e-mail, and scored at once) and signals (page visits, form fills, e-mails, calls)
      to
      <code>POST /api/v1/signals</code> with one of these keys. A signal names its lead by e-mail or company
      domain; one for a person Accord does not know yet is answered as unmatched, not stored: send the lead
      first. A key you allow to import also uploads CSV files to <code>/api/v1/imports/…</code>, as you (with
      the roles you hold then): a script's nightly CRM export. A key's secret is shown once, when it is
      created.
    </p>
    <accord-form-alert [message]="error()" />
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading API keys" />
    }
    <div class="table-scroll">
      <table mat-table [dataSource]="store.rows()" class="keys">
        <caption class="visually-hidden">
          API keys of the workspace
        </caption>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
          <td mat-cell *matCellDef="let row">{{ row.name }}</td>
        </ng-container>
        <ng-container matColumnDef="prefix">
          <th mat-header-cell *matHeaderCellDef scope="col">Key starts with</th>
          <td mat-cell *matCellDef="let row">
            <code>{{ row.prefix }}</code>
          </td>
        </ng-container>
        <ng-container matColumnDef="allows">
          <th mat-header-cell *matHeaderCellDef scope="col">Sends</th>
          <td mat-cell *matCellDef="let row">{{ row.allows }}</td>
        </ng-container>
        <ng-container matColumnDef="created">
          <th mat-header-cell *matHeaderCellDef scope="col">Created</th>
          <td mat-cell *matCellDef="let row">{{ row.created }}</td>
        </ng-container>
        <ng-container matColumnDef="lastUsed">
          <th mat-header-cell *matHeaderCellDef scope="col">Last used</th>
          <td mat-cell *matCellDef="let row">{{ row.lastUsed }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let row">{{ row.status }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let row" class="actions">
            @if (row.active) {
              <button mat-button type="button" [attr.aria-label]="'Revoke ' + row.name" (click)="revoke(row)">
                Revoke
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">
            {{ emptyText() }}
          </td>
        </tr>
      </table>
    </div>
    <section class="usage" aria-labelledby="api-key-usage-heading">
      <h2 id="api-key-usage-heading">How to use a key</h2>
      <accord-api-key-usage [imports]="true" />
    </section>
  `,
  styles: `
    accord-page-header {
      margin-bottom: 8px;
    }
    .intro {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 16px;
    }
    .table-scroll {
      overflow-x: auto;
    }
    .keys {
      min-width: 720px;
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
    .empty {
      padding: 16px;
    }
    .usage {
      margin-top: 32px;
    }
    .usage h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
  `,
})
export class ApiKeysPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  protected readonly store = inject(ApiKeysStore);

  protected readonly columns = ['name', 'prefix', 'allows', 'created', 'lastUsed', 'status', 'actions'];
  protected readonly actionError = signal<string | null>(null);
  /** The new key's dialog while it is open. */
  private newKey: MatDialogRef<CreateApiKeyDialog> | null = null;
  protected readonly error = computed(() => this.actionError() ?? this.store.loadError()?.message ?? null);
  protected readonly emptyText = computed(() =>
    emptyListText(
      { loading: this.store.loading(), failed: this.store.loadError() !== null },
      { empty: 'No API keys yet.', failed: 'The API keys could not be loaded.' },
    ),
  );

  ngOnInit(): void {
    void this.store.load();
  }

  protected create(): void {
    this.actionError.set(null);
    // The new key is shown once: only its own buttons may close it, not Escape or a stray click beside it, nor the
    // browser's Back on its own (which would close it before the page is asked; canLeave asks instead).
    const opened = this.dialog.open(
      CreateApiKeyDialog,
      dialogConfig(560, { injector: this.injector, disableClose: true, closeOnNavigation: false }),
    );
    this.newKey = opened;
    opened.afterClosed().subscribe(() => {
      this.newKey = null;
      // Read again: a key tried out while its secret was on screen shows when it was last used.
      void this.store.load();
    });
  }

  /**
   * Asked by the route before the page goes: while a new key's secret is on screen, the member confirms leaving it
   * unstored. The dialog goes with the page.
   */
  canLeave(confirm?: Confirm): boolean {
    const secretShown = this.newKey?.componentInstance.holdsSecret() ?? false;
    if (!mayLeave(secretShown, "The new key's secret is shown only once. Leave without storing it?", confirm))
      return false;
    this.newKey?.close();
    return true;
  }

  protected async revoke(row: ApiKeyRow): Promise<void> {
    this.actionError.set(null);
    const data: ConfirmDialogData = {
      title: `Revoke ${row.name}?`,
      message:
        'Requests sending this key fail at once. This cannot be undone: a new key has to be created instead.',
      confirm: 'Revoke',
    };
    const confirmed: unknown = await firstValueFrom(
      this.dialog.open(ConfirmDialog, dialogConfig(560, { data })).afterClosed(),
    );
    if (confirmed !== true) return;
    const result = await this.store.revoke(row.id);
    if (!result.ok) this.actionError.set(result.error.message);
  }
}

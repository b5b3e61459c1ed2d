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
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';

import type { WebhookDeliveryStatus } from '@accord/web/shared/data-access';
import {
  ConfirmDialog,
  ConfirmDialogData,
  FormAlertComponent,
  PageHeaderComponent,
  dialogConfig,
  emptyListText,
} from '@accord/web/shared/ui';
import { WebhookDeliveryRow, WebhookEndpointRow, WebhooksStore } from '@accord/web/webhooks/data-access';

import { CreateWebhookDialog } from './create-webhook.dialog';
import { RotatedSecretData, RotatedSecretDialog } from './rotated-secret.dialog';

const DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];

function isDeliveryStatus(value: string): value is WebhookDeliveryStatus {
  return (DELIVERY_STATUSES as readonly string[]).includes(value);
}

/** The admin's webhook endpoints (create, deactivate, delete) and the recent deliveries to them (redeliver). */
@Component({
  selector: 'accord-webhooks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [WebhooksStore],
  imports: [
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatProgressBar,
    MatTableModule,
    FormAlertComponent,
    PageHeaderComponent,
  ],
  template: `
    <accord-page-header heading="Webhooks">
      <button mat-flat-button type="button" (click)="create()">New endpoint</button>
    </accord-page-header>
    <p class="intro">
      Accord POSTs handover, opportunity and agreement events to these URLs, signed with each endpoint's
      secret, and retries failed deliveries for about a day.
    </p>
    <accord-form-alert [message]="error()" />
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading webhooks" />
    }
    <h2>Endpoints</h2>
    <div class="table-scroll">
      <table mat-table [dataSource]="store.endpointRows()" class="wide-table">
        <caption class="visually-hidden">
          Webhook endpoints of the workspace
        </caption>
        <ng-container matColumnDef="url">
          <th mat-header-cell *matHeaderCellDef scope="col">URL</th>
          <td mat-cell *matCellDef="let row">
            <code>{{ row.url }}</code>
            @if (row.description) {
              <div class="muted">{{ row.description }}</div>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="events">
          <th mat-header-cell *matHeaderCellDef scope="col">Events</th>
          <td mat-cell *matCellDef="let row">{{ row.events }}</td>
        </ng-container>
        <ng-container matColumnDef="secret">
          <th mat-header-cell *matHeaderCellDef scope="col">Secret starts with</th>
          <td mat-cell *matCellDef="let row">
            <code>{{ row.secret }}</code>
          </td>
        </ng-container>
        <ng-container matColumnDef="created">
          <th mat-header-cell *matHeaderCellDef scope="col">Created</th>
          <td mat-cell *matCellDef="let row">{{ row.created }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let row">{{ row.status }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let row" class="actions">
            @if (row.active) {
              <button
                mat-button
                type="button"
                [attr.aria-label]="'Deactivate ' + row.url"
                (click)="deactivate(row)"
              >
                Deactivate
              </button>
            } @else {
              <button
                mat-button
                type="button"
                [attr.aria-label]="'Activate ' + row.url"
                (click)="activate(row)"
              >
                Activate
              </button>
            }
            <button
              mat-button
              type="button"
              [attr.aria-label]="'Rotate secret of ' + row.url"
              (click)="rotate(row)"
            >
              Rotate secret
            </button>
            <button mat-button type="button" [attr.aria-label]="'Delete ' + row.url" (click)="remove(row)">
              Delete
            </button>
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="endpointColumns"></tr>
        <tr mat-row *matRowDef="let row; columns: endpointColumns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="endpointColumns.length">
            {{ endpointsEmptyText() }}
          </td>
        </tr>
      </table>
    </div>
    <h2>Recent deliveries</h2>
    <mat-button-toggle-group
      class="filter"
      aria-label="Which deliveries"
      hideSingleSelectionIndicator
      [value]="store.statusFilter() ?? 'ALL'"
      (change)="showStatus($event.value)"
    >
      <mat-button-toggle value="ALL">All</mat-button-toggle>
      <mat-button-toggle value="FAILED">Failed</mat-button-toggle>
      <mat-button-toggle value="PENDING">Waiting</mat-button-toggle>
      <mat-button-toggle value="DELIVERED">Delivered</mat-button-toggle>
    </mat-button-toggle-group>
    <div class="table-scroll">
      <table mat-table [dataSource]="store.deliveryRows()" class="wide-table">
        <caption class="visually-hidden">
          Recent webhook deliveries, newest first
        </caption>
        <ng-container matColumnDef="created">
          <th mat-header-cell *matHeaderCellDef scope="col">Created</th>
          <td mat-cell *matCellDef="let row">{{ row.created }}</td>
        </ng-container>
        <ng-container matColumnDef="event">
          <th mat-header-cell *matHeaderCellDef scope="col">Event</th>
          <td mat-cell *matCellDef="let row">{{ row.event }}</td>
        </ng-container>
        <ng-container matColumnDef="endpoint">
          <th mat-header-cell *matHeaderCellDef scope="col">Endpoint</th>
          <td mat-cell *matCellDef="let row">
            <code>{{ row.endpointUrl }}</code>
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let row">{{ row.status }}</td>
        </ng-container>
        <ng-container matColumnDef="attempts">
          <th mat-header-cell *matHeaderCellDef scope="col">Attempts</th>
          <td mat-cell *matCellDef="let row">{{ row.attempts }}</td>
        </ng-container>
        <ng-container matColumnDef="lastAnswer">
          <th mat-header-cell *matHeaderCellDef scope="col">Last answer</th>
          <td mat-cell *matCellDef="let row" class="answer">{{ row.lastAnswer }}</td>
        </ng-container>
        <ng-container matColumnDef="next">
          <th mat-header-cell *matHeaderCellDef scope="col">Next attempt</th>
          <td mat-cell *matCellDef="let row">{{ row.next }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let row" class="actions">
            @if (row.canRedeliver) {
              <button
                mat-button
                type="button"
                [attr.aria-label]="'Redeliver ' + row.event + ' of ' + row.created"
                [disabled]="redelivering() === row.id"
                (click)="redeliver(row)"
              >
                Redeliver
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="deliveryColumns"></tr>
        <tr mat-row *matRowDef="let row; columns: deliveryColumns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="deliveryColumns.length">
            {{ deliveriesEmptyText() }}
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
    accord-page-header {
      margin-bottom: 8px;
    }
    .intro,
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .intro {
      margin: 0 0 16px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 8px;
    }
    .table-scroll {
      overflow-x: auto;
    }
    .filter {
      margin-bottom: 8px;
    }
    .more {
      display: flex;
      justify-content: center;
      margin-top: 12px;
    }
    .wide-table {
      min-width: 880px;
    }
    .answer {
      max-width: 280px;
      overflow-wrap: anywhere;
    }
    .actions {
      white-space: nowrap;
      text-align: right;
    }
    .empty {
      padding: 16px;
    }
  `,
})
export class WebhooksPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  protected readonly store = inject(WebhooksStore);

  protected readonly endpointColumns = ['url', 'events', 'secret', 'created', 'status', 'actions'];
  protected readonly deliveryColumns = [
    'created',
    'event',
    'endpoint',
    'status',
    'attempts',
    'lastAnswer',
    'next',
    'actions',
  ];
  protected readonly actionError = signal<string | null>(null);
  protected readonly redelivering = signal<string | null>(null);
  protected readonly error = computed(() => this.actionError() ?? this.store.loadError()?.message ?? null);
  protected readonly endpointsEmptyText = computed(() =>
    emptyListText(
      { loading: this.store.loading(), failed: this.store.endpointsFailed() },
      { empty: 'No webhook endpoints yet.', failed: 'The webhook endpoints could not be loaded.' },
    ),
  );
  protected readonly deliveriesEmptyText = computed(() =>
    emptyListText(
      { loading: this.store.loading(), failed: this.store.deliveriesFailed() },
      {
        empty: this.store.statusFilter() ? 'No deliveries with this status.' : 'Nothing delivered yet.',
        failed: 'The deliveries could not be loaded.',
      },
    ),
  );

  ngOnInit(): void {
    void this.store.load();
  }

  protected create(): void {
    this.actionError.set(null);
    // The signing secret is shown once: only the dialog's own buttons may close it, not Escape or a stray click.
    this.dialog.open(CreateWebhookDialog, dialogConfig(600, { injector: this.injector, disableClose: true }));
  }

  protected async deactivate(row: WebhookEndpointRow): Promise<void> {
    const confirmed = await this.confirm({
      title: `Deactivate ${row.url}?`,
      message:
        'It receives nothing while inactive, and its waiting deliveries fail. You can activate it again and redeliver them.',
      confirm: 'Deactivate',
    });
    if (confirmed) await this.act(() => this.store.setActive(row.id, false));
  }

  protected async activate(row: WebhookEndpointRow): Promise<void> {
    await this.act(() => this.store.setActive(row.id, true));
  }

  protected async rotate(row: WebhookEndpointRow): Promise<void> {
    const confirmed = await this.confirm({
      title: `Rotate the secret of ${row.url}?`,
      message:
        'A new secret signs every delivery from now on and the current one stops verifying: update your receiver right away. Deliveries it refuses meanwhile are retried.',
      confirm: 'Rotate',
    });
    if (!confirmed) return;
    const result = await this.store.rotateSecret(row.id);
    if (!result.ok) {
      this.actionError.set(result.error.message);
      return;
    }
    const data: RotatedSecretData = { url: result.value.endpoint.url, secret: result.value.secret };
    this.dialog.open(RotatedSecretDialog, dialogConfig(600, { data, disableClose: true }));
  }

  protected async remove(row: WebhookEndpointRow): Promise<void> {
    const confirmed = await this.confirm({
      title: `Delete ${row.url}?`,
      message: 'Its deliveries and their history are deleted with it. This cannot be undone.',
      confirm: 'Delete',
    });
    if (confirmed) await this.act(() => this.store.remove(row.id));
  }

  protected async showStatus(value: string): Promise<void> {
    this.actionError.set(null);
    await this.store.showStatus(isDeliveryStatus(value) ? value : null);
  }

  protected async redeliver(row: WebhookDeliveryRow): Promise<void> {
    this.redelivering.set(row.id);
    try {
      await this.act(() => this.store.redeliver(row.id));
    } finally {
      this.redelivering.set(null);
    }
  }

  private async confirm(data: ConfirmDialogData): Promise<boolean> {
    this.actionError.set(null);
    const confirmed: unknown = await firstValueFrom(
      this.dialog.open(ConfirmDialog, dialogConfig(600, { data })).afterClosed(),
    );
    return confirmed === true;
  }

  private async act(
    call: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>,
  ): Promise<void> {
    this.actionError.set(null);
    const result = await call();
    if (!result.ok) this.actionError.set(result.error.message);
  }
}

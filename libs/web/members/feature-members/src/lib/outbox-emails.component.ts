import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';

import { OutboxEmailsStore } from '@accord/web/members/data-access';
import { injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import { FormAlertComponent, emptyListText } from '@accord/web/shared/ui';

/**
 * The e-mail Accord sent on its own — proposals to sign, expired handovers to the sales managers — with whether
 * each went, so that an admin sees a refused address or a mail server that is down without reading the logs.
 */
@Component({
  selector: 'accord-outbox-emails',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [OutboxEmailsStore],
  imports: [MatButton, MatProgressBar, MatTableModule, FormAlertComponent],
  template: `
    <section aria-labelledby="outbox-emails-heading">
      <div class="heading">
        <h2 id="outbox-emails-heading">E-mail from Accord</h2>
        <button mat-button type="button" (click)="store.load()" [disabled]="store.loading()">Refresh</button>
      </div>
      <p class="lead-in">
        The latest e-mails Accord sent on its own: proposals to sign, and expired handovers to the sales
        managers. Times in {{ timeZone() }}. Invitations and password reset links are not listed: they go at
        once.
      </p>
      <accord-form-alert [message]="store.loadError()?.message ?? null" />
      @if (store.loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading e-mails" />
      }
      <div class="table-scroll">
        <table mat-table [dataSource]="store.rows()" class="emails">
          <caption class="visually-hidden">
            E-mail from Accord
          </caption>
          <ng-container matColumnDef="when">
            <th mat-header-cell *matHeaderCellDef scope="col">Queued</th>
            <td mat-cell *matCellDef="let row">{{ row.when }}</td>
          </ng-container>
          <ng-container matColumnDef="to">
            <th mat-header-cell *matHeaderCellDef scope="col">To</th>
            <td mat-cell *matCellDef="let row">{{ row.to }}</td>
          </ng-container>
          <ng-container matColumnDef="about">
            <th mat-header-cell *matHeaderCellDef scope="col">About</th>
            <td mat-cell *matCellDef="let row">
              <span class="about">{{ row.about }}</span>
              <span class="subject">{{ row.subject }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
            <td mat-cell *matCellDef="let row" [class.problem]="row.problem">{{ row.status }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
          <tr class="mat-mdc-row" *matNoDataRow>
            <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">{{ emptyText() }}</td>
          </tr>
        </table>
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 32px;
    }
    .heading {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0;
    }
    .lead-in {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 8px;
    }
    .table-scroll {
      overflow-x: auto;
    }
    .emails {
      width: 100%;
      min-width: 640px;
    }
    .about {
      display: block;
    }
    .subject {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .problem {
      color: var(--mat-sys-error);
    }
    .empty {
      padding: 16px;
    }
  `,
})
export class OutboxEmailsComponent implements OnInit {
  protected readonly store = inject(OutboxEmailsStore);
  protected readonly timeZone = injectWorkspaceTimeZone();
  protected readonly columns = ['when', 'to', 'about', 'status'];
  protected readonly emptyText = computed(() =>
    emptyListText(
      { loading: this.store.loading(), failed: this.store.loadError() !== null },
      { empty: 'No e-mail yet.', failed: 'The e-mails could not be loaded.' },
    ),
  );

  ngOnInit(): void {
    void this.store.load();
  }
}

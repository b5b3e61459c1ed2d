import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnInit,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';

import {
  MemberRow,
  MembersStore,
  deactivationMessage,
  reactivationMessage,
} from '@accord/web/members/data-access';
import { AuthStore, EmailVerificationStore } from '@accord/web/shared/data-access';
import {
  type Confirm,
  ConfirmDialog,
  ConfirmDialogData,
  FormAlertComponent,
  PageHeaderComponent,
  askBeforeUnload,
  dialogConfig,
  emptyListText,
  mayLeave,
} from '@accord/web/shared/ui';

import { EditMemberDialog } from './edit-member.dialog';
import { GettingStartedComponent } from './getting-started.component';
import { InviteMemberDialog } from './invite-member.dialog';
import { OutboxEmailsComponent } from './outbox-emails.component';
import { PasswordResetLinkDialog } from './password-reset-link.dialog';
import { WorkspaceSettingsComponent } from './workspace-settings.component';

/**
 * The admin's page for the workspace: its settings (name, time zone, reporting currency), its members — invite (and
 * invite again), change roles and approver, give a password reset link, deactivate — and the e-mail Accord sent on
 * its own.
 */
@Component({
  selector: 'accord-members-page',
  // An invited member who joined in another window is a member now: the list is read again when the tab comes back.
  // Reloading or closing the tab with workspace settings typed but not saved asks first, as leaving the page does.
  host: { '(window:focus)': 'refreshOnReturn()', '(window:beforeunload)': 'warnBeforeUnload($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [MembersStore],
  imports: [
    MatButton,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatProgressBar,
    MatTableModule,
    FormAlertComponent,
    GettingStartedComponent,
    OutboxEmailsComponent,
    PageHeaderComponent,
    WorkspaceSettingsComponent,
  ],
  template: `
    <accord-page-header heading="Members">
      <button mat-flat-button type="button" [disabled]="mustConfirm()" (click)="invite()">
        Invite member
      </button>
    </accord-page-header>
    @if (mustConfirm()) {
      <p class="confirm-first" role="note">
        Confirm your e-mail address to invite members: open the link e-mailed to you, or send a new one from
        the banner above.
      </p>
    }
    <accord-getting-started />
    <accord-workspace-settings />
    <accord-form-alert [message]="error()" />
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading members" />
    }
    <div class="table-scroll">
      <table mat-table [dataSource]="store.rows()" class="members">
        <caption class="visually-hidden">
          Members of the workspace
        </caption>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
          <td mat-cell *matCellDef="let row">{{ row.name }}</td>
        </ng-container>
        <ng-container matColumnDef="email">
          <th mat-header-cell *matHeaderCellDef scope="col">E-mail</th>
          <td mat-cell *matCellDef="let row">{{ row.email }}</td>
        </ng-container>
        <ng-container matColumnDef="roles">
          <th mat-header-cell *matHeaderCellDef scope="col">Roles</th>
          <td mat-cell *matCellDef="let row">{{ row.roles }}</td>
        </ng-container>
        <ng-container matColumnDef="team">
          <th mat-header-cell *matHeaderCellDef scope="col">Team</th>
          <td mat-cell *matCellDef="let row">{{ row.team }}</td>
        </ng-container>
        <ng-container matColumnDef="manager">
          <th mat-header-cell *matHeaderCellDef scope="col">Manager</th>
          <td mat-cell *matCellDef="let row">{{ row.manager }}</td>
        </ng-container>
        <ng-container matColumnDef="approver">
          <th mat-header-cell *matHeaderCellDef scope="col">Approver</th>
          <td mat-cell *matCellDef="let row">{{ row.approver }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let row">{{ row.status }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">Actions</span></th>
          <td mat-cell *matCellDef="let row" class="actions">
            <div class="action-row">
              @if (row.active) {
                <button mat-button type="button" [attr.aria-label]="'Edit ' + row.name" (click)="edit(row)">
                  Edit
                </button>
                @if (row.id !== selfId()) {
                  <button
                    mat-button
                    type="button"
                    [matMenuTriggerFor]="moreActions"
                    [matMenuTriggerData]="{ row }"
                    [attr.aria-label]="'More actions for ' + row.name"
                  >
                    More
                  </button>
                }
              } @else {
                <button
                  mat-button
                  type="button"
                  [attr.aria-label]="'Reactivate ' + row.name"
                  (click)="reactivate(row)"
                >
                  Reactivate
                </button>
              }
            </div>
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
    <!-- One menu for every row: its actions stay on one line beside Edit however wide the names and addresses. -->
    <mat-menu #moreActions="matMenu" xPosition="before">
      <ng-template matMenuContent let-row="row">
        <!-- An invited member has no password yet: what they may need is their invitation again. -->
        @if (row.invited) {
          <button mat-menu-item type="button" (click)="inviteAgain(row)">Invite again</button>
        } @else {
          <button mat-menu-item type="button" (click)="resetPasswordLink(row)">Reset password</button>
        }
        <button mat-menu-item type="button" (click)="deactivate(row)">Deactivate</button>
      </ng-template>
    </mat-menu>
    <accord-outbox-emails />
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
    }
    .members {
      width: 100%;
      min-width: 720px;
    }
    /* Eight columns: tighter cells keep names on one line and the actions in view on a laptop. */
    .members .mat-mdc-header-cell,
    .members .mat-mdc-cell {
      padding: 0 8px;
    }
    .mat-column-name,
    .mat-column-team,
    .mat-column-manager {
      white-space: nowrap;
    }
    /* An address breaks where it must rather than widen the table past the window: the column gets what the others
       leave, and a long address wraps within it. */
    .mat-column-email {
      overflow-wrap: anywhere;
      min-width: 12em;
    }
    /* Edit and More, side by side: the rarer actions are in the More menu, so a long name or address never pushes
       them onto a second line or out of a 1280 px window. */
    .action-row {
      display: flex;
      gap: 4px;
      justify-content: flex-end;
      white-space: nowrap;
      --mat-button-text-horizontal-padding: 8px;
    }
    .empty {
      padding: 16px;
    }
    .confirm-first {
      font: var(--mat-sys-body-medium);
      margin: 0 0 16px;
    }
  `,
})
export class MembersPage implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(MembersStore);
  /** The frame's confirmation status (absent outside it): while mail goes out, an unconfirmed admin cannot invite. */
  private readonly confirmation = inject(EmailVerificationStore, { optional: true });
  protected readonly mustConfirm = computed(() => (this.confirmation?.pendingEmail() ?? null) !== null);
  protected readonly selfId = computed(() => this.auth.member()?.id);
  private readonly settings = viewChild(WorkspaceSettingsComponent);

  protected readonly columns = ['name', 'email', 'roles', 'team', 'manager', 'approver', 'status', 'actions'];
  protected readonly actionError = signal<string | null>(null);
  /** While the open handovers of a member to deactivate are counted: a second click opens no second dialog. */
  private countingHandovers = false;
  protected readonly error = computed(() => this.actionError() ?? this.store.loadError()?.message ?? null);
  protected readonly emptyText = computed(() =>
    emptyListText(
      { loading: this.store.loading(), failed: this.store.loadError() !== null },
      { empty: 'No members yet.', failed: 'The members could not be loaded.' },
    ),
  );

  ngOnInit(): void {
    void this.store.load();
  }

  /** Asked by the route before it leaves the page: typed workspace settings are kept or dropped. */
  canLeave(confirm?: Confirm): boolean {
    return mayLeave(
      !!this.settings()?.hasUnsavedChanges(),
      'You have unsaved workspace settings. Leave and lose them?',
      confirm,
    );
  }

  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    askBeforeUnload(event, !!this.settings()?.hasUnsavedChanges());
  }

  protected refreshOnReturn(): void {
    void this.store.refresh();
  }

  protected invite(): void {
    this.actionError.set(null);
    // The invite link is shown once: only the dialog's own buttons may close it, not Escape or a stray click.
    this.dialog.open(InviteMemberDialog, dialogConfig(560, { injector: this.injector, disableClose: true }));
  }

  protected edit(row: MemberRow): void {
    const member = this.store.member(row.id);
    if (member === undefined) return;
    this.actionError.set(null);
    this.dialog.open(EditMemberDialog, dialogConfig(560, { injector: this.injector, data: member }));
  }

  protected inviteAgain(row: MemberRow): void {
    const member = this.store.member(row.id);
    if (member === undefined) return;
    this.actionError.set(null);
    // As for a first invitation, the new link is shown once: only the dialog's own buttons may close it.
    this.dialog.open(
      InviteMemberDialog,
      dialogConfig(560, { injector: this.injector, data: member, disableClose: true }),
    );
  }

  protected resetPasswordLink(row: MemberRow): void {
    this.actionError.set(null);
    // Like the invite link, a reset link is shown once: only the dialog's own buttons may close it.
    this.dialog.open(
      PasswordResetLinkDialog,
      dialogConfig(560, { injector: this.injector, data: row, disableClose: true }),
    );
  }

  protected async deactivate(row: MemberRow): Promise<void> {
    if (this.countingHandovers) return;
    this.actionError.set(null);
    // Counted fresh, in one small query; if it fails the dialog says what happens in general words.
    this.countingHandovers = true;
    const open = await this.store.openHandovers(row.id);
    this.countingHandovers = false;
    const data: ConfirmDialogData = {
      title: `Deactivate ${row.name}?`,
      message: deactivationMessage(row.name, open.ok ? open.value : null, { invited: row.invited }),
      confirm: 'Deactivate',
    };
    const confirmed: unknown = await firstValueFrom(
      this.dialog.open(ConfirmDialog, dialogConfig(560, { data })).afterClosed(),
    );
    if (confirmed !== true) return;
    const result = await this.store.deactivate(row.id);
    if (!result.ok) this.actionError.set(result.error.message);
  }

  protected async reactivate(row: MemberRow): Promise<void> {
    this.actionError.set(null);
    const data: ConfirmDialogData = {
      title: `Reactivate ${row.name}?`,
      message: reactivationMessage(row.name, row.roles),
      confirm: 'Reactivate',
      safe: true,
    };
    const confirmed: unknown = await firstValueFrom(
      this.dialog.open(ConfirmDialog, dialogConfig(560, { data })).afterClosed(),
    );
    if (confirmed !== true) return;
    const result = await this.store.reactivate(row.id);
    if (!result.ok) this.actionError.set(result.error.message);
  }
}

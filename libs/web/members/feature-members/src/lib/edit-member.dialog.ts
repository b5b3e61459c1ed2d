import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { firstValueFrom } from 'rxjs';

import { MAX_MONTHLY_QUOTA, Role, canUse } from '@accord/domain/workspace';
import { MembersStore, leavingSalesMessage } from '@accord/web/members/data-access';
import { parseAmount } from '@accord/web/pipeline/data-access';
import { type MemberFieldsFragment, PendingCall } from '@accord/web/shared/data-access';
import {
  ConfirmDialog,
  type ConfirmDialogData,
  FormAlertComponent,
  dialogConfig,
} from '@accord/web/shared/ui';

import { RoleCheckboxesComponent } from './role-checkboxes.component';

/** Changes a member's roles, approver flag, team, manager and monthly quota. */
@Component({
  selector: 'accord-edit-member-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatSlideToggle,
    FormAlertComponent,
    RoleCheckboxesComponent,
  ],
  template: `
    <h2 mat-dialog-title>Edit {{ member.name }}</h2>
    <form (submit)="$event.preventDefault(); save()" novalidate>
      <mat-dialog-content>
        <p class="email">{{ member.email }}</p>
        <accord-role-checkboxes [(value)]="roles" />
        <mat-slide-toggle [checked]="approver()" (change)="approver.set($event.checked)">
          Approver (signs the agreement for their side)
        </mat-slide-toggle>
        <label class="field">
          Team or region
          <input maxlength="100" [value]="team()" (input)="team.set(text($event))" />
        </label>
        <label class="field">
          Manager
          <select (change)="managerId.set(text($event))">
            <option value="" [selected]="managerId() === ''">— nobody —</option>
            @for (person of managers(); track person.id) {
              <option [value]="person.id" [selected]="managerId() === person.id">
                {{ person.name }} ({{ person.email }})
              </option>
            }
          </select>
        </label>
        <label class="field">
          Monthly quota (revenue, empty: none)
          <input
            inputmode="decimal"
            autocomplete="off"
            [attr.aria-invalid]="quotaRefused()"
            [value]="monthlyQuota()"
            (input)="monthlyQuota.set(text($event)); quotaRefused.set(false)"
          />
        </label>
        <accord-form-alert [message]="error()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Cancel</button>
        <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .email {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    mat-slide-toggle {
      display: block;
      margin: 0 0 16px;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin: 0 0 12px;
      font: var(--mat-sys-body-medium);
    }
    .field input,
    .field select {
      font: var(--mat-sys-body-large);
      padding: 6px 8px;
    }
  `,
})
export class EditMemberDialog {
  private readonly store = inject(MembersStore);
  private readonly dialog = inject<MatDialogRef<EditMemberDialog, boolean>>(MatDialogRef);
  private readonly dialogs = inject(MatDialog);

  protected readonly member = inject<MemberFieldsFragment>(MAT_DIALOG_DATA);
  protected readonly roles = signal<Role[]>([...this.member.roles]);
  protected readonly approver = signal(this.member.approver);
  protected readonly team = signal(this.member.team ?? '');
  protected readonly managerId = signal(this.member.manager?.id ?? '');
  protected readonly monthlyQuota = signal(this.member.monthlyQuota?.toString() ?? '');
  /** Anyone but the member themself; whether a choice would make a loop is the API's to say. */
  protected readonly managers = computed(() =>
    this.store.possibleManagers().filter((person) => person.id !== this.member.id),
  );
  /** Whether the quota as typed was refused; cleared by the next keystroke. */
  protected readonly quotaRefused = signal(false);
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;

  protected async save(): Promise<void> {
    // Save stays focusable while the change is on its way (disabledInteractive): Enter then does nothing.
    if (this.pending()) return;
    if (this.roles().length === 0) {
      this.error.set('Choose at least one role.');
      return;
    }
    // The opportunity forms' reading of an amount: "70,000" is 70000, "1e3" and "$70k" are refused in words.
    const quota = this.monthlyQuota().trim();
    const parsed = quota === '' ? null : parseAmount(quota, { max: MAX_MONTHLY_QUOTA });
    if (parsed !== null && !parsed.ok) {
      this.quotaRefused.set(true);
      this.error.set(`Monthly quota: ${parsed.message} Leave it empty for none.`);
      return;
    }
    const monthlyQuota = parsed === null ? null : parsed.amount;
    if (!(await this.confirmLeavingSales())) return;
    const result = await this.call.run(() =>
      this.store.update({
        memberId: this.member.id,
        roles: this.roles(),
        approver: this.approver(),
        team: this.team().trim() || null,
        managerId: this.managerId() || null,
        monthlyQuota,
      }),
    );
    if (result.ok) this.dialog.close(true);
  }

  /**
   * Saving roles without Sales or Admin sends the member's open handovers to the unassigned queue, as deactivating
   * them does: like deactivating, it is confirmed first, counted fresh. True when there is nothing to confirm.
   */
  private async confirmLeavingSales(): Promise<boolean> {
    if (!canUse(this.member.roles, 'HANDOVERS') || canUse(this.roles(), 'HANDOVERS')) return true;
    const open = await this.call.run(() => this.store.openHandovers(this.member.id));
    this.error.set(null);
    const message = leavingSalesMessage(this.member.name, open.ok ? open.value : null);
    if (message === null) return true;
    const data: ConfirmDialogData = {
      title: `Take ${this.member.name} out of sales?`,
      message,
      confirm: 'Save',
    };
    const confirmed: unknown = await firstValueFrom(
      this.dialogs.open(ConfirmDialog, dialogConfig(480, { data })).afterClosed(),
    );
    return confirmed === true;
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';

import {
  LeadFormField,
  LeadFormValue,
  LeadOwnersStore,
  LeadsStore,
  problemsByField,
  toLeadInput,
} from '@accord/web/leads/data-access';
import { PendingCall } from '@accord/web/shared/data-access';
import { FormAlertComponent } from '@accord/web/shared/ui';

import { LeadFormComponent } from '../shared/lead-form.component';

/** Creates a lead; closes with its id so the page can open it. */
@Component({
  selector: 'accord-new-lead-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    FormAlertComponent,
    LeadFormComponent,
  ],
  template: `
    <h2 mat-dialog-title>New lead</h2>
    <mat-dialog-content>
      <accord-form-alert [message]="error()" />
      <accord-lead-form
        submitLabel="Create lead"
        [owners]="owners.owners()"
        [problems]="problems()"
        [pending]="pending()"
        (submitted)="create($event)"
      >
        <button mat-button type="button" mat-dialog-close>Cancel</button>
      </accord-lead-form>
    </mat-dialog-content>
  `,
})
export class NewLeadDialog {
  private readonly store = inject(LeadsStore);
  private readonly dialog = inject<MatDialogRef<NewLeadDialog, string>>(MatDialogRef);

  protected readonly owners = inject(LeadOwnersStore);
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly problems = signal<Partial<Record<LeadFormField, string>>>({});

  protected async create(value: LeadFormValue): Promise<void> {
    const parsed = toLeadInput(value);
    if (!parsed.ok) {
      this.problems.set(problemsByField(parsed.problems));
      return;
    }
    const result = await this.call.run(() => this.store.create(parsed.input));
    if (result.ok) {
      this.dialog.close(result.value.id);
      return;
    }
    this.problems.set(problemsByField(result.error.fields));
    // Field problems are shown beside their fields; the alert says what to do about them.
    if (result.error.fields.length > 0) this.error.set('Some fields need a change: see below.');
  }
}

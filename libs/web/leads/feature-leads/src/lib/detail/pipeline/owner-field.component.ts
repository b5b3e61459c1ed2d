import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

import type { OwnerChoice } from '@accord/web/pipeline/data-access';

/**
 * Whose meeting or opportunity a manager records: the dashboard credits its owner, so a manager working a rep's
 * lead books it for the rep (the choice starts there) unless they pick someone else.
 */
@Component({
  selector: 'accord-owner-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormField, MatLabel, MatOption, MatSelect],
  template: `
    <mat-form-field appearance="outline" class="owner">
      <mat-label>Owner</mat-label>
      <mat-select [value]="value()" (selectionChange)="value.set($event.value)">
        @for (choice of choices(); track choice.id) {
          <mat-option [value]="choice.id">{{ choice.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    .owner {
      width: 220px;
    }
  `,
})
export class OwnerFieldComponent {
  readonly choices = input.required<readonly OwnerChoice[]>();
  readonly value = model<string | null>(null);
}

import { ChangeDetectionStrategy, Component, model } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';

import { ROLES, Role, normaliseRoles, roleLabel } from '@accord/domain/workspace';

/** The roles a member holds, as one checkbox per role inside a labelled group. */
@Component({
  selector: 'accord-role-checkboxes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckbox],
  template: `
    <fieldset class="roles">
      <legend>Roles</legend>
      @for (role of roles; track role) {
        <mat-checkbox [checked]="value().includes(role)" (change)="toggle(role, $event.checked)">
          {{ label(role) }}
        </mat-checkbox>
      }
    </fieldset>
  `,
  styles: `
    .roles {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0 0 12px;
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    legend {
      font: var(--mat-sys-body-medium);
      padding: 0 4px;
    }
  `,
})
export class RoleCheckboxesComponent {
  readonly value = model<Role[]>([]);
  protected readonly roles = ROLES;
  protected readonly label = roleLabel;

  protected toggle(role: Role, checked: boolean): void {
    this.value.update((roles) =>
      normaliseRoles(checked ? [...roles, role] : roles.filter((held) => held !== role)),
    );
  }
}

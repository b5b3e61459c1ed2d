import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, MatSelectChange } from '@angular/material/select';

import type { RoutableMember } from '@accord/web/agreement/data-access';

import { ValuesInputComponent } from './values-input.component';
import { personName } from './wording';

/**
 * The members a routing rule hands leads to. Admins pick from the workspace's sales members; others, who may
 * not list members, keep the ids as they are (shown by name where the page knows it) or type one in.
 */
@Component({
  selector: 'accord-member-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormField, MatLabel, MatOption, MatSelect, ValuesInputComponent],
  template: `
    <accord-values-input
      [label]="label()"
      [values]="ids()"
      [issue]="issue()"
      [display]="name"
      [hint]="candidates() === null ? 'Member ids: the members list could not be read.' : null"
      (valuesChange)="idsChange.emit($event)"
    />
    @if (choices(); as options) {
      @if (options.length) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="add">
          <mat-label>Add to {{ label().toLowerCase() }}</mat-label>
          <mat-select (selectionChange)="add($event)">
            @for (member of options; track member.id) {
              <mat-option [value]="member.id">{{ member.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
    }
  `,
  styles: `
    .add {
      margin-top: 8px;
      min-width: 240px;
    }
  `,
})
export class MemberListComponent {
  readonly label = input.required<string>();
  readonly ids = input.required<readonly string[]>();
  readonly issue = input<string | null>(null);
  readonly people = input<ReadonlyMap<string, string>>(new Map());
  /** The members an admin may choose from; null when the viewer may not list members. */
  readonly candidates = input<readonly RoutableMember[] | null>(null);
  readonly idsChange = output<string[]>();

  protected readonly choices = computed(() => {
    const candidates = this.candidates();
    return candidates && candidates.filter((member) => !this.ids().includes(member.id));
  });
  protected readonly name = (id: string): string => personName(id, this.people());

  protected add(change: MatSelectChange<string | null>): void {
    const id = change.value;
    // The select only offers; the list below shows what was chosen.
    change.source.value = null;
    if (id) this.idsChange.emit([...this.ids(), id]);
  }
}

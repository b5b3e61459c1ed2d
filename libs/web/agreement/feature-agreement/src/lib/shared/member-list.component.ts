import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect, MatSelectChange } from '@angular/material/select';

import type { RoutableMember } from '@accord/web/agreement/data-access';

import { ValuesInputComponent } from './values-input.component';
import { personName } from './wording';

/**
 * The members a routing rule hands leads to. Admins pick from the workspace's sales members — or type a name,
 * which becomes that member; others, who may not list members, keep the ids as they are (shown by name where the
 * page knows it) or type one in.
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
      [hint]="hint()"
      [inputLabel]="candidates() === null ? null : 'Type a name to add to ' + label()"
      (valuesChange)="typed($event)"
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
  /** Why the last name typed was not added, until the list changes again. */
  private readonly notFound = signal<string | null>(null);
  protected readonly hint = computed(() => {
    if (this.candidates() === null) return 'Member ids: the members list could not be read.';
    const typed = this.notFound();
    return typed === null
      ? null
      : `No sales member here is called “${typed}”: choose one under Add to ${this.label().toLowerCase()}.`;
  });

  /**
   * A value typed into the list: with the members known, a name (any case) or an id of one of them becomes that
   * member's id, and anything else is left out and said so, rather than kept as an id no one has.
   */
  protected typed(values: string[]): void {
    const candidates = this.candidates();
    this.notFound.set(null);
    if (candidates === null || values.length <= this.ids().length) {
      this.idsChange.emit(values);
      return;
    }
    const text = values[values.length - 1];
    const wanted = text.toLocaleLowerCase('en');
    const member =
      candidates.find((candidate) => candidate.id === text) ??
      candidates.find((candidate) => candidate.name.toLocaleLowerCase('en') === wanted);
    if (!member) {
      this.notFound.set(text);
      return;
    }
    if (!this.ids().includes(member.id)) this.idsChange.emit([...this.ids(), member.id]);
  }

  protected add(change: MatSelectChange<string | null>): void {
    const id = change.value;
    // The select only offers; the list below shows what was chosen.
    change.source.value = null;
    this.notFound.set(null);
    if (id) this.idsChange.emit([...this.ids(), id]);
  }
}

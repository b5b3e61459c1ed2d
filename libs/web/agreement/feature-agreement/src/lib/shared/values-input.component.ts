import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import {
  MatChipGrid,
  MatChipInput,
  MatChipInputEvent,
  MatChipRemove,
  MatChipRow,
} from '@angular/material/chips';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';

import { IssueDirective } from '@accord/web/shared/ui';

/** A list of short texts (values, keywords, countries, member ids) as chips, typed in and removed one by one. */
@Component({
  selector: 'accord-values-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatChipGrid,
    MatChipInput,
    MatChipRemove,
    MatChipRow,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    IssueDirective,
  ],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="values">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [accordIssue]="issue()" [attr.aria-label]="label()">
        @for (value of values(); track $index) {
          <mat-chip-row (removed)="remove($index)">
            {{ display()(value) }}
            <button matChipRemove type="button" [attr.aria-label]="'Remove ' + display()(value)">×</button>
          </mat-chip-row>
        }
        <input
          [matChipInputFor]="grid"
          [matChipInputSeparatorKeyCodes]="separators"
          [matChipInputAddOnBlur]="true"
          [attr.aria-label]="inputLabel() ?? 'Add to ' + label()"
          (matChipInputTokenEnd)="add($event)"
        />
      </mat-chip-grid>
      @if (hint(); as text) {
        <mat-hint>{{ text }}</mat-hint>
      }
      <mat-error>{{ issue() }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    .values {
      width: 100%;
    }
  `,
})
export class ValuesInputComponent {
  readonly label = input.required<string>();
  readonly values = input.required<readonly string[]>();
  readonly issue = input<string | null>(null);
  readonly hint = input<string | null>(null);
  /** The text box's name, "Add to <label>" unless said: a list with a picker beside it names its box apart. */
  readonly inputLabel = input<string | null>(null);
  /** How a value is shown (a member's name for their id); the value itself is what is stored. */
  readonly display = input<(value: string) => string>((value) => value);
  readonly valuesChange = output<string[]>();

  protected readonly separators = [ENTER, COMMA];

  protected add(event: MatChipInputEvent): void {
    const value = event.value.trim();
    event.chipInput.clear();
    if (value) this.valuesChange.emit([...this.values(), value]);
  }

  protected remove(index: number): void {
    this.valuesChange.emit(this.values().filter((_, position) => position !== index));
  }
}

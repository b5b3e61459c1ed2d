import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { IssueDirective } from '@accord/web/shared/ui';

import { NumberInputDirective } from '../shared/number-input.directive';
import { inputText } from './editing';

/** The element is the field's box, so a class on it (`grow`, `number`) sizes the field within its row. */
const FIELD_STYLES = `
  :host {
    display: block;
  }
  mat-form-field {
    width: 100%;
  }
`;

/**
 * A text of the agreement document as an outlined field: its label, its value, and the domain's problem with it,
 * if any (the field turns invalid and shows it). The editor holds no form controls; the document is the model.
 */
@Component({
  selector: 'accord-text-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatError, MatFormField, MatHint, MatInput, MatLabel, IssueDirective],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input matInput [value]="value()" (input)="changed.emit(text($event))" [accordIssue]="problem()" />
      @if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      <mat-error>{{ problem() }}</mat-error>
    </mat-form-field>
  `,
  styles: FIELD_STYLES,
})
export class TextFieldComponent {
  readonly label = input.required<string>();
  readonly value = input.required<string>();
  readonly problem = input<string | null>(null);
  readonly hint = input<string | null>(null);
  /** Every keystroke's text. */
  readonly changed = output<string>();

  protected readonly text = inputText;
}

/** A number of the agreement document as an outlined field, as `accord-text-field` is for a text. */
@Component({
  selector: 'accord-number-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatError, MatFormField, MatHint, MatInput, MatLabel, IssueDirective, NumberInputDirective],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="number"
        [accordNumber]="value()"
        (accordNumberChange)="changed.emit($event)"
        [accordIssue]="problem()"
      />
      @if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      <mat-error>{{ problem() }}</mat-error>
    </mat-form-field>
  `,
  styles: FIELD_STYLES,
})
export class NumberFieldComponent {
  readonly label = input.required<string>();
  /** Null: empty (an open bound, a missing value); NaN: unreadable, which the domain reports. */
  readonly value = input.required<number | null>();
  readonly problem = input<string | null>(null);
  readonly hint = input<string | null>(null);
  readonly changed = output<number | null>();
}

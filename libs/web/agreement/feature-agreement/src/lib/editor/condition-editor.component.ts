import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

import { type FitCondition, type FitField, SENIORITIES } from '@accord/domain/agreement';
import { IssueDirective } from '@accord/web/shared/ui';

import { IssueIndex } from '../shared/document-issues';
import { ValuesInputComponent } from '../shared/values-input.component';
import { fieldLabel, valueLabel } from '../shared/wording';
import { NumberFieldComponent } from './document-fields.component';

/** The condition of one fit criterion, with the inputs its field's kind takes: a range, values, keywords or yes/no. */
@Component({
  selector: 'accord-condition-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NumberFieldComponent,
    MatError,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    IssueDirective,
    ValuesInputComponent,
  ],
  template: `
    @let at = path();
    @let found = issues();
    @switch (condition().kind) {
      @case ('RANGE') {
        @let range = rangeOf(condition());
        <div class="row">
          <!-- What an empty bound means is a hint: in the label it made the label too long for its box. -->
          <accord-number-field
            [label]="name() + ' from'"
            hint="Empty: no minimum"
            [value]="range.min"
            [problem]="found.at(at + '.min')"
            (changed)="set({ kind: 'RANGE', min: $event, max: range.max })"
          />
          <accord-number-field
            [label]="name() + ' below'"
            hint="Empty: no maximum"
            [value]="range.max"
            [problem]="found.at(at + '.max')"
            (changed)="set({ kind: 'RANGE', min: range.min, max: $event })"
          />
        </div>
      }
      @case ('ANY_OF') {
        @let values = valuesOf(condition());
        @if (field() === 'seniority') {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
            <mat-label>Seniority is any of</mat-label>
            <mat-select
              multiple
              [value]="values"
              (selectionChange)="set({ kind: 'ANY_OF', values: $event.value })"
              [accordIssue]="found.forValues(at + '.values')"
            >
              @for (seniority of seniorities; track seniority) {
                <mat-option [value]="seniority">{{ label(seniority) }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ found.forValues(at + '.values') }}</mat-error>
          </mat-form-field>
        } @else {
          <accord-values-input
            [label]="name() + ' is any of'"
            [values]="values"
            [issue]="found.forValues(at + '.values')"
            [hint]="
              field() === 'country'
                ? 'Two-letter country codes, e.g. US, DE'
                : 'Press Enter or comma after each value'
            "
            (valuesChange)="set({ kind: 'ANY_OF', values: $event })"
          />
        }
      }
      @case ('CONTAINS_ANY') {
        <accord-values-input
          [label]="name() + ' contains any of'"
          [values]="keywordsOf(condition())"
          [issue]="found.forValues(at + '.keywords')"
          hint="Words or phrases, ignoring case"
          (valuesChange)="set({ kind: 'CONTAINS_ANY', keywords: $event })"
        />
      }
      @case ('IS') {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ name() }} is</mat-label>
          <mat-select
            [value]="isValue(condition())"
            (selectionChange)="set({ kind: 'IS', value: $event.value })"
          >
            <mat-option [value]="true">Yes</mat-option>
            <mat-option [value]="false">No</mat-option>
          </mat-select>
        </mat-form-field>
      }
    }
    @if (found.at(at); as problem) {
      <p class="issue">{{ problem }}</p>
    }
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
    }
    .wide {
      width: 100%;
    }
    .issue {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 4px 0 0;
    }
  `,
})
export class ConditionEditorComponent {
  readonly field = input.required<FitField>();
  readonly condition = input.required<FitCondition>();
  /** Where the condition sits in the document, e.g. `fit.criteria[2].condition`. */
  readonly path = input.required<string>();
  readonly issues = input.required<IssueIndex>();
  readonly conditionChange = output<FitCondition>();

  protected readonly seniorities = SENIORITIES;
  protected readonly label = valueLabel;

  protected name(): string {
    return fieldLabel(this.field());
  }

  protected set(condition: FitCondition): void {
    this.conditionChange.emit(condition);
  }

  // Narrowing helpers: the template's @switch does not narrow a signal's value.
  protected rangeOf(condition: FitCondition): { min: number | null; max: number | null } {
    return condition.kind === 'RANGE' ? condition : { min: null, max: null };
  }

  protected valuesOf(condition: FitCondition): string[] {
    return condition.kind === 'ANY_OF' ? condition.values : [];
  }

  protected keywordsOf(condition: FitCondition): string[] {
    return condition.kind === 'CONTAINS_ANY' ? condition.keywords : [];
  }

  protected isValue(condition: FitCondition): boolean {
    return condition.kind === 'IS' ? condition.value : true;
  }
}

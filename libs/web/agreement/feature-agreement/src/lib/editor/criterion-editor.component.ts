import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

import {
  FIT_FIELD_NAMES,
  type FitCondition,
  type FitCriterion,
  type FitField,
} from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { fieldLabel } from '../shared/wording';
import { ConditionEditorComponent } from './condition-editor.component';
import { NumberFieldComponent, TextFieldComponent } from './document-fields.component';
import { withField } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

/** One fit criterion: what it is called, which lead field it tests, how, and the points a match adds. */
@Component({
  selector: 'accord-criterion-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NumberFieldComponent,
    TextFieldComponent,
    EditorItemComponent,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
    ConditionEditorComponent,
  ],
  template: `
    @let item = criterion();
    @let at = path();
    @let found = issues();
    <accord-editor-item noun="criterion" [index]="index()" [problem]="found.at(at)" (removed)="remove()">
      <div class="row">
        <accord-text-field
          class="grow"
          label="Label"
          [value]="item.label"
          [problem]="found.at(at + '.label')"
          (changed)="change({ label: $event })"
        />
        <accord-text-field
          label="Key"
          [value]="item.key"
          [problem]="found.at(at + '.key')"
          (changed)="change({ key: $event })"
        />
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Lead field</mat-label>
          <mat-select [value]="item.field" (selectionChange)="setField($event.value)">
            @for (field of fields; track field) {
              <mat-option [value]="field">{{ fieldName(field) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <accord-number-field
          class="points"
          label="Points"
          [value]="item.points"
          [problem]="found.at(at + '.points')"
          (changed)="setPoints($event)"
        />
      </div>
      <accord-condition-editor
        [field]="item.field"
        [condition]="item.condition"
        [path]="at + '.condition'"
        [issues]="found"
        (conditionChange)="setCondition($event)"
      />
    </accord-editor-item>
  `,
  styles: [
    SECTION_STYLES,
    `
      .points {
        width: 110px;
      }
    `,
  ],
})
export class CriterionEditorComponent {
  private readonly store = inject(AgreementDraftStore);

  readonly criterion = input.required<FitCriterion>();
  readonly index = input.required<number>();
  readonly issues = input.required<IssueIndex>();

  protected readonly path = computed(() => `fit.criteria[${this.index()}]`);
  protected readonly fields = FIT_FIELD_NAMES;
  protected readonly fieldName = fieldLabel;

  protected change(fields: Partial<Omit<FitCriterion, 'condition' | 'field'>>): void {
    this.replace((criterion) => ({ ...criterion, ...fields }));
  }

  /** An emptied field is no number at all, which the domain reports; it never becomes 0 by itself. */
  protected setPoints(points: number | null): void {
    this.change({ points: points ?? Number.NaN });
  }

  protected setField(field: FitField): void {
    this.replace((criterion) => withField(criterion, field));
  }

  protected setCondition(condition: FitCondition): void {
    this.replace((criterion) => ({ ...criterion, condition }));
  }

  protected remove(): void {
    const index = this.index();
    this.store.edit((document) => {
      document.fit.criteria.splice(index, 1);
    });
  }

  private replace(next: (criterion: FitCriterion) => FitCriterion): void {
    const index = this.index();
    this.store.edit((document) => {
      document.fit.criteria[index] = next(document.fit.criteria[index]);
    });
  }
}

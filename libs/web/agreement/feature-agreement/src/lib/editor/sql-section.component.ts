import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { AgreementDraftStore } from '@accord/web/agreement/data-access';
import { IssueDirective } from '@accord/web/shared/ui';

import { IssueIndex } from '../shared/document-issues';
import { NumberFieldComponent, TextFieldComponent } from './document-fields.component';
import { inputText, listEdits, unusedKey } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

/** When an accepted lead becomes an SQL: the checklist sales works through and how many items must hold. */
@Component({
  selector: 'accord-sql-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NumberFieldComponent,
    TextFieldComponent,
    EditorItemComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    IssueDirective,
  ],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      <h2>SQL checklist</h2>
      @for (item of document.sql.checklist; track $index) {
        @let at = 'sql.checklist[' + $index + ']';
        <accord-editor-item
          noun="checklist item"
          [index]="$index"
          [problem]="found.at(at)"
          (removed)="checklist.remove($index)"
        >
          <div class="row">
            <accord-text-field
              class="grow"
              label="Label"
              [value]="item.label"
              [problem]="found.at(at + '.label')"
              (changed)="checklist.change($index, { label: $event })"
            />
            <accord-text-field
              label="Key"
              [value]="item.key"
              [problem]="found.at(at + '.key')"
              (changed)="checklist.change($index, { key: $event })"
            />
          </div>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
            <mat-label>Description</mat-label>
            <textarea
              matInput
              rows="2"
              [value]="item.description"
              (input)="checklist.change($index, { description: text($event) })"
              [accordIssue]="found.at(at + '.description')"
            ></textarea>
            <mat-error>{{ found.at(at + '.description') }}</mat-error>
          </mat-form-field>
        </accord-editor-item>
      }
      @if (found.at('sql.checklist'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <button mat-stroked-button type="button" (click)="addItem()">Add checklist item</button>
      <h2>Minimum</h2>
      <accord-number-field
        label="Items that must hold"
        [value]="document.sql.minimumMet"
        [problem]="found.at('sql.minimumMet')"
        (changed)="setMinimum($event)"
      />
    }
  `,
  styles: SECTION_STYLES,
})
export class SqlSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();
  protected readonly text = inputText;

  protected readonly checklist = listEdits(this.store, (document) => document.sql.checklist);

  protected addItem(): void {
    this.checklist.add((items) => ({ key: unusedKey('item', items), label: '', description: '' }));
  }

  protected setMinimum(value: number | null): void {
    this.store.edit((document) => {
      document.sql.minimumMet = value ?? Number.NaN;
    });
  }
}

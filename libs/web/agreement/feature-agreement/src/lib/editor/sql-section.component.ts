import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { inputText, listEdits, unusedKey } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

/** When an accepted lead becomes an SQL: the checklist sales works through and how many items must hold. */
@Component({
  selector: 'accord-sql-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EditorItemComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    IssueDirective,
    NumberInputDirective,
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
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>Label</mat-label>
              <input
                matInput
                [value]="item.label"
                (input)="checklist.change($index, { label: text($event) })"
                [accordIssue]="found.at(at + '.label')"
              />
              <mat-error>{{ found.at(at + '.label') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Key</mat-label>
              <input
                matInput
                [value]="item.key"
                (input)="checklist.change($index, { key: text($event) })"
                [accordIssue]="found.at(at + '.key')"
              />
              <mat-error>{{ found.at(at + '.key') }}</mat-error>
            </mat-form-field>
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
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Items that must hold</mat-label>
        <input
          matInput
          type="number"
          [accordNumber]="document.sql.minimumMet"
          (accordNumberChange)="setMinimum($event)"
          [accordIssue]="found.at('sql.minimumMet')"
        />
        <mat-error>{{ found.at('sql.minimumMet') }}</mat-error>
      </mat-form-field>
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

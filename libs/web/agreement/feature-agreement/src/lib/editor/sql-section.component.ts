import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import type { SqlChecklistItem } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { inputText, unusedKey } from './editing';

/** When an accepted lead becomes an SQL: the checklist sales works through and how many items must hold. */
@Component({
  selector: 'accord-sql-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatError, MatFormField, MatInput, MatLabel, IssueDirective, NumberInputDirective],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      <h2>SQL checklist</h2>
      @for (item of document.sql.checklist; track $index) {
        @let at = 'sql.checklist[' + $index + ']';
        <fieldset class="item">
          <legend>Checklist item {{ $index + 1 }}</legend>
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>Label</mat-label>
              <input
                matInput
                [value]="item.label"
                (input)="change($index, { label: text($event) })"
                [accordIssue]="found.at(at + '.label')"
              />
              <mat-error>{{ found.at(at + '.label') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Key</mat-label>
              <input
                matInput
                [value]="item.key"
                (input)="change($index, { key: text($event) })"
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
              (input)="change($index, { description: text($event) })"
              [accordIssue]="found.at(at + '.description')"
            ></textarea>
            <mat-error>{{ found.at(at + '.description') }}</mat-error>
          </mat-form-field>
          @if (found.at(at); as problem) {
            <p class="issue">{{ problem }}</p>
          }
          <button
            mat-button
            type="button"
            [attr.aria-label]="'Remove checklist item ' + ($index + 1)"
            (click)="remove($index)"
          >
            Remove
          </button>
        </fieldset>
      }
      @if (found.at('sql.checklist'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <button mat-stroked-button type="button" (click)="add()">Add checklist item</button>
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
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      margin: 0 0 8px;
    }
    .grow {
      flex: 1 1 200px;
    }
    .wide {
      width: 100%;
    }
    .item {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0 0 12px;
    }
    .issue {
      color: var(--mat-sys-error);
    }
  `,
})
export class SqlSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();
  protected readonly text = inputText;

  protected change(index: number, fields: Partial<SqlChecklistItem>): void {
    this.store.edit((document) => {
      document.sql.checklist[index] = { ...document.sql.checklist[index], ...fields };
    });
  }

  protected remove(index: number): void {
    this.store.edit((document) => {
      document.sql.checklist.splice(index, 1);
    });
  }

  protected add(): void {
    this.store.edit((document) => {
      document.sql.checklist.push({
        key: unusedKey('item', document.sql.checklist),
        label: '',
        description: '',
      });
    });
  }

  protected setMinimum(value: number | null): void {
    this.store.edit((document) => {
      document.sql.minimumMet = value ?? Number.NaN;
    });
  }
}

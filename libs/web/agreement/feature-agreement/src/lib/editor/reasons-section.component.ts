import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { REJECTION_CONSEQUENCES, type RejectionConsequence } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { valueLabel } from '../shared/wording';
import { inputText, listEdits, unusedKey } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

/** Days a recycled lead waits when a reason is switched to RECYCLE. */
const DEFAULT_RECYCLE_DAYS = 30;

/** Why sales may reject a handed-over lead, and whether the lead comes back after a while or never. */
@Component({
  selector: 'accord-reasons-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EditorItemComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    IssueDirective,
    NumberInputDirective,
  ],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      <h2>Rejection reasons</h2>
      @for (reason of document.rejectionReasons; track $index) {
        @let at = 'rejectionReasons[' + $index + ']';
        <accord-editor-item
          noun="reason"
          [index]="$index"
          [problem]="found.at(at)"
          (removed)="reasons.remove($index)"
        >
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>Label</mat-label>
              <input
                matInput
                [value]="reason.label"
                (input)="reasons.change($index, { label: text($event) })"
                [accordIssue]="found.at(at + '.label')"
              />
              <mat-error>{{ found.at(at + '.label') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Key</mat-label>
              <input
                matInput
                [value]="reason.key"
                (input)="reasons.change($index, { key: text($event) })"
                [accordIssue]="found.at(at + '.key')"
              />
              <mat-error>{{ found.at(at + '.key') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Consequence</mat-label>
              <mat-select
                [value]="reason.consequence"
                (selectionChange)="setConsequence($index, $event.value)"
              >
                @for (consequence of consequences; track consequence) {
                  <mat-option [value]="consequence">{{ label(consequence) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            @if (reason.consequence === 'RECYCLE') {
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="number">
                <mat-label>Recycle after (days)</mat-label>
                <input
                  matInput
                  type="number"
                  [accordNumber]="reason.recycleAfterDays"
                  (accordNumberChange)="reasons.change($index, { recycleAfterDays: $event })"
                  [accordIssue]="found.at(at + '.recycleAfterDays')"
                />
                <mat-error>{{ found.at(at + '.recycleAfterDays') }}</mat-error>
              </mat-form-field>
            }
          </div>
        </accord-editor-item>
      }
      @if (found.at('rejectionReasons'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <button mat-stroked-button type="button" (click)="addReason()">Add reason</button>
    }
  `,
  styles: [
    SECTION_STYLES,
    `
      .number {
        width: 170px;
      }
    `,
  ],
})
export class ReasonsSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();
  protected readonly consequences = REJECTION_CONSEQUENCES;
  protected readonly label = valueLabel;
  protected readonly text = inputText;

  protected readonly reasons = listEdits(this.store, (document) => document.rejectionReasons);

  /** A disqualified lead never comes back, so it has no recycle days; a recycled one needs them. */
  protected setConsequence(index: number, consequence: RejectionConsequence): void {
    this.reasons.change(index, {
      consequence,
      recycleAfterDays: consequence === 'RECYCLE' ? DEFAULT_RECYCLE_DAYS : null,
    });
  }

  protected addReason(): void {
    this.reasons.add((reasons) => ({
      key: unusedKey('reason', reasons),
      label: '',
      consequence: 'RECYCLE',
      recycleAfterDays: DEFAULT_RECYCLE_DAYS,
    }));
  }
}

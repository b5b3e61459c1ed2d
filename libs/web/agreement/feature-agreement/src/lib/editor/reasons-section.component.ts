import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';

import { REJECTION_CONSEQUENCES, type RejectionConsequence } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { valueLabel } from '../shared/wording';
import { NumberFieldComponent, TextFieldComponent } from './document-fields.component';
import { listEdits, unusedKey } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

/** Days a recycled lead waits when a reason is switched to RECYCLE. */
const DEFAULT_RECYCLE_DAYS = 30;

/** Why sales may reject a handed-over lead, and whether the lead comes back after a while or never. */
@Component({
  selector: 'accord-reasons-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NumberFieldComponent,
    TextFieldComponent,
    EditorItemComponent,
    MatButton,
    MatFormField,
    MatLabel,
    MatOption,
    MatSelect,
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
            <accord-text-field
              class="grow"
              label="Label"
              [value]="reason.label"
              [problem]="found.at(at + '.label')"
              (changed)="reasons.change($index, { label: $event })"
            />
            <accord-text-field
              label="Key"
              [value]="reason.key"
              [problem]="found.at(at + '.key')"
              (changed)="reasons.change($index, { key: $event })"
            />
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
              <accord-number-field
                class="number"
                label="Recycle after (days)"
                [value]="reason.recycleAfterDays"
                [problem]="found.at(at + '.recycleAfterDays')"
                (changed)="reasons.change($index, { recycleAfterDays: $event })"
              />
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

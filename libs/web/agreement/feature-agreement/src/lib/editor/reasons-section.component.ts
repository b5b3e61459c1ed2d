import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import {
  REJECTION_CONSEQUENCES,
  type RejectionConsequence,
  type RejectionReason,
} from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { valueLabel } from '../shared/wording';
import { inputText, unusedKey } from './editing';

/** Days a recycled lead waits when a reason is switched to RECYCLE. */
const DEFAULT_RECYCLE_DAYS = 30;

/** Why sales may reject a handed-over lead, and whether the lead comes back after a while or never. */
@Component({
  selector: 'accord-reasons-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
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
        <fieldset class="item">
          <legend>Reason {{ $index + 1 }}</legend>
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>Label</mat-label>
              <input
                matInput
                [value]="reason.label"
                (input)="change($index, { label: text($event) })"
                [accordIssue]="found.at(at + '.label')"
              />
              <mat-error>{{ found.at(at + '.label') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Key</mat-label>
              <input
                matInput
                [value]="reason.key"
                (input)="change($index, { key: text($event) })"
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
                  (accordNumberChange)="change($index, { recycleAfterDays: $event })"
                  [accordIssue]="found.at(at + '.recycleAfterDays')"
                />
                <mat-error>{{ found.at(at + '.recycleAfterDays') }}</mat-error>
              </mat-form-field>
            }
          </div>
          @if (found.at(at); as problem) {
            <p class="issue">{{ problem }}</p>
          }
          <button
            mat-button
            type="button"
            [attr.aria-label]="'Remove reason ' + ($index + 1)"
            (click)="remove($index)"
          >
            Remove
          </button>
        </fieldset>
      }
      @if (found.at('rejectionReasons'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <button mat-stroked-button type="button" (click)="add()">Add reason</button>
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
    }
    .grow {
      flex: 1 1 200px;
    }
    .number {
      width: 170px;
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
export class ReasonsSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();
  protected readonly consequences = REJECTION_CONSEQUENCES;
  protected readonly label = valueLabel;
  protected readonly text = inputText;

  protected change(index: number, fields: Partial<RejectionReason>): void {
    this.store.edit((document) => {
      document.rejectionReasons[index] = { ...document.rejectionReasons[index], ...fields };
    });
  }

  /** A disqualified lead never comes back, so it has no recycle days; a recycled one needs them. */
  protected setConsequence(index: number, consequence: RejectionConsequence): void {
    this.change(index, {
      consequence,
      recycleAfterDays: consequence === 'RECYCLE' ? DEFAULT_RECYCLE_DAYS : null,
    });
  }

  protected remove(index: number): void {
    this.store.edit((document) => {
      document.rejectionReasons.splice(index, 1);
    });
  }

  protected add(): void {
    this.store.edit((document) => {
      document.rejectionReasons.push({
        key: unusedKey('reason', document.rejectionReasons),
        label: '',
        consequence: 'RECYCLE',
        recycleAfterDays: DEFAULT_RECYCLE_DAYS,
      });
    });
  }
}

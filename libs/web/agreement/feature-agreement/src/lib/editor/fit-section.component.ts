import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { CriterionEditorComponent } from './criterion-editor.component';
import { unusedKey } from './editing';
import { SECTION_STYLES } from './section-styles';

const THRESHOLD_GRADES = ['A', 'B', 'C'] as const;
type ThresholdGrade = (typeof THRESHOLD_GRADES)[number];

/** The ideal customer profile: fit criteria and the fit score each grade starts at. */
@Component({
  selector: 'accord-fit-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    CriterionEditorComponent,
    IssueDirective,
    NumberInputDirective,
  ],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      <h2>Grade thresholds</h2>
      <p class="help">The lowest fit score (0–100) for each grade; below C is D.</p>
      <div class="row">
        @for (grade of grades; track grade) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="number">
            <mat-label>Grade {{ grade }}</mat-label>
            <input
              matInput
              type="number"
              [accordNumber]="document.fit.grades[grade]"
              (accordNumberChange)="setGrade(grade, $event)"
              [accordIssue]="found.at('fit.grades.' + grade)"
            />
            <mat-error>{{ found.at('fit.grades.' + grade) }}</mat-error>
          </mat-form-field>
        }
      </div>
      <h2>Fit criteria</h2>
      <p class="help">
        Each criterion a lead matches adds its points (negative points disqualify); the total is scaled to
        0–100.
      </p>
      @if (found.at('fit.criteria'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      @for (criterion of document.fit.criteria; track $index) {
        <accord-criterion-editor [criterion]="criterion" [index]="$index" [issues]="found" />
      }
      <button mat-stroked-button type="button" (click)="add()">Add criterion</button>
    }
  `,
  styles: SECTION_STYLES,
})
export class FitSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();
  protected readonly grades = THRESHOLD_GRADES;

  protected setGrade(grade: ThresholdGrade, value: number | null): void {
    this.store.edit((document) => {
      document.fit.grades[grade] = value ?? Number.NaN;
    });
  }

  protected add(): void {
    this.store.edit((document) => {
      document.fit.criteria.push({
        key: unusedKey('criterion', document.fit.criteria),
        label: '',
        field: 'industry',
        condition: { kind: 'ANY_OF', values: [] },
        points: 10,
      });
    });
  }
}

import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { CriterionEditorComponent } from './criterion-editor.component';
import { NumberFieldComponent } from './document-fields.component';
import { unusedKey } from './editing';
import { SECTION_STYLES } from './section-styles';

const THRESHOLD_GRADES = ['A', 'B', 'C'] as const;
type ThresholdGrade = (typeof THRESHOLD_GRADES)[number];

/** The ideal customer profile: fit criteria and the fit score each grade starts at. */
@Component({
  selector: 'accord-fit-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NumberFieldComponent, MatButton, CriterionEditorComponent],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      <h2>Grade thresholds</h2>
      <p class="help">The lowest fit score (0–100) for each grade; below C is D.</p>
      <div class="row">
        @for (grade of grades; track grade) {
          <accord-number-field
            class="number"
            [label]="'Grade ' + grade"
            [value]="document.fit.grades[grade]"
            [problem]="found.at('fit.grades.' + grade)"
            (changed)="setGrade(grade, $event)"
          />
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

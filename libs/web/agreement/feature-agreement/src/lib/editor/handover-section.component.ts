import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatOption, MatSelect } from '@angular/material/select';

import {
  GRADES,
  type Grade,
  MATRIX_OUTCOMES,
  type MatrixOutcome,
  TEMPERATURES,
  type Temperature,
} from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { outcomeLabel } from '../shared/wording';
import { NumberFieldComponent } from './document-fields.component';
import { SECTION_STYLES } from './section-styles';

/** The handover matrix (what each grade × temperature does with a lead) and sales' time to decide, by temperature. */
@Component({
  selector: 'accord-handover-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NumberFieldComponent, MatOption, MatSelect],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      <h2>Matrix</h2>
      <p class="help">
        MQL hands the lead to sales; fast track hands it over first; nurture keeps it with marketing.
      </p>
      @if (found.at('handover.matrix'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <div class="scroll">
        <table class="matrix">
          <caption class="visually-hidden">
            Outcome by fit grade and intent temperature
          </caption>
          <thead>
            <tr>
              <th scope="col">Grade</th>
              @for (temperature of temperatures; track temperature) {
                <th scope="col">{{ temperature }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (grade of grades; track grade) {
              <tr>
                <th scope="row">{{ grade }}</th>
                @for (temperature of temperatures; track temperature) {
                  <td>
                    <mat-select
                      class="cell"
                      [value]="document.handover.matrix[grade][temperature]"
                      [aria-label]="'Grade ' + grade + ', ' + temperature"
                      (selectionChange)="setCell(grade, temperature, $event.value)"
                    >
                      @for (outcome of outcomes; track outcome) {
                        <mat-option [value]="outcome">{{ outcomeName(outcome) }}</mat-option>
                      }
                    </mat-select>
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
      <h2>SLA</h2>
      <p class="help">Hours sales have to accept or reject a handed-over lead.</p>
      <div class="row">
        @for (temperature of temperatures; track temperature) {
          <accord-number-field
            class="number"
            [label]="temperature + ' (hours)'"
            [value]="document.handover.slaHours[temperature]"
            [problem]="found.at('handover.slaHours.' + temperature)"
            (changed)="setSla(temperature, $event)"
          />
        }
      </div>
    }
  `,
  styles: [
    SECTION_STYLES,
    `
      .scroll {
        overflow-x: auto;
      }
      .matrix {
        border-collapse: collapse;
      }
      .matrix th,
      .matrix td {
        padding: 4px 8px;
        text-align: left;
      }
      .cell {
        min-width: 130px;
      }
      /* On a phone the three temperature columns share the width, so HOT is in view without scrolling. */
      @media (max-width: 599.98px) {
        .matrix {
          width: 100%;
          table-layout: fixed;
        }
        .matrix th,
        .matrix td {
          padding: 4px 2px;
        }
        .matrix thead th:first-child {
          width: 3.5em;
        }
        .cell {
          min-width: 0;
          width: 100%;
        }
      }
    `,
  ],
})
export class HandoverSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();

  protected readonly grades = GRADES;
  protected readonly temperatures = TEMPERATURES;
  protected readonly outcomes = MATRIX_OUTCOMES;
  protected readonly outcomeName = outcomeLabel;

  protected setCell(grade: Grade, temperature: Temperature, outcome: MatrixOutcome): void {
    this.store.edit((document) => {
      document.handover.matrix[grade][temperature] = outcome;
    });
  }

  protected setSla(temperature: Temperature, hours: number | null): void {
    this.store.edit((document) => {
      document.handover.slaHours[temperature] = hours ?? Number.NaN;
    });
  }
}

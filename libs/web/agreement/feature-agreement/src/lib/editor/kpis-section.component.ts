import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { KPI_KINDS, KPI_PERIODS, type KpiPeriod } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { valueLabel } from '../shared/wording';
import { inputText, listEdits, unusedKey } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

/** The numbers both teams are measured by: what each means, and its target (activity KPIs usually have none). */
@Component({
  selector: 'accord-kpis-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EditorItemComponent,
    MatButton,
    MatCheckbox,
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
      <h2>KPIs</h2>
      @for (kpi of document.kpis; track $index) {
        @let at = 'kpis[' + $index + ']';
        <accord-editor-item
          noun="KPI"
          [index]="$index"
          [problem]="found.at(at)"
          (removed)="kpis.remove($index)"
        >
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>Name</mat-label>
              <input
                matInput
                [value]="kpi.name"
                (input)="kpis.change($index, { name: text($event) })"
                [accordIssue]="found.at(at + '.name')"
              />
              <mat-error>{{ found.at(at + '.name') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Key</mat-label>
              <input
                matInput
                [value]="kpi.key"
                (input)="kpis.change($index, { key: text($event) })"
                [accordIssue]="found.at(at + '.key')"
              />
              <mat-error>{{ found.at(at + '.key') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Kind</mat-label>
              <mat-select [value]="kpi.kind" (selectionChange)="kpis.change($index, { kind: $event.value })">
                @for (kind of kinds; track kind) {
                  <mat-option [value]="kind">{{ label(kind) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </div>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
            <mat-label>Definition</mat-label>
            <textarea
              matInput
              rows="2"
              [value]="kpi.definition"
              (input)="kpis.change($index, { definition: text($event) })"
              [accordIssue]="found.at(at + '.definition')"
            ></textarea>
            <mat-error>{{ found.at(at + '.definition') }}</mat-error>
          </mat-form-field>
          <div class="row">
            <mat-checkbox [checked]="kpi.target !== null" (change)="toggleTarget($index, $event.checked)">
              Has a target
            </mat-checkbox>
            @if (kpi.target; as target) {
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="number">
                <mat-label>Target</mat-label>
                <input
                  matInput
                  type="number"
                  [accordNumber]="target.value"
                  (accordNumberChange)="setTarget($index, $event, target.period)"
                  [accordIssue]="found.at(at + '.target.value')"
                />
                <mat-error>{{ found.at(at + '.target.value') }}</mat-error>
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>Per</mat-label>
                <mat-select
                  [value]="target.period"
                  (selectionChange)="setTarget($index, target.value, $event.value)"
                >
                  @for (period of periods; track period) {
                    <mat-option [value]="period">{{ label(period) }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            }
          </div>
        </accord-editor-item>
      }
      <button mat-stroked-button type="button" (click)="addKpi()">Add KPI</button>
    }
  `,
  styles: SECTION_STYLES,
})
export class KpisSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();
  protected readonly kinds = KPI_KINDS;
  protected readonly periods = KPI_PERIODS;
  protected readonly label = valueLabel;
  protected readonly text = inputText;

  protected readonly kpis = listEdits(this.store, (document) => document.kpis);

  protected toggleTarget(index: number, on: boolean): void {
    this.kpis.change(index, { target: on ? { value: 0, period: 'MONTH' } : null });
  }

  protected setTarget(index: number, value: number | null, period: KpiPeriod): void {
    this.kpis.change(index, { target: { value: value ?? Number.NaN, period } });
  }

  protected addKpi(): void {
    this.kpis.add((kpis) => ({
      key: unusedKey('kpi', kpis),
      name: '',
      definition: '',
      kind: 'OUTCOME',
      target: null,
    }));
  }
}

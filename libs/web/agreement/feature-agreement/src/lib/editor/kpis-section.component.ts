import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { KPI_KINDS, KPI_PERIODS, type KpiPeriod } from '@accord/domain/agreement';
import type { MetricUnit } from '@accord/domain/dashboard';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';
import { IssueDirective } from '@accord/web/shared/ui';

import { IssueIndex } from '../shared/document-issues';
import { kpiUnit, targetHasPeriod, valueLabel } from '../shared/wording';
import { NumberFieldComponent, TextFieldComponent } from './document-fields.component';
import { inputText, listEdits, unusedKey } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

/** The numbers both teams are measured by: what each means, and its target (activity KPIs usually have none). */
@Component({
  selector: 'accord-kpis-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NumberFieldComponent,
    TextFieldComponent,
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
            <accord-text-field
              class="grow"
              label="Name"
              [value]="kpi.name"
              [problem]="found.at(at + '.name')"
              (changed)="kpis.change($index, { name: $event })"
            />
            <accord-text-field
              label="Key"
              [value]="kpi.key"
              [problem]="found.at(at + '.key')"
              (changed)="kpis.change($index, { key: $event })"
            />
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
              @let unit = unitOf(kpi.key);
              <accord-number-field
                class="number"
                [label]="targetLabel(unit)"
                [value]="target.value"
                [problem]="found.at(at + '.target.value')"
                (changed)="setTarget($index, $event, target.period)"
              />
              @if (hasPeriod(unit)) {
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
  protected readonly unitOf = kpiUnit;
  /** A rate or a duration is not per week or month; its stored period stays as it is, unread. */
  protected readonly hasPeriod = targetHasPeriod;

  protected targetLabel(unit: MetricUnit): string {
    if (unit === 'RATE') return 'Target (%)';
    return unit === 'DAYS' ? 'Target (days)' : 'Target';
  }

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

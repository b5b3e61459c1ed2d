import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { KPI_KINDS, KPI_PERIODS, type Kpi, type KpiPeriod } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { valueLabel } from '../shared/wording';
import { inputText, unusedKey } from './editing';

/** The numbers both teams are measured by: what each means, and its target (activity KPIs usually have none). */
@Component({
  selector: 'accord-kpis-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
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
        <fieldset class="item">
          <legend>KPI {{ $index + 1 }}</legend>
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>Name</mat-label>
              <input
                matInput
                [value]="kpi.name"
                (input)="change($index, { name: text($event) })"
                [accordIssue]="found.at(at + '.name')"
              />
              <mat-error>{{ found.at(at + '.name') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Key</mat-label>
              <input
                matInput
                [value]="kpi.key"
                (input)="change($index, { key: text($event) })"
                [accordIssue]="found.at(at + '.key')"
              />
              <mat-error>{{ found.at(at + '.key') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Kind</mat-label>
              <mat-select [value]="kpi.kind" (selectionChange)="change($index, { kind: $event.value })">
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
              (input)="change($index, { definition: text($event) })"
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
          @if (found.at(at); as problem) {
            <p class="issue">{{ problem }}</p>
          }
          <button
            mat-button
            type="button"
            [attr.aria-label]="'Remove KPI ' + ($index + 1)"
            (click)="remove($index)"
          >
            Remove
          </button>
        </fieldset>
      }
      <button mat-stroked-button type="button" (click)="add()">Add KPI</button>
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
      align-items: center;
      gap: 8px 12px;
      margin: 0 0 8px;
    }
    .grow {
      flex: 1 1 200px;
    }
    .wide {
      width: 100%;
    }
    .number {
      width: 150px;
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
export class KpisSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();
  protected readonly kinds = KPI_KINDS;
  protected readonly periods = KPI_PERIODS;
  protected readonly label = valueLabel;
  protected readonly text = inputText;

  protected change(index: number, fields: Partial<Kpi>): void {
    this.store.edit((document) => {
      document.kpis[index] = { ...document.kpis[index], ...fields };
    });
  }

  protected toggleTarget(index: number, on: boolean): void {
    this.change(index, { target: on ? { value: 0, period: 'MONTH' } : null });
  }

  protected setTarget(index: number, value: number | null, period: KpiPeriod): void {
    this.change(index, { target: { value: value ?? Number.NaN, period } });
  }

  protected remove(index: number): void {
    this.store.edit((document) => {
      document.kpis.splice(index, 1);
    });
  }

  protected add(): void {
    this.store.edit((document) => {
      document.kpis.push({
        key: unusedKey('kpi', document.kpis),
        name: '',
        definition: '',
        kind: 'OUTCOME',
        target: null,
      });
    });
  }
}

import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { type IntentSignalRule, STANDARD_SIGNAL_TYPES } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { inputText } from './editing';

type Threshold = 'warm' | 'hot';
type SignalNumber = 'weight' | 'cap' | 'halfLifeDays';

/** The intent model: which signal types count, how much and for how long, and where WARM and HOT start. */
@Component({
  selector: 'accord-intent-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    IssueDirective,
    NumberInputDirective,
  ],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      <h2>Temperature thresholds</h2>
      <p class="help">The lowest intent score (0–100) for WARM and HOT; below WARM is COLD.</p>
      <div class="row">
        @for (threshold of thresholds; track threshold) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="number">
            <mat-label>{{ threshold.toUpperCase() }} from</mat-label>
            <input
              matInput
              type="number"
              [accordNumber]="document.intent.temperature[threshold]"
              (accordNumberChange)="setThreshold(threshold, $event)"
              [accordIssue]="found.at('intent.temperature.' + threshold)"
            />
            <mat-error>{{ found.at('intent.temperature.' + threshold) }}</mat-error>
          </mat-form-field>
        }
      </div>
      <h2>Signal types</h2>
      <p class="help">
        Each counted signal adds its weight, halving every half-life; only the most recent ones up to the cap
        count. Standard types: {{ standardTypes }}.
      </p>
      @for (signal of document.intent.signals; track $index) {
        @let at = 'intent.signals[' + $index + ']';
        <fieldset class="item">
          <legend>Signal type {{ $index + 1 }}</legend>
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Type</mat-label>
              <input
                matInput
                [value]="signal.type"
                (input)="change($index, { type: text($event) })"
                [accordIssue]="found.at(at + '.type')"
              />
              <mat-hint>Upper case, e.g. PRICING_PAGE_VISIT</mat-hint>
              <mat-error>{{ found.at(at + '.type') }}</mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
              <mat-label>Label</mat-label>
              <input
                matInput
                [value]="signal.label"
                (input)="change($index, { label: text($event) })"
                [accordIssue]="found.at(at + '.label')"
              />
              <mat-error>{{ found.at(at + '.label') }}</mat-error>
            </mat-form-field>
            @for (field of numbers; track field.name) {
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="number">
                <mat-label>{{ field.label }}</mat-label>
                <input
                  matInput
                  type="number"
                  [accordNumber]="signal[field.name]"
                  (accordNumberChange)="setNumber($index, field.name, $event)"
                  [accordIssue]="found.at(at + '.' + field.name)"
                />
                <mat-error>{{ found.at(at + '.' + field.name) }}</mat-error>
              </mat-form-field>
            }
          </div>
          @if (found.at(at); as problem) {
            <p class="issue">{{ problem }}</p>
          }
          <button
            mat-button
            type="button"
            [attr.aria-label]="'Remove signal type ' + ($index + 1)"
            (click)="remove($index)"
          >
            Remove
          </button>
        </fieldset>
      }
      @if (found.at('intent.signals'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <button mat-stroked-button type="button" (click)="add()">Add signal type</button>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 4px;
    }
    .help {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 12px;
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
      width: 130px;
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
export class IntentSectionComponent {
  protected readonly store = inject(AgreementDraftStore);
  readonly issues = input.required<IssueIndex>();

  protected readonly thresholds: Threshold[] = ['warm', 'hot'];
  protected readonly numbers: { name: SignalNumber; label: string }[] = [
    { name: 'weight', label: 'Weight' },
    { name: 'cap', label: 'Counts at most' },
    { name: 'halfLifeDays', label: 'Half-life (days)' },
  ];
  protected readonly standardTypes = STANDARD_SIGNAL_TYPES.join(', ');
  protected readonly text = inputText;

  protected setThreshold(threshold: Threshold, value: number | null): void {
    this.store.edit((document) => {
      document.intent.temperature[threshold] = value ?? Number.NaN;
    });
  }

  protected change(index: number, fields: Partial<IntentSignalRule>): void {
    this.store.edit((document) => {
      document.intent.signals[index] = { ...document.intent.signals[index], ...fields };
    });
  }

  protected setNumber(index: number, field: SignalNumber, value: number | null): void {
    this.change(index, { [field]: value ?? Number.NaN });
  }

  protected remove(index: number): void {
    this.store.edit((document) => {
      document.intent.signals.splice(index, 1);
    });
  }

  protected add(): void {
    this.store.edit((document) => {
      document.intent.signals.push({ type: '', label: '', weight: 10, cap: 1, halfLifeDays: 30 });
    });
  }
}

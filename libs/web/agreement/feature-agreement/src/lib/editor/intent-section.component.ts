import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { STANDARD_SIGNAL_TYPES } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { IssueDirective } from '../shared/issue.directive';
import { NumberInputDirective } from '../shared/number-input.directive';
import { inputText, listEdits } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

type Threshold = 'warm' | 'hot';
type SignalNumber = 'weight' | 'cap' | 'halfLifeDays';

/** The intent model: which signal types count, how much and for how long, and where WARM and HOT start. */
@Component({
  selector: 'accord-intent-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    EditorItemComponent,
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
        <accord-editor-item
          noun="signal type"
          [index]="$index"
          [problem]="found.at(at)"
          (removed)="signals.remove($index)"
        >
          <div class="row">
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Type</mat-label>
              <input
                matInput
                [value]="signal.type"
                (input)="signals.change($index, { type: text($event) })"
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
                (input)="signals.change($index, { label: text($event) })"
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
        </accord-editor-item>
      }
      @if (found.at('intent.signals'); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <button mat-stroked-button type="button" (click)="addSignal()">Add signal type</button>
    }
  `,
  styles: [
    SECTION_STYLES,
    `
      .number {
        width: 130px;
      }
    `,
  ],
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

  protected readonly signals = listEdits(this.store, (document) => document.intent.signals);

  protected setNumber(index: number, field: SignalNumber, value: number | null): void {
    this.signals.change(index, { [field]: value ?? Number.NaN });
  }

  protected addSignal(): void {
    this.signals.add(() => ({ type: '', label: '', weight: 10, cap: 1, halfLifeDays: 30 }));
  }
}

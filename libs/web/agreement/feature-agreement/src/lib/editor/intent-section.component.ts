import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { STANDARD_SIGNAL_TYPES } from '@accord/domain/agreement';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';

import { IssueIndex } from '../shared/document-issues';
import { NumberFieldComponent, TextFieldComponent } from './document-fields.component';
import { listEdits } from './editing';
import { EditorItemComponent } from './editor-item.component';
import { SECTION_STYLES } from './section-styles';

type Threshold = 'warm' | 'hot';
type SignalNumber = 'weight' | 'cap' | 'halfLifeDays';

/** The intent model: which signal types count, how much and for how long, and where WARM and HOT start. */
@Component({
  selector: 'accord-intent-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NumberFieldComponent, TextFieldComponent, EditorItemComponent, MatButton],
  template: `
    @if (store.document(); as document) {
      @let found = issues();
      <h2>Temperature thresholds</h2>
      <p class="help">The lowest intent score (0–100) for WARM and HOT; below WARM is COLD.</p>
      <div class="row">
        @for (threshold of thresholds; track threshold) {
          <accord-number-field
            class="number"
            [label]="threshold.toUpperCase() + ' from'"
            [value]="document.intent.temperature[threshold]"
            [problem]="found.at('intent.temperature.' + threshold)"
            (changed)="setThreshold(threshold, $event)"
          />
        }
      </div>
      <h2>Signal types</h2>
      <p class="help">
        Each counted signal adds its weight, halving every half-life; only the most recent ones up to the cap
        count. Standard types: {{ standardTypes }}.
      </p>
      <!-- The signal's index is named: the numbers' own loop below has a $index of its own, which would shadow it. -->
      @for (signal of document.intent.signals; track $index; let signalIndex = $index) {
        @let at = 'intent.signals[' + signalIndex + ']';
        <accord-editor-item
          noun="signal type"
          [index]="signalIndex"
          [problem]="found.at(at)"
          (removed)="signals.remove(signalIndex)"
        >
          <div class="row">
            <accord-text-field
              label="Type"
              [value]="signal.type"
              [problem]="found.at(at + '.type')"
              hint="Upper case, e.g. PRICING_PAGE_VISIT"
              (changed)="signals.change(signalIndex, { type: $event })"
            />
            <accord-text-field
              class="grow"
              label="Label"
              [value]="signal.label"
              [problem]="found.at(at + '.label')"
              (changed)="signals.change(signalIndex, { label: $event })"
            />
            @for (field of numbers; track field.name) {
              <accord-number-field
                class="number"
                [label]="field.label"
                [value]="signal[field.name]"
                [problem]="found.at(at + '.' + field.name)"
                (changed)="setNumber(signalIndex, field.name, $event)"
              />
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

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';

import { ACTIVITY_SIGNAL_TYPES, SENIORITIES } from '@accord/domain/agreement';
import { explanationSummary } from '@accord/domain/scoring';
import { AgreementDraftStore } from '@accord/web/agreement/data-access';
import { TEMPERATURE_LABELS, fitScaleNote, typeLabel } from '@accord/web/leads/data-access';
import { CLOCK } from '@accord/web/shared/data-access';

import { NumberInputDirective } from '../shared/number-input.directive';
import { formatNumber, outcomeLabel, valueLabel } from '../shared/wording';
import { inputText } from './editing';
import { DEFAULT_SAMPLE_LEAD, SampleLead, SampleSignal, previewEvaluation } from './sample-lead';

type TextField = 'industry' | 'country' | 'technologies' | 'department' | 'email' | 'title';

/** A made-up lead scored with the unsaved draft, so the member sees what a change does before saving it. */
@Component({
  selector: 'accord-live-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatFormField, MatInput, MatLabel, MatOption, MatSelect, NumberInputDirective],
  template: `
    <h2 id="preview-heading">Live preview</h2>
    <div class="result" role="status" aria-live="polite">
      @if (result(); as scored) {
        <dl>
          <dt>Fit</dt>
          <dd>{{ scored.fit }} · grade {{ scored.grade }}</dd>
          <dt>Intent</dt>
          <dd>{{ scored.intent }} · {{ temperatures[scored.temperature] }}</dd>
          <dt>Outcome</dt>
          <dd class="outcome">{{ scored.outcome }}</dd>
        </dl>
        <p class="why">{{ scored.explanation || 'No criterion or signal counted.' }}</p>
        @if (scored.scaleNote; as note) {
          <p class="note">{{ note }}</p>
        }
      } @else {
        <p>Fix the agreement's problems to see how it scores this lead.</p>
      }
    </div>
    <h3>Sample lead</h3>
    @let lead = sample();
    <div class="fields">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Employees</mat-label>
        <input
          matInput
          type="number"
          [accordNumber]="lead.employeeCount"
          (accordNumberChange)="set({ employeeCount: $event })"
        />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Annual revenue</mat-label>
        <input
          matInput
          type="number"
          [accordNumber]="lead.annualRevenue"
          (accordNumberChange)="set({ annualRevenue: $event })"
        />
      </mat-form-field>
      @for (field of textFields; track field.name) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ field.label }}</mat-label>
          <input matInput [value]="lead[field.name]" (input)="setText(field.name, $event)" />
        </mat-form-field>
      }
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Seniority</mat-label>
        <mat-select [value]="lead.seniority" (selectionChange)="set({ seniority: $event.value })">
          <mat-option [value]="null">Unknown</mat-option>
          @for (seniority of seniorities; track seniority) {
            <mat-option [value]="seniority">{{ label(seniority) }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Budget authority</mat-label>
        <mat-select [value]="lead.budgetAuthority" (selectionChange)="set({ budgetAuthority: $event.value })">
          <mat-option [value]="null">Unknown</mat-option>
          <mat-option [value]="true">Yes</mat-option>
          <mat-option [value]="false">No</mat-option>
        </mat-select>
      </mat-form-field>
    </div>
    <h3>Signals</h3>
    @for (entry of lead.signals; track $index) {
      <div class="signal">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Signal {{ $index + 1 }} type</mat-label>
          <mat-select [value]="entry.type" (selectionChange)="setSignal($index, { type: $event.value })">
            @for (type of signalTypes(); track type) {
              <mat-option [value]="type">{{ signalLabel(type) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="days">
          <mat-label>Days ago</mat-label>
          <input
            matInput
            type="number"
            [accordNumber]="entry.daysAgo"
            (accordNumberChange)="setSignal($index, { daysAgo: $event })"
          />
        </mat-form-field>
        <button
          mat-button
          type="button"
          [attr.aria-label]="'Remove signal ' + ($index + 1)"
          (click)="removeSignal($index)"
        >
          Remove
        </button>
      </div>
    }
    <button mat-stroked-button type="button" (click)="addSignal()">Add signal</button>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
    .result {
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 12px;
      margin: 0;
    }
    dt {
      font-weight: 500;
    }
    dd {
      margin: 0;
    }
    .outcome {
      font-weight: 600;
    }
    .why {
      font: var(--mat-sys-body-small);
      margin: 8px 0 0;
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
      gap: 8px;
    }
    .signal {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
    }
    .days {
      width: 100px;
    }
  `,
})
export class LivePreviewComponent {
  private readonly store = inject(AgreementDraftStore);
  /** One instant for the page's life, so the preview changes only when the member changes something. */
  private readonly now = inject(CLOCK)();

  protected readonly sample = signal<SampleLead>(DEFAULT_SAMPLE_LEAD);
  protected readonly seniorities = SENIORITIES;
  protected readonly label = valueLabel;
  protected readonly temperatures = TEMPERATURE_LABELS;
  protected readonly textFields: { name: TextField; label: string }[] = [
    { name: 'industry', label: 'Industry' },
    { name: 'country', label: 'Country' },
    { name: 'technologies', label: 'Technologies (comma-separated)' },
    { name: 'department', label: 'Department' },
    { name: 'email', label: 'E-mail' },
    { name: 'title', label: 'Job title' },
  ];

  /** The draft's signal types, plus activity (which never counts) and any type the sample already uses. */
  protected readonly signalTypes = computed(() => {
    const defined = this.store.document()?.intent.signals.map((signal) => signal.type) ?? [];
    const used = this.sample().signals.map((signal) => signal.type);
    return [...new Set([...defined, ...ACTIVITY_SIGNAL_TYPES, ...used])].filter(Boolean);
  });

  /** A signal type as the lead page names it: the draft's label for it, else the type in words. */
  private readonly signalLabels = computed(
    () => new Map(this.store.document()?.intent.signals.map((signal) => [signal.type, signal.label]) ?? []),
  );

  protected signalLabel(type: string): string {
    return this.signalLabels().get(type) || typeLabel(type);
  }

  protected readonly result = computed(() => {
    const document = this.store.validDocument();
    if (document === null) return null;
    const evaluation = previewEvaluation(this.sample(), document, this.now);
    return {
      fit: formatNumber(Math.round(evaluation.fit.score)),
      grade: evaluation.fit.grade,
      intent: formatNumber(Math.round(evaluation.intent.score)),
      temperature: evaluation.intent.temperature,
      outcome: outcomeLabel(evaluation.outcome),
      explanation: explanationSummary(evaluation),
      // Said only when a line reads other than the points written in the draft, naming one.
      scaleNote: fitScaleNote({
        fit: evaluation.fit.contributions,
        fitAdjustment: evaluation.fit.adjustment,
      }),
    };
  });

  protected set(fields: Partial<SampleLead>): void {
    this.sample.update((sample) => ({ ...sample, ...fields }));
  }

  protected setText(field: TextField, event: Event): void {
    this.set({ [field]: inputText(event) });
  }

  protected setSignal(index: number, fields: Partial<SampleSignal>): void {
    this.sample.update((sample) => ({
      ...sample,
      signals: sample.signals.map((entry, position) =>
        position === index ? { ...entry, ...fields } : entry,
      ),
    }));
  }

  protected removeSignal(index: number): void {
    this.sample.update((sample) => ({
      ...sample,
      signals: sample.signals.filter((_, position) => position !== index),
    }));
  }

  protected addSignal(): void {
    this.sample.update((sample) => ({
      ...sample,
      signals: [...sample.signals, { type: this.signalTypes()[0] ?? '', daysAgo: 0 }],
    }));
  }
}

import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { SENIORITIES } from '@accord/domain/agreement';
import {
  EMPTY_LEAD_FORM,
  LeadFormField,
  LeadFormValue,
  Owner,
  SENIORITY_LABELS,
} from '@accord/web/leads/data-access';
import { injectFocusFirstInvalid } from '@accord/web/shared/ui';

import { trackUnsavedEdits } from './unsaved-edits';

interface FieldSpec {
  name: LeadFormField;
  label: string;
  type?: 'email' | 'text';
  hint?: string;
  options?: readonly { value: string; label: string }[];
}

interface FieldGroup {
  legend: string;
  fields: FieldSpec[];
}

const UNKNOWN = { value: '', label: 'Unknown' };

const GROUPS: FieldGroup[] = [
  {
    legend: 'Contact',
    fields: [
      { name: 'email', label: 'E-mail', type: 'email' },
      { name: 'firstName', label: 'First name' },
      { name: 'lastName', label: 'Last name' },
      { name: 'title', label: 'Job title' },
      {
        name: 'seniority',
        label: 'Seniority',
        hint: 'Unknown: read from the job title',
        options: [UNKNOWN, ...SENIORITIES.map((value) => ({ value, label: SENIORITY_LABELS[value] }))],
      },
      { name: 'department', label: 'Department' },
      {
        name: 'budgetAuthority',
        label: 'Budget authority',
        options: [UNKNOWN, { value: 'YES', label: 'Yes' }, { value: 'NO', label: 'No' }],
      },
    ],
  },
  {
    legend: 'Company',
    fields: [
      { name: 'companyName', label: 'Company' },
      { name: 'companyDomain', label: 'Company domain', hint: "Empty: taken from the e-mail's domain" },
      { name: 'employeeCount', label: 'Employees' },
      { name: 'annualRevenue', label: 'Annual revenue' },
      { name: 'industry', label: 'Industry' },
      { name: 'country', label: 'Country', hint: 'Two letters, e.g. DE' },
      { name: 'technologies', label: 'Technologies', hint: 'Separated by commas' },
    ],
  },
  {
    legend: 'Source',
    fields: [
      { name: 'source', label: 'Source' },
      { name: 'campaign', label: 'Campaign' },
    ],
  },
];

/**
 * A lead's fields. The API owns the rules: its field problems appear under the field they name, and clear
 * as soon as that field is changed.
 */
@Component({
  selector: 'accord-lead-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      @for (group of groups; track group.legend) {
        <fieldset>
          <legend>{{ group.legend }}</legend>
          <div class="grid">
            @for (field of group.fields; track field.name) {
              <!-- A hint takes the room it needs, rather than overlapping the label of the field below. -->
              <mat-form-field appearance="outline" [subscriptSizing]="field.hint ? 'dynamic' : 'fixed'">
                <mat-label>{{ field.label }}</mat-label>
                @if (field.options; as options) {
                  <select matNativeControl [formControlName]="field.name">
                    @for (option of options; track option.value) {
                      <option [value]="option.value">{{ option.label }}</option>
                    }
                  </select>
                } @else {
                  <input matInput [type]="field.type ?? 'text'" [formControlName]="field.name" />
                }
                @if (field.hint) {
                  <mat-hint>{{ field.hint }}</mat-hint>
                }
                <mat-error>{{ problems()[field.name] ?? 'Enter the e-mail address.' }}</mat-error>
              </mat-form-field>
            }
            @if (group.legend === 'Source') {
              <mat-form-field appearance="outline">
                <mat-label>Owner</mat-label>
                <select matNativeControl formControlName="ownerId">
                  <option value="">Unassigned</option>
                  @for (owner of owners(); track owner.id) {
                    <option [value]="owner.id">{{ owner.name }}</option>
                  }
                </select>
                <mat-error>{{ problems()['ownerId'] }}</mat-error>
              </mat-form-field>
            }
          </div>
        </fieldset>
      }
      <div class="actions">
        <ng-content />
        <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">
          {{ submitLabel() }}
        </button>
      </div>
    </form>
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0 0 8px;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin: 0 0 8px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 4px 12px;
      /* A field sits at its own height: beside a hint that wraps, a field without one is not stretched taller. */
      align-items: start;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class LeadFormComponent {
  readonly value = input<LeadFormValue>(EMPTY_LEAD_FORM);
  /** The API's problems by field, as sentences. */
  readonly problems = input<Partial<Record<LeadFormField, string>>>({});
  readonly owners = input<readonly Owner[]>([]);
  readonly submitLabel = input('Save');
  readonly pending = input(false);
  readonly submitted = output<LeadFormValue>();

  protected readonly groups = GROUPS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    ...EMPTY_LEAD_FORM,
    email: ['', [Validators.required]],
  });

  /** In a dialog scrolled down to its button, the field with a problem may be out of sight: it gets the focus. */
  private readonly focusFirstInvalid = injectFocusFirstInvalid();

  constructor() {
    effect(() => this.form.reset(this.value()));
    // Unsaved: the fields differ from the lead as last read (saving reads it again, which resets them).
    trackUnsavedEdits(() => {
      const typed = this.form.getRawValue();
      const read = this.value();
      return (Object.keys(read) as (keyof LeadFormValue)[]).some((field) => typed[field] !== read[field]);
    });
    effect(() => {
      const problems = this.problems();
      for (const [name, message] of Object.entries(problems)) {
        const control = this.form.get(name);
        control?.setErrors({ api: message });
        control?.markAsTouched();
      }
      if (Object.keys(problems).length > 0) this.focusFirstInvalid();
    });
  }

  protected submit(): void {
    // The button stays focusable while the lead is being saved, so the form can still be submitted.
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    this.submitted.emit(this.form.getRawValue());
  }
}

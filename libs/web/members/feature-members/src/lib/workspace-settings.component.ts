import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { WorkspaceSettingsStore, timeZoneChoices } from '@accord/web/members/data-access';
import { type FieldProblem, PendingCall, type UpdateWorkspaceInput } from '@accord/web/shared/data-access';
import { FormAlertComponent } from '@accord/web/shared/ui';

type SettingsField = 'name' | 'timeZone' | 'currency';

const SETTINGS_FIELDS: readonly SettingsField[] = ['name', 'timeZone', 'currency'];

/** What a field says when it is left wrong before the API is asked. */
const LOCAL_PROBLEMS: Record<SettingsField, string> = {
  name: 'Enter a name for the workspace.',
  timeZone: 'Choose a time zone.',
  currency: 'Three letters (ISO 4217), e.g. EUR.',
};

function isSettingsProblem(problem: FieldProblem): problem is FieldProblem & { field: SettingsField } {
  return (SETTINGS_FIELDS as readonly string[]).includes(problem.field);
}

/**
 * The admin's settings of the workspace: its name, the time zone its periods are cut in, and the currency its
 * amounts are reported in. The API owns the rules: its field problems appear under the field they name, and a
 * refused change of currency (amounts are already in another) in the section's alert.
 */
@Component({
  selector: 'accord-workspace-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [WorkspaceSettingsStore],
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    FormAlertComponent,
  ],
  template: `
    <section class="settings" aria-labelledby="workspace-settings-heading">
      <h2 id="workspace-settings-heading">Workspace</h2>
      <form [formGroup]="form" (ngSubmit)="save()" aria-label="Workspace settings" novalidate>
        <div class="fields">
          <mat-form-field appearance="outline">
            <mat-label>Workspace name</mat-label>
            <input matInput formControlName="name" maxlength="120" required />
            <mat-error>{{ problem('name') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Time zone</mat-label>
            <select matNativeControl formControlName="timeZone" required>
              @for (zone of timeZones(); track zone) {
                <option [value]="zone">{{ zone }}</option>
              }
            </select>
            <mat-hint>Where days, weeks and months begin on the dashboard.</mat-hint>
            <mat-error>{{ problem('timeZone') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="currency">
            <mat-label>Reporting currency</mat-label>
            <input
              matInput
              formControlName="currency"
              maxlength="3"
              autocapitalize="characters"
              spellcheck="false"
              required
            />
            <mat-hint>ISO code of every amount, e.g. EUR.</mat-hint>
            <mat-error>{{ problem('currency') }}</mat-error>
          </mat-form-field>
        </div>
        <accord-form-alert [message]="error()" />
        <div class="actions">
          <p class="status" role="status">{{ done() }}</p>
          <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">
            Save workspace
          </button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .settings {
      margin: 0 0 24px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .fields {
      display: grid;
      grid-template-columns: minmax(200px, 2fr) minmax(200px, 2fr) minmax(200px, 1fr);
      gap: 0 12px;
      /* A field keeps its own height when a neighbour's hint wraps. */
      align-items: start;
    }
    .actions {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: 12px;
      /* The hints take the room they need (dynamic subscripts), so they wrap above the button, not under it. */
      margin-top: 12px;
    }
    .status {
      font: var(--mat-sys-body-medium);
      margin: 0;
    }
    @media (max-width: 959.98px) {
      .fields {
        grid-template-columns: 1fr;
        /* Stacked, a field's floating label rises above its box: room for it under the hint of the one above. */
        row-gap: 16px;
      }
    }
  `,
})
export class WorkspaceSettingsComponent {
  private readonly store = inject(WorkspaceSettingsStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.pattern(/\S/)]],
    timeZone: ['', [Validators.required]],
    currency: ['', [Validators.required, Validators.pattern(/^\s*[A-Za-z]{3}\s*$/)]],
  });
  protected readonly timeZones = computed(() => timeZoneChoices(this.store.workspace()?.timeZone ?? null));
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly done = signal('');

  constructor() {
    // The form shows what the session holds: at first, and again once a change is saved (trimmed, upper-cased).
    effect(() => {
      const workspace = this.store.workspace();
      if (workspace !== null)
        this.form.reset({ name: workspace.name, timeZone: workspace.timeZone, currency: workspace.currency });
    });
  }

  protected problem(field: SettingsField): string {
    const api: unknown = this.form.controls[field].errors?.['api'];
    return typeof api === 'string' ? api : LOCAL_PROBLEMS[field];
  }

  protected async save(): Promise<void> {
    // Save stays focusable while the change is on its way (disabledInteractive): Enter then does nothing.
    if (this.pending()) return;
    this.done.set('');
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const input = this.changes();
    if (Object.keys(input).length === 0) {
      this.done.set('Nothing to save: the workspace already has these settings.');
      return;
    }
    const result = await this.call.run(() => this.store.save(input));
    if (result.ok) {
      this.done.set('Workspace saved.');
      return;
    }
    this.showProblems(result.error.fields);
  }

  /** Whether the fields hold a change not saved yet (the page asks before it is left with one). */
  hasUnsavedChanges(): boolean {
    return Object.keys(this.changes()).length > 0;
  }

  /** Only what the admin changed: an omitted field stays as it is, whoever else changed it meanwhile. */
  private changes(): UpdateWorkspaceInput {
    const saved = this.store.workspace();
    const value = this.form.getRawValue();
    const name = value.name.trim();
    const currency = value.currency.trim().toUpperCase();
    return {
      ...(name !== saved?.name ? { name } : {}),
      ...(value.timeZone !== saved?.timeZone ? { timeZone: value.timeZone } : {}),
      ...(currency !== saved?.currency ? { currency } : {}),
    };
  }

  /** The API's problems under the fields they name, as it worded them; each clears once its field changes. */
  private showProblems(fields: readonly FieldProblem[]): void {
    const named = fields.filter(isSettingsProblem);
    for (const problem of named) {
      const control = this.form.controls[problem.field];
      control.setErrors({ api: problem.message });
      control.markAsTouched();
    }
    // Field problems are shown beside their fields; the alert says what to do about them.
    if (named.length > 0) this.error.set('Some fields need a change: see below.');
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { ACTIVITY_SIGNAL_TYPES, STANDARD_SIGNAL_TYPES } from '@accord/domain/agreement';
import { LeadDetailStore, typeLabel } from '@accord/web/leads/data-access';
import { wallMinute, zonedInstant } from '@accord/web/pipeline/data-access';
import { type ApiError, CLOCK, PendingCall, sentence } from '@accord/web/shared/data-access';
import { FormAlertComponent, IssueDirective } from '@accord/web/shared/ui';

/** The form's fields by the API's names for them, and the labels they have here. */
const FIELD_LABELS = { type: 'Signal type', occurredAt: 'When', source: 'Source' } as const;
type SignalField = keyof typeof FIELD_LABELS;

function isSignalField(field: string): field is SignalField {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, field);
}

/**
 * A refusal in the form's words: each problem after the label of the field it names ("When must not be …"), not
 * the API's name for it ("occurredAt: must not be …"); one of no field here, as the API wrote it.
 */
function refusal(error: ApiError): string {
  if (error.fields.length === 0) return error.message;
  const problems = error.fields.map((problem) =>
    isSignalField(problem.field) ? `${FIELD_LABELS[problem.field]} ${problem.message}` : problem.message,
  );
  return `The signal was refused: ${problems.join('; ')}.`;
}

/**
 * Records one signal for the lead by hand; the lead is rescored and the page shows the result. "When" is a time on
 * the workspace's wall clock, which it names (a member's browser may be elsewhere), and starts at now. The API owns
 * the rules: its problems show under the fields they name, each until that field changes.
 */
@Component({
  selector: 'accord-record-signal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    FormAlertComponent,
    IssueDirective,
  ],
  template: `
    <form class="record" aria-label="Record signal" (submit)="$event.preventDefault(); record()" novalidate>
      <!-- Dynamic subscripts: a problem on two lines pushes the alert down instead of running over it. -->
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Signal type</mat-label>
        <select
          matNativeControl
          [value]="type()"
          (change)="type.set(value($event)); forget('type')"
          [accordIssue]="problems().type ?? null"
        >
          @for (option of types(); track option) {
            <option [value]="option">{{ label(option) }}</option>
          }
        </select>
        <mat-error>{{ problems().type }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="when">
        <mat-label>When</mat-label>
        <input
          matInput
          type="datetime-local"
          [value]="when()"
          (change)="when.set(value($event)); forget('occurredAt')"
          [accordIssue]="problems().occurredAt ?? null"
        />
        <mat-hint>Time in {{ timeZone() }}</mat-hint>
        <mat-error>{{ problems().occurredAt }}</mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Source (optional)</mat-label>
        <input
          matInput
          [value]="source()"
          (change)="source.set(value($event)); forget('source')"
          [accordIssue]="problems().source ?? null"
        />
        <mat-error>{{ problems().source }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">Record signal</button>
    </form>
    <accord-form-alert [message]="error()" />
    <p class="status" role="status">{{ recorded() }}</p>
  `,
  styles: `
    .record {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: baseline;
    }
    /* Room for a date, a time and its AM/PM as browsers write them. */
    .when {
      min-width: 16rem;
    }
    .status {
      font: var(--mat-sys-body-small);
      min-height: 1.5em;
      margin: 0;
    }
  `,
})
export class RecordSignalComponent {
  private readonly store = inject(LeadDetailStore);
  private readonly clock = inject(CLOCK);

  /** Types the version in force scores for this workspace, beyond the standard ones. */
  readonly scoredTypes = input<readonly string[]>([]);
  /** The workspace's IANA time zone, in which "When" is read. */
  readonly timeZone = input('UTC');

  protected readonly types = computed(() => [
    ...new Set([...STANDARD_SIGNAL_TYPES, ...this.scoredTypes(), ...ACTIVITY_SIGNAL_TYPES]),
  ]);
  protected readonly type = signal<string>(STANDARD_SIGNAL_TYPES[0]);
  // Now on the workspace's clock; a zone that arrives later (the session's) moves it, an edit replaces it.
  protected readonly when = linkedSignal(() => wallMinute(this.clock(), this.timeZone()));
  protected readonly source = signal('');
  protected readonly recorded = signal('');
  /** The API's problems with the fields, as sentences under them. */
  protected readonly problems = signal<Partial<Record<SignalField, string>>>({});
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly label = typeLabel;

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  /** A field changed: the problem the API had with it no longer holds. */
  protected forget(field: SignalField): void {
    this.problems.update((problems) => {
      const rest = { ...problems };
      delete rest[field];
      return rest;
    });
  }

  protected async record(): Promise<void> {
    // The button stays focusable while a signal is being recorded, so the form can still be submitted.
    if (this.pending()) return;
    this.recorded.set('');
    const occurredAt = zonedInstant(this.when(), this.timeZone());
    if (occurredAt === null) {
      this.error.set('Enter when the signal happened.');
      return;
    }
    const type = this.type();
    this.problems.set({});
    const result = await this.call.run(() =>
      this.store.recordSignal({ type, occurredAt, source: this.source().trim() || null }),
    );
    if (result.ok) {
      this.recorded.set(`${typeLabel(type)} recorded.`);
      return;
    }
    this.showProblems(result.error);
  }

  /** Each problem under the field it names (the first, if several name one), and the whole refusal in the alert. */
  private showProblems(error: ApiError): void {
    const byField: Partial<Record<SignalField, string>> = {};
    for (const problem of error.fields)
      if (isSignalField(problem.field)) byField[problem.field] ??= sentence(problem.message);
    this.problems.set(byField);
    this.error.set(refusal(error));
  }
}

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
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { ACTIVITY_SIGNAL_TYPES, STANDARD_SIGNAL_TYPES } from '@accord/domain/agreement';
import { LeadDetailStore, typeLabel } from '@accord/web/leads/data-access';
import { wallMinute, zonedInstant } from '@accord/web/pipeline/data-access';
import { CLOCK, PendingCall } from '@accord/web/shared/data-access';
import { FormAlertComponent } from '@accord/web/shared/ui';

/**
 * Records one signal for the lead by hand; the lead is rescored and the page shows the result. "When" is a time on
 * the workspace's wall clock, which it names (a member's browser may be elsewhere), and starts at now.
 */
@Component({
  selector: 'accord-record-signal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatFormField, MatHint, MatInput, MatLabel, FormAlertComponent],
  template: `
    <form class="record" aria-label="Record signal" (submit)="$event.preventDefault(); record()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>Signal type</mat-label>
        <select matNativeControl [value]="type()" (change)="type.set(value($event))">
          @for (option of types(); track option) {
            <option [value]="option">{{ label(option) }}</option>
          }
        </select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>When</mat-label>
        <input matInput type="datetime-local" [value]="when()" (change)="when.set(value($event))" />
        <mat-hint>Time in {{ timeZone() }}</mat-hint>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Source (optional)</mat-label>
        <input matInput [value]="source()" (change)="source.set(value($event))" />
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
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly label = typeLabel;

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
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
    const result = await this.call.run(() =>
      this.store.recordSignal({ type, occurredAt, source: this.source().trim() || null }),
    );
    if (result.ok) this.recorded.set(`${typeLabel(type)} recorded.`);
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { type OwnerChoice, parseAmount } from '@accord/web/pipeline/data-access';
import { injectFocusFirstInvalid } from '@accord/web/shared/ui';

import { OwnerFieldComponent } from '../owner-field.component';

/** An opportunity to open: its amount (pipeline sourced), currency and optional name. */
export interface OpportunityOpening {
  amount: number;
  currency: string;
  name: string | null;
  /** Whom a manager opens it for; null: the member who opens it. */
  ownerId: string | null;
}

/** Opens an opportunity on an accepted lead, in the workspace's reporting currency unless told otherwise. */
@Component({
  selector: 'accord-open-opportunity-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatFormField, MatHint, MatInput, MatLabel, OwnerFieldComponent, ReactiveFormsModule],
  template: `
    <form
      class="open"
      aria-label="Open opportunity"
      (submit)="$event.preventDefault(); submit()"
      (input)="edited.emit()"
      (change)="edited.emit()"
      novalidate
    >
      <mat-form-field appearance="outline">
        <mat-label>Amount</mat-label>
        <input
          matInput
          inputmode="decimal"
          [formControl]="amount"
          [attr.aria-describedby]="problem() ? 'open-opportunity-problem' : null"
        />
      </mat-form-field>
      <mat-form-field appearance="outline" class="currency">
        <mat-label>Currency</mat-label>
        <input
          matInput
          maxlength="3"
          [value]="currency()"
          [attr.aria-invalid]="currencyProblem() ? true : null"
          [attr.aria-describedby]="currencyProblem() ? 'open-opportunity-problem' : null"
          (change)="currency.set(value($event))"
        />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Name (optional)</mat-label>
        <input matInput maxlength="200" [value]="name()" (input)="name.set(value($event))" />
        <!-- Counted as typed: a pasted text longer than the field holds is cut, which the count shows. -->
        <mat-hint align="end">{{ name().length }} / 200</mat-hint>
      </mat-form-field>
      @if (owners(); as choices) {
        <accord-owner-field [choices]="choices" [(value)]="owner" />
      }
      <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">
        Open opportunity
      </button>
    </form>
    @if (shownProblem(); as text) {
      <p class="problem" id="open-opportunity-problem" role="alert">{{ text }}</p>
    }
  `,
  styles: `
    .open {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: baseline;
    }
    .currency {
      width: 110px;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class OpenOpportunityFormComponent {
  readonly pending = input(false);
  /** The workspace's reporting currency, which the API requires: the form starts with it. */
  readonly defaultCurrency = input('USD');
  /** The API's word on the currency (the workspace reports in another), shown where the form's problems are. */
  readonly currencyProblem = input<string | null>(null);
  /** The members a manager may open it for (null: the member opens it for themself), and the one named first. */
  readonly owners = input<readonly OwnerChoice[] | null>(null);
  readonly initialOwner = input<string | null>(null);
  readonly opened = output<OpportunityOpening>();
  /** A field changed, or the form refused its own input: the API's last refusal no longer applies. */
  readonly edited = output<void>();

  /** A control of its own, so that an amount the form refuses is marked (red, `aria-invalid`) until it is edited. */
  protected readonly amount = new FormControl('', { nonNullable: true });
  protected readonly currency = linkedSignal(() => this.defaultCurrency());
  protected readonly name = signal('');
  protected readonly owner = linkedSignal(() => this.initialOwner());
  protected readonly problem = signal<string | null>(null);
  private readonly focusFirstInvalid = injectFocusFirstInvalid();
  protected readonly shownProblem = computed(() => {
    const currency = this.currencyProblem();
    return this.problem() ?? (currency === null ? null : `Currency: ${currency}`);
  });

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(): void {
    // The button stays focusable while the opening is pending, so the form can still be submitted.
    if (this.pending()) return;
    const parsed = parseAmount(this.amount.value);
    if (!parsed.ok) {
      this.problem.set(parsed.message);
      this.amount.setErrors({ amount: parsed.message });
      this.amount.markAsTouched();
      this.focusFirstInvalid();
      this.edited.emit();
      return;
    }
    this.problem.set(null);
    this.opened.emit({
      amount: parsed.amount,
      currency: this.currency().trim().toUpperCase() || this.defaultCurrency(),
      name: this.name().trim() || null,
      ownerId: this.owners() ? this.owner() : null,
    });
  }
}

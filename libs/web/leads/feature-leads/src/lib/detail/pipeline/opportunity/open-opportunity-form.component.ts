import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { parseAmount } from '@accord/web/pipeline/data-access';

/** An opportunity to open: its amount (pipeline sourced), currency and optional name. */
export interface OpportunityOpening {
  amount: number;
  currency: string;
  name: string | null;
}

/** Opens an opportunity on an accepted lead. */
@Component({
  selector: 'accord-open-opportunity-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatFormField, MatInput, MatLabel],
  template: `
    <form class="open" aria-label="Open opportunity" (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-form-field appearance="outline">
        <mat-label>Amount</mat-label>
        <input matInput inputmode="decimal" [value]="amount()" (change)="amount.set(value($event))" />
      </mat-form-field>
      <mat-form-field appearance="outline" class="currency">
        <mat-label>Currency</mat-label>
        <input matInput maxlength="3" [value]="currency()" (change)="currency.set(value($event))" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Name (optional)</mat-label>
        <input matInput maxlength="200" [value]="name()" (change)="name.set(value($event))" />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="pending()">Open opportunity</button>
    </form>
    @if (problem()) {
      <p class="problem" role="alert">{{ problem() }}</p>
    }
  `,
  styles: `
    .open {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
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
  readonly opened = output<OpportunityOpening>();

  protected readonly amount = signal('');
  protected readonly currency = signal('USD');
  protected readonly name = signal('');
  protected readonly problem = signal<string | null>(null);

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(): void {
    const parsed = parseAmount(this.amount());
    if (!parsed.ok) {
      this.problem.set(parsed.message);
      return;
    }
    this.problem.set(null);
    this.opened.emit({
      amount: parsed.amount,
      currency: this.currency().trim().toUpperCase() || 'USD',
      name: this.name().trim() || null,
    });
  }
}

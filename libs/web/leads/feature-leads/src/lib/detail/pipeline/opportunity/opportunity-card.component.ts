import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import type { OpportunityStage } from '@accord/domain/pipeline';
import {
  OPPORTUNITY_STAGE_LABELS,
  type Opportunity,
  formatAmount,
  nextOpenStages,
  parseAmount,
  todayIso,
} from '@accord/web/pipeline/data-access';

/** Closing an opportunity: won or lost, the day, and for a loss why. */
export interface OpportunityClosing {
  stage: 'WON' | 'LOST';
  closeDate: string;
  lostReason: string | null;
}

/** One opportunity: its stage, amount and history; moving, re-pricing and closing it for those who may write. */
@Component({
  selector: 'accord-opportunity-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButton, MatFormField, MatInput, MatLabel],
  template: `
    @let item = opportunity();
    <dl class="facts" aria-label="Opportunity">
      <div>
        <dt>Stage</dt>
        <dd>{{ labels[item.stage] }}</dd>
      </div>
      <div>
        <dt>Amount</dt>
        <dd>{{ money(item.amount) }}</dd>
      </div>
      <div>
        <dt>Owner</dt>
        <dd>{{ item.ownerName ?? 'Another member' }}</dd>
      </div>
      <div>
        <dt>Opened</dt>
        <dd>{{ item.openedAt | date: 'd MMM y' : 'UTC' }}</dd>
      </div>
      @if (item.closeDate) {
        <div>
          <dt>Closed on</dt>
          <!-- A calendar day: the pipe reads "2026-11-27" as that day in the browser's calendar. -->
          <dd>{{ item.closeDate | date: 'd MMM y' }}</dd>
        </div>
      }
      @if (item.lostReason) {
        <div>
          <dt>Lost because</dt>
          <dd>{{ item.lostReason }}</dd>
        </div>
      }
    </dl>

    @if (canWrite() && isOpen()) {
      <div class="controls">
        @if (nextStages().length > 0) {
          <form class="row" aria-label="Move stage" (submit)="$event.preventDefault(); moveTo()" novalidate>
            <mat-form-field appearance="outline">
              <mat-label>Next stage</mat-label>
              <select matNativeControl [value]="nextStage()" (change)="chosenStage.set(stageOf($event))">
                @for (stage of nextStages(); track stage) {
                  <option [value]="stage">{{ labels[stage] }}</option>
                }
              </select>
            </mat-form-field>
            <button mat-stroked-button type="submit" disabledInteractive [disabled]="pending()">
              Move stage
            </button>
          </form>
        }
        <form class="row" aria-label="Change amount" (submit)="$event.preventDefault(); reprice()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>New amount</mat-label>
            <input matInput inputmode="decimal" [value]="amount()" (change)="amount.set(text($event))" />
          </mat-form-field>
          <button mat-stroked-button type="submit" disabledInteractive [disabled]="pending()">
            Save amount
          </button>
        </form>
        <form
          class="row"
          aria-label="Close opportunity"
          (submit)="$event.preventDefault(); closeIt()"
          novalidate
        >
          <mat-form-field appearance="outline">
            <mat-label>Outcome</mat-label>
            <select matNativeControl [value]="outcome()" (change)="outcome.set(outcomeOf($event))">
              <option value="WON">Won</option>
              <option value="LOST">Lost</option>
            </select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Close date</mat-label>
            <input matInput type="date" [value]="closeDate()" (change)="chosenDate.set(text($event))" />
          </mat-form-field>
          @if (outcome() === 'LOST') {
            <mat-form-field appearance="outline" class="reason">
              <mat-label>Lost reason</mat-label>
              <input
                matInput
                maxlength="500"
                [value]="lostReason()"
                (change)="lostReason.set(text($event))"
              />
            </mat-form-field>
          }
          <button mat-flat-button type="submit" disabledInteractive [disabled]="pending()">
            Close opportunity
          </button>
        </form>
        @if (problem()) {
          <p class="problem" role="alert">{{ problem() }}</p>
        }
      </div>
    }

    <table class="history">
      <caption class="visually-hidden">
        Opportunity history
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Change</th>
          <th scope="col">Amount</th>
          <th scope="col">By</th>
          <th scope="col">Version</th>
        </tr>
      </thead>
      <tbody>
        @for (change of history(); track $index) {
          <tr>
            <td>{{ change.at | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</td>
            <td>{{ describe(change.fromStage, change.toStage) }}</td>
            <td>{{ money(change.amount) }}</td>
            <td>{{ change.actorName ?? '—' }}</td>
            <td>{{ change.versionNumber === null ? '—' : 'v' + change.versionNumber }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
      gap: 8px 16px;
      margin: 0 0 8px;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: baseline;
    }
    .reason {
      flex: 1 1 240px;
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 0;
    }
    .history {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 6px 12px 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      font: var(--mat-sys-label-large);
    }
  `,
})
export class OpportunityCardComponent {
  readonly opportunity = input.required<Opportunity>();
  readonly canWrite = input(false);
  readonly pending = input(false);
  /** Today, for the close date's default; the page's clock. */
  readonly today = input(todayIso(new Date()));
  readonly moved = output<OpportunityStage>();
  readonly repriced = output<number>();
  readonly closed = output<OpportunityClosing>();

  protected readonly labels = OPPORTUNITY_STAGE_LABELS;
  protected readonly isOpen = computed(() => !['WON', 'LOST'].includes(this.opportunity().stage));
  protected readonly nextStages = computed(() => nextOpenStages(this.opportunity().stage));
  protected readonly history = computed(() => [...this.opportunity().transitions].reverse());
  protected readonly chosenStage = signal<OpportunityStage | null>(null);
  protected readonly nextStage = computed(() => {
    const chosen = this.chosenStage();
    return chosen && this.nextStages().includes(chosen) ? chosen : (this.nextStages()[0] ?? null);
  });
  protected readonly amount = signal('');
  protected readonly outcome = signal<'WON' | 'LOST'>('WON');
  protected readonly chosenDate = signal<string | null>(null);
  protected readonly closeDate = computed(() => this.chosenDate() ?? this.today());
  protected readonly lostReason = signal('');
  protected readonly problem = signal<string | null>(null);

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected stageOf(event: Event): OpportunityStage {
    return (event.target as HTMLSelectElement).value as OpportunityStage;
  }

  protected outcomeOf(event: Event): 'WON' | 'LOST' {
    return (event.target as HTMLSelectElement).value === 'LOST' ? 'LOST' : 'WON';
  }

  protected money(amount: number): string {
    return formatAmount(amount, this.opportunity().currency);
  }

  protected describe(from: OpportunityStage | null, to: OpportunityStage): string {
    if (from === null) return `Opened in ${this.labels[to]}`;
    if (from === to) return 'Amount changed';
    return `${this.labels[from]} → ${this.labels[to]}`;
  }

  // While a change is pending the buttons stay focusable (disabledInteractive): their forms ignore submits.
  protected moveTo(): void {
    if (this.pending()) return;
    const stage = this.nextStage();
    if (stage) this.moved.emit(stage);
  }

  protected reprice(): void {
    if (this.pending()) return;
    const parsed = parseAmount(this.amount());
    if (!parsed.ok) {
      this.problem.set(parsed.message);
      return;
    }
    this.problem.set(null);
    this.repriced.emit(parsed.amount);
  }

  protected closeIt(): void {
    if (this.pending()) return;
    const reason = this.lostReason().trim();
    if (this.outcome() === 'LOST' && reason === '') {
      this.problem.set('Say why the opportunity was lost.');
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.closeDate())) {
      this.problem.set('Enter the close date.');
      return;
    }
    this.problem.set(null);
    this.closed.emit({
      stage: this.outcome(),
      closeDate: this.closeDate(),
      lostReason: this.outcome() === 'LOST' ? reason : null,
    });
  }
}

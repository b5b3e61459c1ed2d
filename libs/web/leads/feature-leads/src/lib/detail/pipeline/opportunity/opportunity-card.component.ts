import { DatePipe, formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { type OpportunityStage, calendarDateIn } from '@accord/domain/pipeline';
import {
  OPPORTUNITY_STAGE_LABELS,
  type Opportunity,
  formatAmount,
  nextOpenStages,
  parseAmount,
  todayIso,
  zonedMinute,
} from '@accord/web/pipeline/data-access';
import { CLOCK } from '@accord/web/shared/data-access';
import { injectFocusFirstInvalid } from '@accord/web/shared/ui';

/** Closing an opportunity: won or lost, the day, and for a loss why. */
export interface OpportunityClosing {
  stage: 'WON' | 'LOST';
  closeDate: string;
  lostReason: string | null;
}

/**
 * One opportunity: its stage, amount and history; moving, re-pricing and closing it for those who may write.
 * Days and times are the workspace's: a close date runs from the day it opened to today, in its time zone.
 */
@Component({
  selector: 'accord-opportunity-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButton, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule],
  template: `
    @let item = opportunity();
    <dl class="facts" aria-label="Opportunity">
      @if (item.name) {
        <div>
          <dt>Name</dt>
          <dd>{{ item.name }}</dd>
        </div>
      }
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
        <!-- A calendar day: the pipe reads "2026-11-20" as that day in the browser's calendar. -->
        <dd>{{ openedDay() | date: 'd MMM y' }}</dd>
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
          <form
            class="row"
            aria-label="Move stage"
            (submit)="$event.preventDefault(); moveTo()"
            (change)="edited.emit()"
            novalidate
          >
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
        <form
          class="row"
          aria-label="Change amount"
          (submit)="$event.preventDefault(); reprice()"
          (input)="edited.emit()"
          (change)="edited.emit()"
          novalidate
        >
          <mat-form-field appearance="outline">
            <mat-label>New amount</mat-label>
            <input matInput inputmode="decimal" [formControl]="amount" />
          </mat-form-field>
          <button mat-stroked-button type="submit" disabledInteractive [disabled]="pending()">
            Save amount
          </button>
        </form>
        <form
          class="row"
          aria-label="Close opportunity"
          (submit)="$event.preventDefault(); closeIt()"
          (focusin)="readClock()"
          (input)="edited.emit()"
          (change)="edited.emit()"
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
            <input
              matInput
              type="date"
              [min]="openedDay()"
              [max]="today()"
              [value]="closeDate()"
              (change)="chosenDate.set(text($event))"
            />
          </mat-form-field>
          @if (outcome() === 'LOST') {
            <mat-form-field appearance="outline" class="reason">
              <mat-label>Lost reason</mat-label>
              <input
                matInput
                maxlength="500"
                [value]="lostReason()"
                (input)="lostReason.set(text($event))"
              />
              <!-- Counted as typed: a pasted text longer than the field holds is cut, which the count shows. -->
              <mat-hint align="end">{{ lostReason().length }} / 500</mat-hint>
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
          <th scope="col">When ({{ timeZone() }})</th>
          <th scope="col">Change</th>
          <th scope="col">Amount</th>
          <th scope="col">By</th>
          <th scope="col">Version</th>
        </tr>
      </thead>
      <tbody>
        @for (change of history(); track $index) {
          <tr>
            <td>{{ time(change.at) }}</td>
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
    /* Each form on its own line, with room between them: on a phone a wrapped button would touch the next label. */
    .controls {
      display: flex;
      flex-direction: column;
      gap: 16px;
      margin-bottom: 16px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
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
  /** The workspace's IANA time zone: the API checks a close date by its calendar. */
  readonly timeZone = input('UTC');
  readonly moved = output<OpportunityStage>();
  readonly repriced = output<number>();
  readonly closed = output<OpportunityClosing>();
  /** A field changed, or a form refused its own input: the API's last refusal no longer applies. */
  readonly edited = output<void>();

  private readonly clock = inject(CLOCK);
  // Read again whenever the close form is used, so a page left open past midnight does not offer yesterday.
  private readonly now = signal(this.clock());
  private readonly focusFirstInvalid = injectFocusFirstInvalid();
  protected readonly today = computed(() => todayIso(this.now(), this.timeZone()));
  protected readonly openedDay = computed(() =>
    calendarDateIn(new Date(this.opportunity().openedAt), this.timeZone()),
  );

  protected readonly labels = OPPORTUNITY_STAGE_LABELS;
  protected readonly isOpen = computed(() => !['WON', 'LOST'].includes(this.opportunity().stage));
  protected readonly nextStages = computed(() => nextOpenStages(this.opportunity().stage));
  protected readonly history = computed(() => [...this.opportunity().transitions].reverse());
  protected readonly chosenStage = signal<OpportunityStage | null>(null);
  protected readonly nextStage = computed(() => {
    const chosen = this.chosenStage();
    return chosen && this.nextStages().includes(chosen) ? chosen : (this.nextStages()[0] ?? null);
  });
  /** A control of its own, so that an amount the form refuses is marked (red, `aria-invalid`) until it is edited. */
  protected readonly amount = new FormControl('', { nonNullable: true });
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

  protected readClock(): void {
    this.now.set(this.clock());
  }

  protected time(iso: string): string {
    return zonedMinute(iso, this.timeZone());
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
    const parsed = parseAmount(this.amount.value);
    if (!parsed.ok) {
      this.amount.setErrors({ amount: parsed.message });
      this.amount.markAsTouched();
      this.focusFirstInvalid();
      this.refuse(parsed.message);
      return;
    }
    this.problem.set(null);
    this.repriced.emit(parsed.amount);
  }

  protected closeIt(): void {
    if (this.pending()) return;
    this.readClock();
    const problem = this.closingProblem();
    if (problem !== null) {
      this.refuse(problem);
      return;
    }
    this.problem.set(null);
    this.closed.emit({
      stage: this.outcome(),
      closeDate: this.closeDate(),
      lostReason: this.outcome() === 'LOST' ? this.lostReason().trim() : null,
    });
  }

  /** What stops the close form from being sent, as the API would say it, or null. */
  private closingProblem(): string | null {
    if (this.outcome() === 'LOST' && this.lostReason().trim() === '')
      return 'Say why the opportunity was lost.';
    const closeDate = this.closeDate();
    // ISO days compare as strings.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closeDate)) return 'Enter the close date.';
    if (closeDate < this.openedDay()) {
      return `The close date cannot be before the opportunity opened (${this.day(this.openedDay())}).`;
    }
    if (closeDate > this.today()) {
      return `The close date cannot be after today (${this.day(this.today())} in ${this.timeZone()}).`;
    }
    return null;
  }

  private day(date: string): string {
    return formatDate(date, 'd MMM y', 'en-US');
  }

  private refuse(problem: string): void {
    this.problem.set(problem);
    this.edited.emit();
  }
}

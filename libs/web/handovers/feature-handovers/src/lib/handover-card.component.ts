import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';

import {
  type Handover,
  type RejectionReason,
  type SalesMember,
  decisionLabel,
  handoverLeadName,
  recentSignalLabel,
  roleAtCompany,
  undecidedTiming,
} from '@accord/web/handovers/data-access';
import { TEMPERATURE_LABELS, wholeScore } from '@accord/web/leads/data-access';

import { RejectFormComponent, Rejection } from './reject-form.component';

/** Where each key that moves between rows goes: the next or previous row, or the first or last. */
const ROW_KEYS: Readonly<Record<string, number | 'FIRST' | 'LAST'>> = {
  ArrowDown: 1,
  ArrowUp: -1,
  Home: 'FIRST',
  End: 'LAST',
};

/**
 * One handover of the queue: who, how good and how hot, why, recent signals, owner and the SLA countdown, with
 * Accept, Reject and (for managers) Reassign to a chosen member. The row itself is focusable: A accepts, R opens the rejection.
 */
@Component({
  selector: 'accord-handover-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, RouterLink, RejectFormComponent],
  host: {
    role: 'listitem',
    tabindex: '0',
    '[attr.aria-label]': 'label()',
    '[attr.data-handover-id]': 'handover().id',
    '(keydown)': 'onKey($event)',
  },
  template: `
    @let h = handover();
    <div class="top">
      <div class="who">
        <a class="name" [routerLink]="['/leads', h.lead.id]">{{ name() }}</a>
        @if (role(); as role) {
          <span class="role">{{ role }}</span>
        }
      </div>
      @if (decided()) {
        <span class="decision" [class.late]="h.withinSla === false">{{ decision() }}</span>
      } @else {
        <span class="sla" [class.urgent]="sla().urgent">{{ sla().text }}</span>
      }
    </div>
    <div class="facts">
      <span class="badge grade" [attr.aria-label]="'Grade ' + h.grade">Grade {{ h.grade }}</span>
      <span class="badge" [class]="'temp-' + h.temperature.toLowerCase()">{{ temperature() }}</span>
      <span>Fit {{ score(h.fitScore) }} · Intent {{ score(h.intentScore) }}</span>
      <span class="owner">Owner: {{ h.owner?.name ?? 'Unassigned' }}</span>
    </div>
    <p
      class="why"
      title="Fit points are the agreement's, scaled so that the best possible lead scores 100; the lead page shows the agreement's own."
    >
      {{ h.explanation }}
    </p>
    @if (decided() && h.note) {
      <p class="note">Note: “{{ h.note }}”</p>
    }
    @if (signals().length > 0) {
      <ul class="signals" aria-label="Recent signals">
        @for (signal of signals(); track signal) {
          <li>{{ signal }}</li>
        }
      </ul>
    }
    @if (!decided()) {
      <div class="actions">
        <button
          mat-flat-button
          type="button"
          [attr.aria-label]="'Accept ' + name()"
          disabledInteractive
          [disabled]="pending()"
          (click)="pending() || accepted.emit()"
        >
          Accept
        </button>
        <button
          mat-stroked-button
          type="button"
          [attr.aria-label]="'Reject ' + name()"
          [attr.aria-expanded]="rejecting()"
          disabledInteractive
          [disabled]="pending()"
          (click)="pending() || rejectOpened.emit()"
        >
          Reject
        </button>
        @if (manager()) {
          <div class="reassign">
            <label>
              <span>Reassign to</span>
              <select
                #choice
                [attr.aria-label]="'Reassign ' + name() + ' to'"
                [disabled]="pending()"
                (change)="reassignChoice.set(choice.value)"
              >
                <option value="" selected>Choose a member…</option>
                @for (member of candidates(); track member.id) {
                  @if (member.id !== h.owner?.id) {
                    <option [value]="member.id">{{ member.name }}</option>
                  }
                }
              </select>
            </label>
            <button
              mat-stroked-button
              type="button"
              [attr.aria-label]="'Reassign ' + name()"
              disabledInteractive
              [disabled]="pending() || reassignChoice() === ''"
              (click)="reassign(choice)"
            >
              Reassign
            </button>
          </div>
        }
      </div>
      @if (rejecting()) {
        <accord-reject-form
          [handoverId]="h.id"
          [leadName]="name()"
          [reasons]="reasons()"
          [pending]="pending()"
          (rejected)="rejected.emit($event)"
          (cancelled)="cancel()"
        />
      }
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface);
    }
    :host(:focus-visible),
    :host(:focus-within) {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .top {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      flex-wrap: wrap;
      gap: 4px 16px;
    }
    .name {
      font: var(--mat-sys-title-medium);
    }
    .role,
    .owner,
    .decision {
      color: var(--mat-sys-on-surface-variant);
    }
    .role {
      margin-left: 8px;
    }
    .sla {
      font: var(--mat-sys-label-large);
    }
    .sla.urgent {
      color: var(--mat-sys-error);
      font-weight: 700;
    }
    /* Decided after the SLA: told apart from the decisions within it at a glance. */
    .decision.late {
      color: var(--mat-sys-error);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .badge {
      padding: 2px 8px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .temp-hot {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .temp-warm {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .temp-cold {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .why,
    .note {
      margin: 8px 0 0;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
      /* A pasted link or a long word wraps inside the card. */
      overflow-wrap: anywhere;
    }
    .signals {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      margin: 4px 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 12px 0 0;
    }
    .reassign {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-left: auto;
    }
    .reassign label {
      display: flex;
      align-items: center;
      gap: 8px;
      font: var(--mat-sys-label-medium);
    }
    /* A native select on purpose (see reassignChoice), drawn as the page's outlined fields are. */
    .reassign select {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-surface);
      min-height: 40px;
      padding: 6px 10px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
    }
    .reassign select:hover:not(:disabled) {
      border-color: var(--mat-sys-on-surface);
    }
    .reassign select:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
  `,
})
export class HandoverCardComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly handover = input.required<Handover>();
  /** The reasons its version allows. */
  readonly reasons = input<readonly RejectionReason[]>([]);
  /** The time the countdown counts from; the page moves it on every minute. */
  readonly now = input.required<Date>();
  /** The workspace's IANA time zone, in which the signals' and decision's times read; the page names it. */
  readonly timeZone = input('UTC');
  readonly manager = input(false);
  readonly candidates = input<readonly SalesMember[]>([]);
  readonly rejecting = input(false);
  readonly pending = input(false);
  readonly accepted = output<void>();
  readonly rejectOpened = output<void>();
  readonly rejectClosed = output<void>();
  readonly rejected = output<Rejection>();
  readonly reassigned = output<string>();

  protected readonly score = wholeScore;
  protected readonly name = computed(() => handoverLeadName(this.handover().lead));
  protected readonly role = computed(() => roleAtCompany(this.handover().lead));
  protected readonly temperature = computed(() => TEMPERATURE_LABELS[this.handover().temperature]);
  protected readonly signals = computed(() =>
    this.handover().lead.recentSignals.map((signal) => recentSignalLabel(signal, this.timeZone())),
  );
  protected readonly decided = computed(() => this.handover().decidedAt !== null);
  protected readonly decision = computed(() => decisionLabel(this.handover(), this.timeZone()));
  protected readonly sla = computed(() => undecidedTiming(this.handover(), this.now()));
  protected readonly label = computed(() =>
    [this.name(), this.role(), this.decided() ? this.decision() : this.sla().text].filter(Boolean).join(', '),
  );

  protected onKey(event: KeyboardEvent): void {
    // Only on the row itself: keys typed into the note or a select stay there.
    if (event.target !== this.host.nativeElement) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const step = ROW_KEYS[event.key];
    if (step !== undefined) {
      event.preventDefault();
      this.focusRow(step);
      return;
    }
    if (this.decided() || this.pending()) return;
    const key = event.key.toLowerCase();
    if (key === 'a') {
      event.preventDefault();
      this.accepted.emit();
    } else if (key === 'r') {
      event.preventDefault();
      this.rejectOpened.emit();
    }
  }

  /**
   * The arrow keys go from row to row, one stop each, where Tab walks through every control of a row; Home and End
   * to the first and last row.
   */
  private focusRow(step: number | 'FIRST' | 'LAST'): void {
    const host = this.host.nativeElement;
    const rows = Array.from(host.parentElement?.querySelectorAll<HTMLElement>('accord-handover-card') ?? []);
    const index = step === 'FIRST' ? 0 : step === 'LAST' ? rows.length - 1 : rows.indexOf(host) + step;
    rows[index]?.focus();
  }

  /**
   * The member picked to take the handover over. Picking only chooses — the Reassign button gives it away — because a
   * select changes on every arrow key: looking through the names from the keyboard must not hand the lead around.
   */
  protected readonly reassignChoice = signal('');

  protected reassign(choice: HTMLSelectElement): void {
    const ownerId = this.reassignChoice();
    if (ownerId === '' || this.pending()) return;
    this.reassigned.emit(ownerId);
    choice.value = '';
    this.reassignChoice.set('');
  }

  protected cancel(): void {
    this.rejectClosed.emit();
    this.host.nativeElement.focus();
  }
}

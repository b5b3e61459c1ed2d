import { DatePipe, formatDate } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

import type { LifecycleStage } from '@accord/domain/leads';
import type { OpportunityStage } from '@accord/domain/pipeline';
import { LeadOwnersStore } from '@accord/web/leads/data-access';
import {
  LeadOpportunityStore,
  NOT_YOUR_LEAD,
  OPPORTUNITY_STAGE_LABELS,
  formatAmount,
  injectPipelineAccess,
  injectPipelineOwners,
} from '@accord/web/pipeline/data-access';
import { AuthStore, PendingCall, injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import {
  ConfirmDialog,
  type ConfirmDialogData,
  FormAlertComponent,
  dialogConfig,
} from '@accord/web/shared/ui';

import { injectFocusFallback } from '../../../shared/focus-fallback';
import { OpenOpportunityFormComponent, type OpportunityOpening } from './open-opportunity-form.component';
import { OpportunityCardComponent, type OpportunityClosing } from './opportunity-card.component';

/**
 * The lead page's opportunity: opening one on an accepted lead, moving it forward, re-pricing and closing it
 * won or lost — for sales and admins; everyone else reads it. Opening and closing move the lead's stage, so the
 * page is told (`stageChanged`) to read the lead again.
 */
@Component({
  selector: 'accord-lead-opportunity',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LeadOpportunityStore],
  imports: [DatePipe, FormAlertComponent, OpenOpportunityFormComponent, OpportunityCardComponent],
  template: `
    <accord-form-alert [message]="store.loadError()?.message ?? error()" />
    @if (store.opportunity(); as opportunity) {
      <accord-opportunity-card
        [opportunity]="opportunity"
        [canWrite]="access.onItem(opportunity.ownerId)"
        [pending]="pending()"
        [timeZone]="timeZone()"
        (moved)="move($event)"
        (repriced)="reprice($event)"
        (closed)="close($event)"
        (edited)="error.set(null); done.set('')"
      />
    }
    @if (canOpen()) {
      <accord-open-opportunity-form
        [pending]="pending()"
        [defaultCurrency]="currency()"
        [currencyProblem]="currencyProblem()"
        [owners]="owners.choices()"
        [initialOwner]="owners.initial()"
        (opened)="open($event)"
        (edited)="error.set(null); currencyProblem.set(null); done.set('')"
      />
    } @else if (!store.opportunity() && !store.loading()) {
      <p class="empty">
        No opportunity yet.
        @if (access.onLead()) {
          One can be opened once sales accept the lead (SAL or SQL).
        } @else if (access.inSales()) {
          {{ notYours }}
        }
      </p>
    }
    @if (store.earlier().length > 0) {
      <section class="earlier" aria-labelledby="earlier-opportunities">
        <h4 id="earlier-opportunities">Earlier opportunities</h4>
        <ul>
          @for (item of store.earlier(); track item.id) {
            <li>
              {{ item.name ? item.name + ' · ' : '' }}{{ labels[item.stage] }} ·
              {{ money(item.amount, item.currency) }}
              @if (item.closeDate) {
                <!-- A calendar day: the pipe reads "2026-11-27" as that day in the browser's calendar. -->
                · closed {{ item.closeDate | date: 'd MMM y' }}
              }
            </li>
          }
        </ul>
      </section>
    }
    <p #status class="status" role="status" tabindex="-1">{{ done() }}</p>
  `,
  styles: `
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      font: var(--mat-sys-body-small);
      min-height: 1.5em;
      margin: 0;
    }
    .earlier h4 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 4px;
    }
    .earlier ul {
      margin: 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class LeadOpportunityComponent {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  protected readonly store = inject(LeadOpportunityStore);

  readonly leadId = input.required<string>();
  /** Who owns the lead (null: no one): a rep works deals on their own leads, a sales manager on any. */
  readonly leadOwnerId = input<string | null>(null);
  /** The lead's lifecycle stage: opportunities open on SAL and SQL leads. */
  readonly leadStage = input.required<LifecycleStage>();
  readonly stageChanged = output<void>();

  protected readonly timeZone = injectWorkspaceTimeZone();
  protected readonly access = injectPipelineAccess(() => this.leadOwnerId());
  // The lead page's colleagues, read once for its owner field and both pipeline forms.
  private readonly people = inject(LeadOwnersStore, { optional: true });
  protected readonly owners = injectPipelineOwners(
    () => this.leadOwnerId(),
    () => this.people?.colleagues() ?? null,
  );
  protected readonly notYours = NOT_YOUR_LEAD;
  protected readonly canOpen = computed(
    () =>
      this.access.onLead() &&
      !this.store.loading() &&
      (this.leadStage() === 'SAL' || this.leadStage() === 'SQL') &&
      !this.store.opportunities().some((item) => item.stage !== 'WON' && item.stage !== 'LOST'),
  );
  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly done = signal('');
  /** Every amount is in the workspace's reporting currency; the API refuses another. */
  protected readonly currency = computed(() => this.auth.workspace()?.currency ?? 'USD');
  protected readonly currencyProblem = signal<string | null>(null);
  protected readonly labels = OPPORTUNITY_STAGE_LABELS;
  protected readonly money = formatAmount;
  private readonly status = viewChild.required<ElementRef<HTMLElement>>('status');
  // Opening removes the opening form, and moving to the last open stage or closing removes the card's forms.
  private readonly focusFallback = injectFocusFallback();

  constructor() {
    // Only the lead id is tracked: what loading writes must not load again.
    effect(() => {
      const leadId = this.leadId();
      untracked(() => void this.store.load(leadId));
    });
  }

  protected async open(opening: OpportunityOpening): Promise<void> {
    this.done.set('');
    this.currencyProblem.set(null);
    const result = await this.call.run(() => this.store.open(opening));
    this.focusFallback(() => this.status().nativeElement);
    if (!result.ok) {
      const currency = result.error.fields.find((problem) => problem.field === 'currency');
      if (currency === undefined) return;
      // Said beside the form's currency rather than again above the whole section.
      this.currencyProblem.set(currency.message);
      this.error.set(null);
      return;
    }
    this.done.set(`Opportunity opened at ${formatAmount(result.value.amount, result.value.currency)}.`);
    this.stageChanged.emit();
  }

  protected async move(stage: OpportunityStage): Promise<void> {
    const opportunity = this.store.opportunity();
    if (!opportunity) return;
    this.done.set('');
    const result = await this.call.run(() => this.store.move({ opportunityId: opportunity.id, stage }));
    this.focusFallback(() => this.status().nativeElement);
    if (result.ok) this.done.set(`Moved to ${OPPORTUNITY_STAGE_LABELS[stage]}.`);
  }

  protected async reprice(amount: number): Promise<void> {
    const opportunity = this.store.opportunity();
    if (!opportunity) return;
    this.done.set('');
    const result = await this.call.run(() => this.store.updateAmount(opportunity.id, amount));
    if (result.ok) this.done.set(`Amount set to ${formatAmount(amount, opportunity.currency)}.`);
  }

  protected async close(closing: OpportunityClosing): Promise<void> {
    const opportunity = this.store.opportunity();
    if (!opportunity) return;
    this.done.set('');
    const won = closing.stage === 'WON';
    const data: ConfirmDialogData = {
      title: won ? 'Close as won?' : 'Close as lost?',
      message: `The opportunity closes ${won ? 'won' : 'lost'} on ${formatDate(closing.closeDate, 'd MMM y', 'en-US')} at ${formatAmount(opportunity.amount, opportunity.currency)}, and the lead moves to ${won ? 'Won' : 'Lost'}. A closed opportunity cannot be changed.`,
      confirm: won ? 'Close as won' : 'Close as lost',
    };
    const confirmed: unknown = await firstValueFrom(
      this.dialog.open(ConfirmDialog, dialogConfig(560, { data })).afterClosed(),
    );
    if (confirmed !== true) return;
    const result = await this.call.run(() =>
      this.store.move({
        opportunityId: opportunity.id,
        stage: closing.stage,
        closeDate: closing.closeDate,
        lostReason: closing.lostReason,
      }),
    );
    this.focusFallback(() => this.status().nativeElement);
    if (!result.ok) return;
    this.done.set(`Opportunity closed ${won ? 'won' : 'lost'}.`);
    this.stageChanged.emit();
  }
}

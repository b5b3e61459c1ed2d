import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';

import { isSalesManager } from '@accord/domain/handover';
import {
  type Handover,
  HandoverQueueStore,
  SalesMembersStore,
  consequenceLabel,
  handoverLeadName,
  queueOpening,
  queueParams,
} from '@accord/web/handovers/data-access';
import {
  type ApiResult,
  AuthStore,
  CLOCK,
  type HandoverScope,
  type HandoverView,
  injectWorkspaceTimeZone,
} from '@accord/web/shared/data-access';
import { FormAlertComponent, PageHeaderComponent } from '@accord/web/shared/ui';

import { HandoverCardComponent } from './handover-card.component';
import { Rejection } from './reject-form.component';

const MINUTE_MS = 60_000;

const EMPTY_TEXT: Readonly<Record<HandoverView, string>> = {
  UNDECIDED: 'Nothing to decide: no open handovers here.',
  EXPIRED: 'No expired handovers here.',
  DECIDED: 'No decided handovers yet.',
};

/**
 * The sales handover queue: open handovers by due time and priority, each accepted in one click or rejected with
 * a reason in two, with an SLA countdown; managers also see the team's and the unassigned ones, and reassign.
 */
/** A decision on an expired handover is made after the SLA, which counts against sales: said, not left out. */
function lateWords(handover: Handover): string {
  return handover.status === 'EXPIRED' ? ', after the SLA' : '';
}

@Component({
  selector: 'accord-handover-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [HandoverQueueStore, SalesMembersStore],
  imports: [
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatProgressBar,
    FormAlertComponent,
    HandoverCardComponent,
    PageHeaderComponent,
  ],
  template: `
    <accord-page-header heading="Handover queue">
      <p subtitle class="counts">{{ countsText() }}</p>
    </accord-page-header>
    <div class="controls">
      <mat-button-toggle-group
        aria-label="Which handovers"
        hideSingleSelectionIndicator
        [value]="store.view()"
        (change)="show(store.scope(), $event.value)"
      >
        <mat-button-toggle value="UNDECIDED">Open</mat-button-toggle>
        <mat-button-toggle value="EXPIRED">Expired</mat-button-toggle>
        <mat-button-toggle value="DECIDED">Decided</mat-button-toggle>
      </mat-button-toggle-group>
      @if (manager()) {
        <mat-button-toggle-group
          aria-label="Whose handovers"
          hideSingleSelectionIndicator
          [value]="store.scope()"
          (change)="show($event.value, store.view())"
        >
          <mat-button-toggle value="MINE">Mine</mat-button-toggle>
          <mat-button-toggle value="TEAM">Team</mat-button-toggle>
          <mat-button-toggle value="UNASSIGNED">Unassigned</mat-button-toggle>
        </mat-button-toggle-group>
      }
    </div>
    @if (store.view() !== 'DECIDED' && store.handovers().length > 0) {
      <p class="hint">
        Tab to a handover (the arrow keys go from one to the next, Home and End to the first and last), then
        press A to accept, or R and a reason's number to reject; Escape cancels.
      </p>
    }
    <accord-form-alert [message]="error()" />
    <p #status class="status" role="status" tabindex="-1">{{ message() }}</p>
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading handovers" />
    }
    @if (store.handovers().length > 0) {
      <p class="zone">Times in {{ timeZone() }}</p>
    }
    <div class="queue" role="list" aria-label="Handovers">
      @for (handover of store.handovers(); track handover.id) {
        <accord-handover-card
          [handover]="handover"
          [reasons]="store.reasonsFor(handover)"
          [now]="now()"
          [timeZone]="timeZone()"
          [manager]="manager()"
          [candidates]="candidates()"
          [rejecting]="rejecting() === handover.id"
          [pending]="pendingId() === handover.id"
          (accepted)="accept(handover)"
          (rejectOpened)="rejecting.set(handover.id)"
          (rejectClosed)="rejecting.set(null)"
          (rejected)="reject(handover, $event)"
          (reassigned)="reassign(handover, $event)"
        />
      }
    </div>
    @if (!store.loading() && store.handovers().length === 0 && !store.loadError()) {
      <p class="empty">{{ emptyText() }}</p>
    }
    @if (store.hasMore()) {
      <div class="more">
        <button mat-stroked-button type="button" [disabled]="store.loading()" (click)="store.loadMore()">
          Load more
        </button>
      </div>
    }
  `,
  styles: `
    .counts,
    .hint {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 24px;
    }
    .hint {
      font: var(--mat-sys-body-small);
      margin: 8px 0;
    }
    /* Keyboard shortcuts mean nothing on a touch screen. */
    @media (hover: none) and (pointer: coarse) {
      .hint {
        display: none;
      }
    }
    .zone {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 4px;
    }
    .status {
      font: var(--mat-sys-body-medium);
      min-height: 1.5em;
      margin: 0 0 8px;
    }
    .queue {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .empty {
      padding: 16px 0;
    }
    .more {
      display: flex;
      justify-content: center;
      margin: 16px 0;
    }
  `,
})
export class HandoverQueuePage implements OnInit {
  private readonly auth = inject(AuthStore);
  private readonly clock = inject(CLOCK);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly status = viewChild.required<ElementRef<HTMLElement>>('status');
  private readonly members = inject(SalesMembersStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  protected readonly store = inject(HandoverQueueStore);

  protected readonly now = signal(this.clock());
  /** The team's shared clock, in which the queue's times read; named once above the handovers. */
  protected readonly timeZone = injectWorkspaceTimeZone();
  protected readonly manager = computed(() => {
    const member = this.auth.member();
    return member !== null && isSalesManager(member);
  });
  protected readonly candidates = computed(() =>
    this.members.candidates(this.store.handovers().map((handover) => handover.owner)),
  );
  protected readonly rejecting = signal<string | null>(null);
  protected readonly pendingId = signal<string | null>(null);
  protected readonly message = signal('');
  protected readonly actionError = signal<string | null>(null);
  protected readonly error = computed(() => this.actionError() ?? this.store.loadError()?.message ?? null);
  protected readonly emptyText = computed(() => EMPTY_TEXT[this.store.view()]);
  protected readonly countsText = computed(() => {
    const counts = this.store.counts();
    if (counts === null) return '';
    // The counts are the scope's; a manager's own queue and the team's also say how many wait for an owner.
    const scope = this.store.scope();
    if (scope === 'UNASSIGNED') return `${counts.undecided} unassigned · ${counts.expired} expired`;
    const parts = [`${counts.undecided} undecided`, `${counts.expired} expired`];
    if (scope === 'TEAM') parts.push(`${counts.unassigned} unassigned`);
    else if (this.manager()) parts.push(`${counts.unassigned} unassigned in the team`);
    return parts.join(' · ');
  });

  constructor() {
    // The countdowns move on every minute.
    const timer = setInterval(() => this.now.set(this.clock()), MINUTE_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    // The URL's `?scope=` and `?view=` are the queue shown (see queueOpening): every choice navigates, and every
    // navigation — the escalation e-mail's link, a reload, back and forward — opens its queue.
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const link = { scope: params.get('scope'), view: params.get('view') };
      const queue = queueOpening(
        { scope: link.scope ?? undefined, view: link.view ?? undefined },
        this.manager(),
      );
      const shown = queueParams(queue);
      // An address naming a queue the page does not know (or one this member may not read) is put right in place,
      // so that it is not shared or bookmarked as if it showed something else; the corrected address opens it.
      if (shown.scope !== link.scope || shown.view !== link.view)
        void this.router.navigate([], { relativeTo: this.route, queryParams: shown, replaceUrl: true });
      else this.open(queue);
    });
  }

  ngOnInit(): void {
    if (this.manager()) void this.members.load();
  }

  protected show(scope: HandoverScope, view: HandoverView): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: queueParams({ scope, view }) });
  }

  private open({ scope, view }: { scope: HandoverScope; view: HandoverView }): void {
    this.rejecting.set(null);
    this.actionError.set(null);
    this.message.set('');
    void this.store.load(scope, view);
  }

  protected async accept(handover: Handover): Promise<void> {
    await this.act(
      handover,
      () => this.store.accept(handover.id),
      `Accepted ${handoverLeadName(handover.lead)}${lateWords(handover)}.`,
    );
  }

  protected async reject(handover: Handover, rejection: Rejection): Promise<void> {
    const reason = this.store.reasonsFor(handover).find((entry) => entry.key === rejection.reasonKey);
    const why = reason ? `: ${reason.label} (${consequenceLabel(reason)})` : '';
    await this.act(
      handover,
      () => this.store.reject(handover.id, rejection.reasonKey, rejection.note),
      `Rejected ${handoverLeadName(handover.lead)}${why}${lateWords(handover)}.`,
    );
  }

  protected async reassign(handover: Handover, ownerId: string): Promise<void> {
    const owner = this.candidates().find((member) => member.id === ownerId)?.name ?? 'another member';
    await this.act(
      handover,
      () => this.store.reassign(handover.id, ownerId),
      `Gave ${handoverLeadName(handover.lead)} to ${owner}.`,
    );
  }

  private async act(
    handover: Handover,
    call: () => Promise<ApiResult<unknown>>,
    done: string,
  ): Promise<void> {
    // One decision at a time: a double click (or a key pressed twice) lands before the buttons are disabled, and a
    // second accept of the same handover would report the first as a conflict.
    if (this.pendingId() !== null) return;
    const index = this.store.handovers().findIndex((entry) => entry.id === handover.id);
    this.pendingId.set(handover.id);
    this.actionError.set(null);
    this.message.set('');
    const result = await call();
    this.pendingId.set(null);
    if (!result.ok) {
      // Named: a handover decided or moved by someone else leaves the queue as it is read again.
      this.actionError.set(`${handoverLeadName(handover.lead)}: ${result.error.message}`);
      // Decided or moved by someone else: the row is about to leave with the queue read again, and the focus with it
      // (to the page's body). The status line under the message keeps it, one Tab before the queue's first row.
      if (['CONFLICT', 'NOT_FOUND', 'FORBIDDEN'].includes(result.error.code))
        this.status().nativeElement.focus();
      return;
    }
    this.rejecting.set(null);
    this.message.set(done);
    this.focusRow(index);
  }

  /**
   * After a row leaves, the focus goes to the row that took its place (or the last one), so work goes on; once the
   * queue is empty, to the status line saying what was done, rather than to the top of the page.
   */
  private focusRow(index: number): void {
    afterNextRender(
      () => {
        const rows = this.host.nativeElement.querySelectorAll<HTMLElement>('accord-handover-card');
        const next = rows.length > 0 ? rows.item(Math.min(index, rows.length - 1)) : null;
        (next ?? this.status().nativeElement).focus();
      },
      { injector: this.injector },
    );
  }
}

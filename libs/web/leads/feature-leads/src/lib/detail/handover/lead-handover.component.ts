import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';

import { mayQualify } from '@accord/domain/handover';
import { hasAnyRole } from '@accord/domain/workspace';
import { LeadHandoversStore } from '@accord/web/handovers/data-access';
import { LeadDetailStore } from '@accord/web/leads/data-access';
import {
  AuthStore,
  type HandoverWithHistoryFieldsFragment,
  PendingCall,
  type QualificationAnswerInput,
  injectWorkspaceTimeZone,
} from '@accord/web/shared/data-access';
import { FormAlertComponent } from '@accord/web/shared/ui';

import { HandoverHistoryComponent } from './handover-history.component';
import { LeadQualificationComponent } from './lead-qualification.component';

/**
 * The lead page's handover sections: every handover with its history, and, once sales accepted the lead, the
 * SQL checklist (answered by admins and sales; read-only for others).
 */
@Component({
  selector: 'accord-lead-handover',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LeadHandoversStore],
  imports: [FormAlertComponent, HandoverHistoryComponent, LeadQualificationComponent],
  template: `
    <section aria-labelledby="handover-heading">
      <h2 id="handover-heading">Handover</h2>
      <accord-form-alert [message]="store.loadError()?.message ?? null" />
      <accord-handover-history [handovers]="store.handovers()" [timeZone]="timeZone()" />
    </section>
    @if (store.qualification(); as qualification) {
      <section aria-labelledby="qualification-heading">
        <h2 id="qualification-heading">Qualification</h2>
        <accord-form-alert [message]="call.error()" />
        @if (notYours(); as text) {
          <p class="note">{{ text }}</p>
        }
        <accord-lead-qualification
          [qualification]="qualification"
          [writable]="writable()"
          [pending]="call.pending()"
          [timeZone]="timeZone()"
          (answered)="answer($event)"
        />
        <p class="status" role="status">{{ saved() }}</p>
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
    .status {
      font: var(--mat-sys-body-small);
      min-height: 1.5em;
    }
  `,
})
export class LeadHandoverComponent {
  private readonly auth = inject(AuthStore);
  // The lead page's store, read again when the checklist moves the lead's stage.
  private readonly lead = inject(LeadDetailStore, { optional: true });
  protected readonly store = inject(LeadHandoversStore);
  protected readonly timeZone = injectWorkspaceTimeZone();

  readonly leadId = input.required<string>();

  private readonly inSales = computed(() => hasAnyRole(this.auth.roles(), ['ADMIN', 'SALES']));
  /** The accepted handover whose owner, acceptor or a sales manager answers the checklist (the API's rule). */
  private readonly accepted = computed(() =>
    this.store
      .handovers()
      .filter((handover) => handover.status === 'ACCEPTED')
      .reduce<HandoverWithHistoryFieldsFragment | undefined>(
        (latest, handover) =>
          latest && (latest.decidedAt ?? '') >= (handover.decidedAt ?? '') ? latest : handover,
        undefined,
      ),
  );
  private readonly mayAnswer = computed(() => {
    const member = this.auth.member();
    const accepted = this.accepted();
    return (
      member !== null &&
      accepted !== undefined &&
      mayQualify(member, { ownerId: accepted.owner?.id ?? null, decidedById: accepted.decidedBy?.id ?? null })
    );
  });
  protected readonly writable = computed(() => this.inSales() && this.mayAnswer());
  /** Why a rep sees a colleague's checklist read-only, before they answer it rather than on saving. */
  protected readonly notYours = computed(() => {
    if (!this.inSales() || this.mayAnswer()) return null;
    const owner = this.accepted()?.owner?.name;
    return `${owner ? `This lead is ${owner}’s` : 'This lead is a colleague’s'}: the owner of its accepted handover or a sales manager answers its checklist.`;
  });
  protected readonly call = new PendingCall();
  protected readonly saved = signal('');

  constructor() {
    effect(() => {
      const leadId = this.leadId();
      untracked(() => {
        this.saved.set('');
        void this.store.load(leadId);
      });
    });
  }

  protected async answer(answers: QualificationAnswerInput[]): Promise<void> {
    this.saved.set('');
    const wasQualified = this.store.qualification()?.qualified ?? false;
    const result = await this.call.run(() => this.store.answer(answers));
    if (!result.ok) return;
    this.saved.set(result.value.qualified ? 'Checklist saved: the lead is an SQL.' : 'Checklist saved.');
    if (result.value.qualified !== wasQualified) void this.lead?.load(this.leadId());
  }
}

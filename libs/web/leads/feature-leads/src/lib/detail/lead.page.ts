import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  OnInit,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';

import { respeltIn } from '@accord/domain/leads';
import { hasAnyRole } from '@accord/domain/workspace';
import {
  EMPTY_LEAD_FORM,
  LeadDetailStore,
  LeadFormField,
  LeadFormValue,
  LeadOwnersStore,
  SENIORITY_LABELS,
  STAGE_LABELS,
  TEMPERATURE_LABELS,
  leadFormFrom,
  leadLoadMessage,
  leadName,
  ownerLabel,
  problemsByField,
  respeltWords,
  toLeadInput,
  wholeScore,
} from '@accord/web/leads/data-access';
import { AuthStore, PendingCall, injectWorkspaceTimeZone, zonedMinute } from '@accord/web/shared/data-access';
import { FormAlertComponent, PageHeaderComponent, askBeforeUnload } from '@accord/web/shared/ui';

import { LeadFormComponent } from '../shared/lead-form.component';
import { UnsavedEdits } from '../shared/unsaved-edits';
import { LeadExplanationComponent } from './explanation.component';
import { LeadHandoverComponent } from './handover/lead-handover.component';
import { LeadMeetingsComponent } from './pipeline/meetings/lead-meetings.component';
import { LeadOpportunityComponent } from './pipeline/opportunity/lead-opportunity.component';
import { LeadTimelineComponent } from './pipeline/timeline/lead-timeline.component';
import { RecordSignalComponent } from './record-signal.component';
import { SignalTimelineComponent } from './signal-timeline.component';
import { StageHistoryComponent } from './stage-history.component';

/** "900,000,000"; empty when unknown. */
function grouped(value: number | null | undefined): string {
  return value === null || value === undefined
    ? ''
    : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** One lead: its scores and why, its contact and company fields, its signals and its stage history. */
@Component({
  selector: 'accord-lead-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LeadDetailStore, LeadOwnersStore, UnsavedEdits],
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
  imports: [
    MatProgressBar,
    RouterLink,
    FormAlertComponent,
    LeadExplanationComponent,
    LeadFormComponent,
    LeadHandoverComponent,
    LeadMeetingsComponent,
    LeadOpportunityComponent,
    LeadTimelineComponent,
    PageHeaderComponent,
    RecordSignalComponent,
    SignalTimelineComponent,
    StageHistoryComponent,
  ],
  template: `
    <a routerLink="/leads" class="back">← All leads</a>
    <accord-form-alert [message]="loadMessage()" />
    @if (store.loading() && !lead()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the lead" />
    }
    @if (lead(); as lead) {
      <accord-page-header [heading]="name()">
        <p subtitle class="sub">{{ lead.email }}{{ lead.companyName ? ' · ' + lead.companyName : '' }}</p>
      </accord-page-header>
      <dl class="facts" aria-label="Scores">
        @if (lead.evaluation; as evaluation) {
          <div>
            <dt>Fit</dt>
            <dd>{{ score(evaluation.fitScore) }} · grade {{ evaluation.grade }}</dd>
          </div>
          <div>
            <dt>Intent</dt>
            <dd>{{ score(evaluation.intentScore) }} · {{ temperatures[evaluation.temperature] }}</dd>
          </div>
        }
        <div>
          <dt>Stage</dt>
          <dd>{{ stages[lead.stage] }}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{{ owner() }}</dd>
        </div>
        <div>
          <dt>Scored under</dt>
          <dd>
            @if (lead.evaluation; as evaluation) {
              v{{ evaluation.versionNumber }}, {{ time(evaluation.evaluatedAt) }} {{ timeZone() }}
            } @else {
              Not scored
            }
          </dd>
        </div>
      </dl>

      <section aria-labelledby="why-heading">
        <h2 id="why-heading">Why this score</h2>
        <accord-lead-explanation [explanation]="store.detail()?.explanation ?? null" />
      </section>

      <section aria-labelledby="signals-heading">
        <h2 id="signals-heading">Signals</h2>
        <accord-record-signal [scoredTypes]="scoredTypes()" [timeZone]="timeZone()" />
        <accord-signal-timeline [entries]="store.timeline()" [timeZone]="timeZone()" />
      </section>

      <section aria-labelledby="stages-heading">
        <h2 id="stages-heading">Stage history</h2>
        <accord-stage-history [transitions]="store.transitions()" [timeZone]="timeZone()" />
      </section>

      <accord-lead-handover [leadId]="lead.id" />

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Meetings</h2>
        <accord-lead-meetings [leadId]="lead.id" [leadOwnerId]="lead.ownerId" />
      </section>

      <section aria-labelledby="opportunity-heading">
        <h2 id="opportunity-heading">Opportunity</h2>
        <accord-lead-opportunity
          [leadId]="lead.id"
          [leadOwnerId]="lead.ownerId"
          [leadStage]="lead.stage"
          (stageChanged)="store.load(lead.id)"
        />
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <accord-lead-timeline [leadId]="lead.id" [refreshKey]="lead.stageChangedAt" />
      </section>

      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">Contact and company</h2>
        @if (canEdit()) {
          <accord-form-alert [message]="error()" />
          <accord-lead-form
            submitLabel="Save changes"
            [value]="formValue()"
            [owners]="owners.owners()"
            [problems]="problems()"
            [pending]="pending()"
            (submitted)="save($event)"
          />
          <p class="status" role="status">{{ saved() }}</p>
        } @else {
          <dl class="fields">
            @for (field of readOnlyFields(); track field.label) {
              <div>
                <dt>{{ field.label }}</dt>
                <dd>{{ field.value || '—' }}</dd>
              </div>
            }
          </dl>
        }
      </section>
    }
  `,
  styles: `
    .back {
      display: inline-block;
      margin: 0 0 8px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .sub {
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
    .facts,
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 8px 16px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .status {
      font: var(--mat-sys-body-small);
      min-height: 1.5em;
    }
  `,
})
export class LeadPage implements OnInit {
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(LeadDetailStore);
  protected readonly owners = inject(LeadOwnersStore);
  private readonly unsaved = inject(UnsavedEdits);

  protected readonly stages = STAGE_LABELS;
  protected readonly temperatures = TEMPERATURE_LABELS;
  protected readonly score = wholeScore;
  /** The team's shared clock, in which the page's times read; each section names it once. */
  protected readonly timeZone = injectWorkspaceTimeZone();
  protected readonly lead = this.store.lead;
  protected readonly loadMessage = computed(() => leadLoadMessage(this.store.loadError()));
  protected readonly name = computed(() => {
    const lead = this.lead();
    return lead ? leadName(lead) : '';
  });
  protected readonly owner = computed(() =>
    ownerLabel(this.lead()?.ownerId ?? null, this.owners.named(), this.owners.selfId()),
  );
  /** Sales work leads but leave their data to marketing. */
  protected readonly canEdit = computed(() => hasAnyRole(this.auth.roles(), ['ADMIN', 'MARKETING']));
  // Equal values keep the form as it is, so reading the lead again (after a signal) keeps unsaved edits.
  protected readonly formValue = computed(
    () => {
      const lead = this.lead();
      return lead ? leadFormFrom(lead) : EMPTY_LEAD_FORM;
    },
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly scoredTypes = computed(
    () => this.store.detail()?.explanation?.intent.map((item) => item.key) ?? [],
  );
  // Worded as the lead form's options and the other pages' numbers are, not as the API's codes and raw digits.
  protected readonly readOnlyFields = computed(() => {
    const value = this.formValue();
    const lead = this.lead();
    return [
      { label: 'Job title', value: value.title },
      { label: 'Seniority', value: lead?.seniority ? SENIORITY_LABELS[lead.seniority] : '' },
      { label: 'Department', value: value.department },
      { label: 'Company domain', value: value.companyDomain },
      { label: 'Employees', value: grouped(lead?.employeeCount) },
      { label: 'Annual revenue', value: grouped(lead?.annualRevenue) },
      { label: 'Industry', value: value.industry },
      { label: 'Country', value: value.country },
      { label: 'Technologies', value: value.technologies },
      { label: 'Source', value: value.source },
      { label: 'Campaign', value: value.campaign },
    ];
  });

  protected readonly call = new PendingCall();
  protected readonly error = this.call.error;
  protected readonly pending = this.call.pending;
  protected readonly problems = signal<Partial<Record<LeadFormField, string>>>({});
  protected readonly saved = signal('');

  constructor() {
    this.route.paramMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      const id = params.get('id');
      if (id) void this.store.load(id);
    });
    // The tab names the lead, so that several open leads can be told apart (the document's title, not Angular's
    // Title service, whose module would join the first chunk every page loads).
    const document = inject(DOCUMENT);
    effect(() => {
      const name = this.name();
      if (name) document.title = `${name} · Leads · Accord`;
    });
  }

  /** Asked by the route before it leaves: unsaved fields, checklist answers or a meeting being booked are kept or dropped. */
  canLeave(): boolean {
    return this.unsaved.mayLeave();
  }

  /** Reloading or closing the tab would drop them too: the browser asks first, and only then. */
  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    askBeforeUnload(event, this.unsaved.any());
  }

  protected time(iso: string): string {
    return zonedMinute(iso, this.timeZone());
  }

  ngOnInit(): void {
    void this.owners.load();
  }

  protected async save(value: LeadFormValue): Promise<void> {
    this.saved.set('');
    const parsed = toLeadInput(value);
    if (!parsed.ok) {
      this.problems.set(problemsByField(parsed.problems));
      return;
    }
    const result = await this.call.run(() => this.store.update(parsed.input));
    if (result.ok) {
      const respelt = respeltWords(respeltIn(parsed.input, result.value));
      this.saved.set(`Changes saved; the lead was rescored.${respelt ? ` ${respelt}` : ''}`);
      return;
    }
    this.problems.set(problemsByField(result.error.fields));
    if (result.error.fields.length > 0) this.error.set('Some fields need a change: see below.');
  }
}

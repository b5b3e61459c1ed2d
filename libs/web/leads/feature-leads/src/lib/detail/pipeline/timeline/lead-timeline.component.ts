import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';

import { STAGE_LABELS, stageReason } from '@accord/web/leads/data-access';
import {
  LeadTimelineStore,
  PipelineChanges,
  type TimelineEntry,
  zonedMinute,
} from '@accord/web/pipeline/data-access';
import { injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import { FormAlertComponent } from '@accord/web/shared/ui';

const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  LEAD_STAGE: 'Stage',
  MEETING_BOOKED: 'Meeting',
  MEETING_MARKED: 'Meeting',
  OPPORTUNITY: 'Opportunity',
};

const LABEL_OF: Readonly<Record<string, string>> = STAGE_LABELS;

/** A lifecycle stage's label, or null for none or one this app does not know. */
function stageLabel(stage: string | null): string | null {
  return stage !== null && Object.hasOwn(LABEL_OF, stage) ? LABEL_OF[stage] : null;
}

/**
 * What an entry says. A stage change's reason reads as in the Stage history ("Nurture → MQL: Scored fit A, hot
 * intent: fast track", not the record's "scored A/HOT: FAST_TRACK"); anything else as the API worded it.
 */
function summaryOf(entry: TimelineEntry): string {
  const to = stageLabel(entry.toStage);
  if (entry.kind !== 'LEAD_STAGE' || to === null) return entry.summary;
  const from = stageLabel(entry.fromStage);
  const change = from === null ? to : `${from} → ${to}`;
  // The API writes "<change>: <reason>"; a summary in another shape is shown as it is.
  if (!entry.summary.startsWith(`${change}: `)) return entry.summary;
  return `${change}: ${stageReason(entry.summary.slice(change.length + 2))}`;
}

/**
 * The lead's whole story, newest first: stage changes, meetings and opportunity changes, with who and under
 * which version. Reads again when the lead's stage changes (`refreshKey`) or a pipeline section changes something.
 */
@Component({
  selector: 'accord-lead-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LeadTimelineStore],
  imports: [FormAlertComponent],
  template: `
    <accord-form-alert [message]="store.loadError()?.message ?? null" />
    @if (store.entries().length === 0) {
      <p class="empty">Nothing has happened yet.</p>
    } @else {
      <p class="zone">Times in {{ timeZone() }}</p>
      <ol class="timeline" aria-label="Timeline">
        @for (entry of store.entries(); track $index) {
          <li>
            <span class="when">{{ time(entry.at) }}</span>
            <span class="kind">{{ kinds[entry.kind] }}</span>
            <span class="what">{{ summary(entry) }}</span>
            <span class="who">{{ who(entry) }}</span>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: grid;
      grid-template-columns: 12rem 7rem 1fr auto;
      gap: 0 12px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    /* A phone has no room for four columns: each part takes its own line. */
    @media (max-width: 599.98px) {
      li {
        grid-template-columns: minmax(0, 1fr);
        gap: 2px 0;
      }
    }
    .zone {
      font: var(--mat-sys-body-small);
      margin: 0 0 4px;
    }
    .kind,
    .who,
    .zone,
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LeadTimelineComponent {
  private readonly changes = inject(PipelineChanges);
  protected readonly store = inject(LeadTimelineStore);
  protected readonly kinds = KIND_LABELS;
  protected readonly summary = summaryOf;
  protected readonly timeZone = injectWorkspaceTimeZone();

  readonly leadId = input.required<string>();
  /** Anything that changes when the lead's stage does, e.g. its stageChangedAt. */
  readonly refreshKey = input<string | null>(null);

  constructor() {
    effect(() => {
      const leadId = this.leadId();
      this.refreshKey();
      this.changes.count();
      untracked(() => void this.store.load(leadId));
    });
  }

  protected time(iso: string): string {
    return zonedMinute(iso, this.timeZone());
  }

  /** "Sam Sales · v1", "Sam Sales", "v1" or "": a separator only between parts that are there. */
  protected who(entry: TimelineEntry): string {
    const version = entry.versionNumber === null ? null : `v${entry.versionNumber}`;
    return [entry.actorName, version].filter((part) => part).join(' · ');
  }
}

import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { TimelineEntry } from '@accord/web/leads/data-access';

/** The lead's signals, newest first, and whether each counted as intent or activity. */
@Component({
  selector: 'accord-signal-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe],
  template: `
    <ol class="timeline" aria-label="Signal timeline">
      @for (entry of entries(); track entry.externalId) {
        <li>
          <time [attr.datetime]="entry.occurredAt"
            >{{ entry.occurredAt | date: 'd MMM y, HH:mm' : 'UTC' }} UTC</time
          >
          <span class="type">{{ entry.label }}</span>
          <span class="kind" [attr.data-kind]="entry.kind">{{ entry.kindLabel }}</span>
          @if (entry.source) {
            <span class="source">via {{ entry.source }}</span>
          }
        </li>
      } @empty {
        <li>No signals yet.</li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: baseline;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    time {
      min-width: 11em;
      font-variant-numeric: tabular-nums;
      color: var(--mat-sys-on-surface-variant);
    }
    .type {
      font-weight: 500;
    }
    .kind {
      padding: 0 8px;
      border-radius: 8px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
    }
    .kind[data-kind='INTENT'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .source {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SignalTimelineComponent {
  readonly entries = input<readonly TimelineEntry[]>([]);
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import type { TimelineEntry } from '@accord/web/leads/data-access';
import { zonedMinute } from '@accord/web/shared/data-access';

/** The lead's signals, newest first, and whether each counted as intent or activity. */
@Component({
  selector: 'accord-signal-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length > 0) {
      <p class="zone">Times in {{ timeZone() }}</p>
    }
    <ol class="timeline" aria-label="Signal timeline">
      @for (entry of entries(); track entry.externalId) {
        <li>
          <time [attr.datetime]="entry.occurredAt">{{ time(entry.occurredAt) }}</time>
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
    .zone {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 4px;
    }
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
  /** The workspace's IANA time zone, in which the signals' times read. */
  readonly timeZone = input('UTC');

  protected time(iso: string): string {
    return zonedMinute(iso, this.timeZone());
  }
}

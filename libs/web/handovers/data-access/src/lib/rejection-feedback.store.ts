import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  CLOCK,
  type FeedbackGrouping,
  RejectionFeedbackDocument,
  attempt,
  required,
} from '@accord/web/shared/data-access';

import {
  FEEDBACK_DAYS,
  type FeedbackDays,
  type RejectionFeedbackEntry,
  feedbackSince,
  feedbackTable,
} from './rejection-feedback';

/** Why sales rejected marketing's leads over the last 30, 90 or 365 days, by source or by campaign. Provide it per page. */
@Injectable()
export class RejectionFeedbackStore {
  private readonly apollo = inject(Apollo);
  private readonly clock = inject(CLOCK);
  private readonly entries = signal<RejectionFeedbackEntry[]>([]);
  private latest = 0;

  /** The grouping asked for last. */
  readonly groupBy = signal<FeedbackGrouping>('SOURCE');
  /** The window asked for last, in days back from today. */
  readonly days = signal<FeedbackDays>(FEEDBACK_DAYS);
  /** The window of the rows shown, as shownGroupBy is their grouping. */
  readonly shownDays = signal<FeedbackDays>(FEEDBACK_DAYS);
  /** The grouping of the rows shown: until a new grouping's answer arrives, the rows are still the old one's. */
  readonly shownGroupBy = signal<FeedbackGrouping>('SOURCE');
  readonly table = computed(() => feedbackTable(this.entries()));
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);

  async load(groupBy: FeedbackGrouping = this.groupBy(), days: FeedbackDays = this.days()): Promise<void> {
    const ticket = ++this.latest;
    this.groupBy.set(groupBy);
    this.days.set(days);
    this.loading.set(true);
    this.loadError.set(null);
    const since = feedbackSince(this.clock(), days);
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: RejectionFeedbackDocument,
          variables: { groupBy, since },
          fetchPolicy: 'network-only',
        }),
      );
      return required(answer.data?.rejectionFeedback);
    });
    if (ticket !== this.latest) return;
    this.loading.set(false);
    this.shownGroupBy.set(groupBy);
    this.shownDays.set(days);
    // A failed regrouping shows no rows rather than the previous grouping's rows under the new one's name.
    this.entries.set(result.ok ? result.value : []);
    if (!result.ok) this.loadError.set(result.error);
  }
}

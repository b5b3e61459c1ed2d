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

import { type RejectionFeedbackEntry, feedbackSince, feedbackTable } from './rejection-feedback';

/** Why sales rejected marketing's leads over the last 90 days, by source or by campaign. Provide it per page. */
@Injectable()
export class RejectionFeedbackStore {
  private readonly apollo = inject(Apollo);
  private readonly clock = inject(CLOCK);
  private readonly entries = signal<RejectionFeedbackEntry[]>([]);
  private latest = 0;

  /** The grouping asked for last. */
  readonly groupBy = signal<FeedbackGrouping>('SOURCE');
  /** The grouping of the rows shown: until a new grouping's answer arrives, the rows are still the old one's. */
  readonly shownGroupBy = signal<FeedbackGrouping>('SOURCE');
  readonly table = computed(() => feedbackTable(this.entries()));
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);

  async load(groupBy: FeedbackGrouping = this.groupBy()): Promise<void> {
    const ticket = ++this.latest;
    this.groupBy.set(groupBy);
    this.loading.set(true);
    this.loadError.set(null);
    const since = feedbackSince(this.clock());
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
    // A failed regrouping shows no rows rather than the previous grouping's rows under the new one's name.
    this.entries.set(result.ok ? result.value : []);
    if (!result.ok) this.loadError.set(result.error);
  }
}

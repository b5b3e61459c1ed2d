import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  LeadTimelineDocument,
  type LeadTimelineQuery,
  attempt,
  required,
} from '@accord/web/shared/data-access';

export type TimelineEntry = LeadTimelineQuery['leadTimeline'][number];

/** One lead's whole story, newest first: stage changes, meetings and opportunity changes. */
@Injectable()
export class LeadTimelineStore {
  private readonly apollo = inject(Apollo);

  readonly entries = signal<TimelineEntry[]>([]);
  readonly loadError = signal<ApiError | null>(null);

  async load(leadId: string): Promise<void> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: LeadTimelineDocument,
          variables: { leadId },
          fetchPolicy: 'network-only',
        }),
      );
      return required(answer.data).leadTimeline;
    });
    if (result.ok) {
      this.entries.set(result.value);
      this.loadError.set(null);
    } else this.loadError.set(result.error);
  }
}

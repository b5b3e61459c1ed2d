import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  ApiResult,
  CreateLeadDocument,
  LeadFieldsFragment,
  LeadInput,
  LeadsDocument,
  attempt,
  required,
  toApiError,
} from '@accord/web/shared/data-access';

import { LeadOwnersStore } from './lead-owners.store';
import { DEFAULT_LEAD_QUERY, LeadListQuery, toLeadsFilter } from './lead-query';
import { toLeadRow } from './lead-row';

/** The list shows this many leads at first, and this many more per "Load more". */
export const LEADS_PAGE_SIZE = 25;

/** One query's leads, page by page, as signals; and new leads. Provide it per page, with LeadOwnersStore. */
@Injectable()
export class LeadsStore {
  private readonly apollo = inject(Apollo);
  private readonly ownerStore = inject(LeadOwnersStore);
  private readonly leads = signal<LeadFieldsFragment[]>([]);
  private endCursor: string | null = null;
  // A newer query makes the answers of older ones stale; they are dropped instead of mixed in.
  private generation = 0;

  readonly query = signal<LeadListQuery>(DEFAULT_LEAD_QUERY);
  readonly totalCount = signal(0);
  readonly hasMore = signal(false);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly rows = computed(() =>
    this.leads().map((lead) => toLeadRow(lead, this.ownerStore.named(), this.ownerStore.selfId())),
  );

  /** The first page of leads for the query. */
  load(query: LeadListQuery): Promise<void> {
    this.query.set(query);
    this.generation += 1;
    return this.fetch(null, this.generation);
  }

  /** The next page, after the leads already shown. */
  loadMore(): Promise<void> {
    if (!this.hasMore() || this.loading()) return Promise.resolve();
    return this.fetch(this.endCursor, this.generation);
  }

  async create(input: LeadInput): Promise<ApiResult<LeadFieldsFragment>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: CreateLeadDocument, variables: { input } }),
      );
      return required(answer.data?.createLead);
    });
  }

  private async fetch(after: string | null, generation: number): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: LeadsDocument,
          variables: {
            filter: toLeadsFilter(this.query()),
            sort: this.query().sort,
            first: LEADS_PAGE_SIZE,
            after,
          },
          fetchPolicy: 'network-only',
        }),
      );
      if (generation !== this.generation) return;
      const page = required(answer.data?.leads);
      const nodes = page.edges.map((edge) => edge.node);
      this.leads.update((leads) => (after === null ? nodes : [...leads, ...nodes]));
      this.totalCount.set(page.totalCount);
      this.endCursor = page.pageInfo.endCursor;
      this.hasMore.set(page.pageInfo.hasNextPage && page.pageInfo.endCursor !== null);
    } catch (error) {
      if (generation !== this.generation) return;
      if (after === null) this.leads.set([]);
      this.loadError.set(toApiError(error));
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}

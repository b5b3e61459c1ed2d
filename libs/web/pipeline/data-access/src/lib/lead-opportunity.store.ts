import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  ApiResult,
  LeadOpportunitiesDocument,
  MoveOpportunityDocument,
  type MoveOpportunityInput,
  OpenOpportunityDocument,
  type OpenOpportunityInput,
  type OpportunityFieldsFragment,
  UpdateOpportunityAmountDocument,
  attempt,
  required,
} from '@accord/web/shared/data-access';

import { PipelineChanges } from './pipeline-changes';

export type Opportunity = OpportunityFieldsFragment;

/**
 * One lead's opportunities, as signals, and the changes sales make to them; each change reads them again and
 * bumps `changes`, since opening and closing move the lead's stage too.
 */
@Injectable()
export class LeadOpportunityStore {
  private readonly apollo = inject(Apollo);
  private readonly pipelineChanges = inject(PipelineChanges);
  private readonly leadId = signal<string | null>(null);

  readonly opportunities = signal<Opportunity[]>([]);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  /** The open opportunity (a lead has at most one), else the most recent closed one, else null. */
  readonly opportunity = computed(() => {
    const all = this.opportunities();
    return all.find((item) => item.stage !== 'WON' && item.stage !== 'LOST') ?? all[0] ?? null;
  });
  /** The lead's other opportunities (an earlier deal won or lost), newest first as the API lists them. */
  readonly earlier = computed(() => this.opportunities().filter((item) => item !== this.opportunity()));
  readonly changes = signal(0);

  async load(leadId: string): Promise<void> {
    this.leadId.set(leadId);
    this.loading.set(true);
    this.loadError.set(null);
    const result = await this.fetch(leadId);
    this.loading.set(false);
    if (!result.ok) this.loadError.set(result.error);
  }

  open(input: Omit<OpenOpportunityInput, 'leadId'>): Promise<ApiResult<Opportunity>> {
    return this.change(async (leadId) => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: OpenOpportunityDocument, variables: { input: { ...input, leadId } } }),
      );
      return required(answer.data?.openOpportunity);
    });
  }

  move(input: MoveOpportunityInput): Promise<ApiResult<Opportunity>> {
    return this.change(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: MoveOpportunityDocument, variables: { input } }),
      );
      return required(answer.data?.moveOpportunity);
    });
  }

  updateAmount(opportunityId: string, amount: number): Promise<ApiResult<Opportunity>> {
    return this.change(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({
          mutation: UpdateOpportunityAmountDocument,
          variables: { input: { opportunityId, amount } },
        }),
      );
      return required(answer.data?.updateOpportunityAmount);
    });
  }

  private async change<T>(call: (leadId: string) => Promise<T>): Promise<ApiResult<T>> {
    const leadId = required(this.leadId());
    const result = await attempt(() => call(leadId));
    if (result.ok) {
      await this.fetch(leadId);
      this.changes.update((count) => count + 1);
      this.pipelineChanges.changed();
    }
    return result;
  }

  private fetch(leadId: string): Promise<ApiResult<void>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: LeadOpportunitiesDocument,
          variables: { leadId },
          fetchPolicy: 'network-only',
        }),
      );
      this.opportunities.set(required(answer.data).opportunities);
    });
  }
}

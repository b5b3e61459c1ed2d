import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  ApiResult,
  LeadDocument,
  LeadFieldsFragment,
  LeadInput,
  LeadQuery,
  RecordSignalDocument,
  UpdateLeadDocument,
  attempt,
  fieldProblemOf,
  required,
} from '@accord/web/shared/data-access';

import { contributionLines, signalTimeline, transitionsNewestFirst } from './lead-explanation';

export type LeadDetail = LeadQuery['lead'];

/** A signal to record by hand: its type and when it happened. */
export interface SignalEntry {
  type: string;
  occurredAt: Date;
  source: string | null;
}

/** One lead with its explanation, signals and stage history, as signals; and changes to it. Provide it per page. */
@Injectable()
export class LeadDetailStore {
  private readonly apollo = inject(Apollo);

  readonly detail = signal<LeadDetail | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly lead = computed(() => this.detail()?.lead ?? null);
  readonly contributions = computed(() => {
    const explanation = this.detail()?.explanation;
    return explanation ? contributionLines(explanation) : null;
  });
  readonly timeline = computed(() => {
    const detail = this.detail();
    return detail ? signalTimeline(detail) : [];
  });
  readonly transitions = computed(() => transitionsNewestFirst(this.detail()?.transitions ?? []));

  async load(id: string): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    const result = await this.fetch(id);
    this.loading.set(false);
    if (result.ok) this.detail.set(result.value);
    else this.loadError.set(result.error);
  }

  async update(input: LeadInput): Promise<ApiResult<LeadFieldsFragment>> {
    const id = required(this.lead()).id;
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: UpdateLeadDocument, variables: { id, input } }),
      );
      return required(answer.data?.updateLead);
    });
    // An edit rescores the lead, so the explanation and stage history are read again.
    if (result.ok) await this.reload(id);
    return result;
  }

  /** Records the signal; the API rescores the lead at once, and the page shows the new state. */
  async recordSignal(entry: SignalEntry): Promise<ApiResult<void>> {
    const leadId = required(this.lead()).id;
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({
          mutation: RecordSignalDocument,
          variables: {
            input: {
              leadId,
              type: entry.type,
              occurredAt: entry.occurredAt.toISOString(),
              source: entry.source,
            },
          },
        }),
      );
      return required(answer.data?.recordSignal);
    });
    if (!result.ok) return result;
    // Ingestion answers per event instead of failing the request: a refused event is this form's error, its
    // problems ("occurredAt: must not be …") read as the fields they name, for the form to word by its labels.
    const refused = result.value.items.find(
      (item) => item.status === 'REFUSED' || item.status === 'UNMATCHED',
    );
    if (refused) {
      const fields = (refused.problems ?? []).map(fieldProblemOf);
      return { ok: false, error: { code: 'BAD_USER_INPUT', message: 'The signal was refused.', fields } };
    }
    await this.reload(leadId);
    return { ok: true, value: undefined };
  }

  private async reload(id: string): Promise<void> {
    const result = await this.fetch(id);
    if (result.ok) this.detail.set(result.value);
  }

  private fetch(id: string): Promise<ApiResult<LeadDetail>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: LeadDocument, variables: { id }, fetchPolicy: 'network-only' }),
      );
      return required(answer.data?.lead);
    });
  }
}

import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  type ApiResult,
  CorrectLeadValueDocument,
  type LeadValueField,
  LeadValuesDocument,
  type LeadValuesQuery,
  attempt,
  required,
} from '@accord/web/shared/data-access';

import type { CorrectedLeadValue } from './lead-values';

export type LeadValue = LeadValuesQuery['leadValues']['values'][number];

/** A lead field's values as the workspace spells them, and marketing's corrections of their case. Provide it per page. */
@Injectable()
export class LeadValuesStore {
  private readonly apollo = inject(Apollo);
  private latest = 0;

  /** The field asked for last. */
  readonly field = signal<LeadValueField>('SOURCE');
  /** The field of the values shown: until a new field's answer arrives, they are still the old one's. */
  readonly shownField = signal<LeadValueField>('SOURCE');
  readonly values = signal<LeadValue[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);

  async load(field: LeadValueField = this.field()): Promise<void> {
    const ticket = ++this.latest;
    this.field.set(field);
    this.loading.set(true);
    this.loadError.set(null);
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: LeadValuesDocument, variables: { field }, fetchPolicy: 'network-only' }),
      );
      return required(answer.data?.leadValues);
    });
    if (ticket !== this.latest) return;
    this.loading.set(false);
    this.shownField.set(field);
    this.values.set(result.ok ? result.value.values : []);
    this.total.set(result.ok ? result.value.total : 0);
    if (!result.ok) this.loadError.set(result.error);
  }

  /** Gives a shown value another case; the list shows the new spelling once the API has stored it. */
  async correct(field: LeadValueField, spelling: string): Promise<ApiResult<CorrectedLeadValue>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: CorrectLeadValueDocument, variables: { input: { field, spelling } } }),
      );
      return required(answer.data?.correctLeadValue);
    });
    if (result.ok && this.shownField() === field) {
      const { previous, spelling: corrected } = result.value;
      this.values.update((values) =>
        values.map((value) => (value.spelling === previous ? { ...value, spelling: corrected } : value)),
      );
    }
    return result;
  }
}

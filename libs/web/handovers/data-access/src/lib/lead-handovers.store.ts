import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  AnswerQualificationDocument,
  ApiError,
  ApiResult,
  type HandoverWithHistoryFieldsFragment,
  LeadHandoversDocument,
  type QualificationAnswerInput,
  type QualificationFieldsFragment,
  attempt,
  required,
} from '@accord/web/shared/data-access';

export type LeadQualification = QualificationFieldsFragment;

/**
 * One lead's handovers (newest first, with their history) and its SQL checklist, as signals, and the answers
 * sales give to the checklist. Provide it once per lead page, so the handover and qualification sections share it.
 */
@Injectable()
export class LeadHandoversStore {
  private readonly apollo = inject(Apollo);
  private leadId: string | null = null;

  readonly handovers = signal<HandoverWithHistoryFieldsFragment[]>([]);
  /** Null until a handover of the lead was accepted. */
  readonly qualification = signal<LeadQualification | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);

  async load(leadId: string): Promise<void> {
    if (leadId !== this.leadId) {
      this.handovers.set([]);
      this.qualification.set(null);
    }
    this.leadId = leadId;
    this.loading.set(true);
    this.loadError.set(null);
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: LeadHandoversDocument,
          variables: { leadId },
          fetchPolicy: 'network-only',
        }),
      );
      return required(answer.data);
    });
    if (leadId !== this.leadId) return;
    this.loading.set(false);
    if (result.ok) {
      this.handovers.set(result.value.leadHandovers);
      this.qualification.set(result.value.leadQualification);
    } else {
      this.loadError.set(result.error);
    }
  }

  /** Saves checklist answers; the answer says whether the lead is now an SQL. */
  async answer(answers: QualificationAnswerInput[]): Promise<ApiResult<LeadQualification>> {
    const leadId = this.leadId;
    if (leadId === null) throw new Error('Load a lead before answering its checklist.');
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: AnswerQualificationDocument, variables: { leadId, answers } }),
      );
      return required(answer.data?.answerQualification);
    });
    if (result.ok && leadId === this.leadId) this.qualification.set(result.value);
    return result;
  }
}

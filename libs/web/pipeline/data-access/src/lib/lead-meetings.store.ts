import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  ApiResult,
  BookMeetingDocument,
  type BookMeetingInput,
  LeadMeetingsDocument,
  MarkMeetingDocument,
  type MeetingFieldsFragment,
  type MeetingStatus,
  attempt,
  required,
} from '@accord/web/shared/data-access';

import { PipelineChanges } from './pipeline-changes';

export type Meeting = MeetingFieldsFragment;

/** One lead's meetings, as signals, and booking and marking them; each change reads the list again. */
@Injectable()
export class LeadMeetingsStore {
  private readonly apollo = inject(Apollo);
  private readonly pipelineChanges = inject(PipelineChanges);
  private readonly leadId = signal<string | null>(null);

  readonly meetings = signal<Meeting[]>([]);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);

  async load(leadId: string): Promise<void> {
    this.leadId.set(leadId);
    this.loading.set(true);
    this.loadError.set(null);
    const result = await this.fetch(leadId);
    this.loading.set(false);
    if (!result.ok) this.loadError.set(result.error);
  }

  async book(input: Omit<BookMeetingInput, 'leadId'>): Promise<ApiResult<Meeting>> {
    const leadId = required(this.leadId());
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: BookMeetingDocument, variables: { input: { ...input, leadId } } }),
      );
      return required(answer.data?.bookMeeting);
    });
    if (result.ok) {
      await this.fetch(leadId);
      this.pipelineChanges.changed();
    }
    return result;
  }

  async mark(meetingId: string, status: MeetingStatus): Promise<ApiResult<Meeting>> {
    const leadId = required(this.leadId());
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: MarkMeetingDocument, variables: { input: { meetingId, status } } }),
      );
      return required(answer.data?.markMeeting);
    });
    if (result.ok) {
      await this.fetch(leadId);
      this.pipelineChanges.changed();
    }
    return result;
  }

  private fetch(leadId: string): Promise<ApiResult<void>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: LeadMeetingsDocument,
          variables: { leadId },
          fetchPolicy: 'network-only',
        }),
      );
      this.meetings.set(required(answer.data).meetings);
    });
  }
}

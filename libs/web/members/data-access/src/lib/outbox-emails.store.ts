import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  OutboxEmailsDocument,
  attempt,
  injectWorkspaceTimeZone,
  required,
} from '@accord/web/shared/data-access';

import { type OutboxEmail, toOutboxEmailRow } from './outbox-email-row';

/** The latest e-mails the admin's page lists: enough to see what went out recently and what is stuck. */
export const OUTBOX_EMAILS_SHOWN = 50;

/** The e-mail Accord sent on its own (proposals, escalations) as the admin reads it. Provide it per page. */
@Injectable()
export class OutboxEmailsStore {
  private readonly apollo = inject(Apollo);
  private readonly timeZone = injectWorkspaceTimeZone();
  private readonly emails = signal<OutboxEmail[]>([]);

  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly rows = computed(() => this.emails().map((email) => toOutboxEmailRow(email, this.timeZone())));

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: OutboxEmailsDocument,
          variables: { first: OUTBOX_EMAILS_SHOWN },
          fetchPolicy: 'network-only',
        }),
      );
      return required(answer.data?.outboxEmails);
    });
    this.loading.set(false);
    if (result.ok) this.emails.set(result.value);
    else this.loadError.set(result.error);
  }
}

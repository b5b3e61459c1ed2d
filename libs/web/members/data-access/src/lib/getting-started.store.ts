import { Injectable, InjectionToken, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  type AgreementStatus,
  ApiError,
  GettingStartedDocument,
  attempt,
  required,
} from '@accord/web/shared/data-access';

/** Where the browser remembers that a workspace's checklist was dismissed or finished. */
export const GETTING_STARTED_STORAGE = new InjectionToken<Storage>('GETTING_STARTED_STORAGE', {
  providedIn: 'root',
  factory: () => localStorage,
});

function storageKey(workspaceId: string): string {
  return `accord.gettingStarted.${workspaceId}`;
}

/**
 * The getting-started checklist's state beyond the members list: the agreement's version statuses and whether any
 * lead exists (one small query), and whether this browser was told to stop showing it. Provide it per component.
 */
@Injectable()
export class GettingStartedStore {
  private readonly apollo = inject(Apollo);
  private readonly storage = inject(GETTING_STARTED_STORAGE);

  readonly versionStatuses = signal<AgreementStatus[] | null>(null);
  readonly hasLeads = signal(false);
  readonly loadError = signal<ApiError | null>(null);

  /** Dismissed or finished in this workspace, in this browser: nothing more to read or show. */
  isSettled(workspaceId: string): boolean {
    try {
      return this.storage.getItem(storageKey(workspaceId)) !== null;
    } catch {
      return false;
    }
  }

  /** Stops showing the checklist in this workspace, in this browser. */
  settle(workspaceId: string, why: 'dismissed' | 'done'): void {
    try {
      this.storage.setItem(storageKey(workspaceId), why);
    } catch {
      // Storage may be full or refused (private mode): the checklist then simply shows again next time.
    }
  }

  async load(): Promise<void> {
    this.loadError.set(null);
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: GettingStartedDocument, fetchPolicy: 'network-only' }),
      );
      return required(answer.data);
    });
    if (!result.ok) {
      this.loadError.set(result.error);
      return;
    }
    this.hasLeads.set(result.value.leads.edges.length > 0);
    this.versionStatuses.set(result.value.agreementVersions.map((version) => version.status));
  }
}

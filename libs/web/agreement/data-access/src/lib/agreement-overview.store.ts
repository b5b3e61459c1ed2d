import { Injectable, computed, inject, signal } from '@angular/core';

import { ApiError } from '@accord/web/shared/data-access';

import { AgreementEvent, AgreementVersion, knownPeople, openVersion } from './agreement-version';
import { AgreementResult, AgreementService } from './agreement.service';

/** Every version of the agreement and the audit trail, as signals. Provide it per page. */
@Injectable()
export class AgreementOverviewStore {
  private readonly service = inject(AgreementService);
  private readonly eventCursor = signal<string | null>(null);

  readonly versions = signal<AgreementVersion[]>([]);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly inForce = computed(() => this.versions().find((version) => version.inForce) ?? null);
  readonly open = computed(() => openVersion(this.versions()));
  readonly people = computed(() => knownPeople(this.versions()));

  readonly events = signal<AgreementEvent[]>([]);
  readonly hasMoreEvents = signal(false);
  readonly eventsLoading = signal(false);
  readonly eventsError = signal<ApiError | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    const [versions] = await Promise.all([this.service.versions(), this.loadEvents(true)]);
    this.loading.set(false);
    if (versions.ok) this.versions.set(versions.value);
    else this.loadError.set(versions.error);
  }

  /** The next page of the audit trail, after the ones already shown. */
  loadMoreEvents(): Promise<void> {
    return this.loadEvents(false);
  }

  createDraft(comment: string | null): Promise<AgreementResult<AgreementVersion>> {
    return this.service.createDraft(comment);
  }

  private async loadEvents(fromStart: boolean): Promise<void> {
    this.eventsLoading.set(true);
    this.eventsError.set(null);
    const result = await this.service.events({ after: fromStart ? null : this.eventCursor() });
    this.eventsLoading.set(false);
    if (!result.ok) {
      this.eventsError.set(result.error);
      return;
    }
    this.events.update((events) => [...(fromStart ? [] : events), ...result.value.events]);
    this.eventCursor.set(result.value.endCursor);
    this.hasMoreEvents.set(result.value.hasNextPage && result.value.endCursor !== null);
  }
}

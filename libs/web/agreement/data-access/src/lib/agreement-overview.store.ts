import { Injectable, computed, inject, signal } from '@angular/core';

import { ApiError } from '@accord/web/shared/data-access';

import { AgreementColleague, colleagueNames } from './agreement-colleagues';
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
  private readonly colleagues = signal<readonly AgreementColleague[]>([]);
  /**
   * Names for the member ids the versions hold: their authors and signers, and the colleagues routing names — so
   * that comparing two versions' round robins reads names, not ids.
   */
  readonly people = computed(
    () => new Map([...colleagueNames(this.colleagues()), ...knownPeople(this.versions())]),
  );

  readonly events = signal<AgreementEvent[]>([]);
  readonly hasMoreEvents = signal(false);
  readonly eventsLoading = signal(false);
  readonly eventsError = signal<ApiError | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    // Beside the versions, not before them: without the colleagues routing shows the ids the versions hold.
    void this.service.colleagues().then((colleagues) => {
      if (colleagues.ok) this.colleagues.set(colleagues.value);
    });
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

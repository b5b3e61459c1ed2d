import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';

import {
  AuthStore,
  type Colleague,
  activeColleagues,
  attempt,
  fetchColleagues,
} from '@accord/web/shared/data-access';

import type { Owner } from './lead-row';

/**
 * The members leads can be owned by, from the workspace's colleagues (every role may read them): the active ones
 * to choose from, and every one — deactivated included — to name a lead's owner. Provide it per page.
 */
@Injectable()
export class LeadOwnersStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly listed = signal<Colleague[]>([]);
  /** Every colleague as read, for pages that choose among them by role (the pipeline's owners). */
  readonly colleagues = this.listed.asReadonly();

  readonly selfId = computed(() => this.auth.member()?.id ?? null);

  /**
   * Whom a lead can be given to: the active members (whatever their role, as the API allows), the signed-in one
   * first — the usual choice, which the leads filter calls "Me" — and even before the list arrives.
   */
  readonly owners = computed<Owner[]>(() => {
    const self = this.auth.member();
    const listed = activeColleagues(this.colleagues());
    if (self === null) return listed;
    return [{ id: self.id, name: self.name }, ...listed.filter((owner) => owner.id !== self.id)];
  });

  /** Whose name a lead's owner can be: everyone listed, so a deactivated owner is still named. */
  readonly named = computed<Owner[]>(() => [
    ...this.owners(),
    ...this.colleagues()
      .filter((colleague) => colleague.status !== 'ACTIVE')
      .map(({ id, name }) => ({ id, name })),
  ]);

  /**
   * Whom the leads can be filtered by: everyone who can own a lead — the assignable members, then invited ones (an
   * import gives reps leads before they first sign in) and deactivated ones, named so.
   */
  readonly filterable = computed<Owner[]>(() => [
    ...this.owners(),
    ...this.colleagues()
      .filter((colleague) => colleague.status !== 'ACTIVE')
      .map(({ id, name, status }) => ({
        id,
        name: `${name} (${status === 'INVITED' ? 'invited' : 'deactivated'})`,
      })),
  ]);

  async load(): Promise<void> {
    const result = await attempt(() => fetchColleagues(this.apollo));
    // Without the list the page still works: owners read "Another member".
    if (result.ok) this.listed.set(result.value);
  }
}

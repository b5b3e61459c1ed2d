import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { AuthStore, MembersDocument, MembersQuery, attempt, required } from '@accord/web/shared/data-access';

import type { Owner } from './lead-row';

const MEMBERS_PAGE_SIZE = 100;

/**
 * The members leads can be owned by. Only admins may list the workspace's members, so for everyone else
 * the choice is themselves or no one. Provide it per page.
 */
@Injectable()
export class LeadOwnersStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly members = signal<Owner[]>([]);

  readonly selfId = computed(() => this.auth.member()?.id ?? null);
  readonly owners = computed<Owner[]>(() => {
    const self = this.auth.member();
    const listed = this.members();
    if (self === null || listed.some((owner) => owner.id === self.id)) return listed;
    return [{ id: self.id, name: self.name }, ...listed];
  });

  async load(): Promise<void> {
    if (!this.auth.roles().includes('ADMIN')) return;
    const result = await attempt(() => this.fetchActive());
    // Without the list the page still works: owners read "Another member".
    if (result.ok) this.members.set(result.value);
  }

  private async fetchActive(): Promise<Owner[]> {
    const owners: Owner[] = [];
    let after: string | null = null;
    for (;;) {
      const answer: { data?: MembersQuery } = await firstValueFrom(
        this.apollo.query({
          query: MembersDocument,
          variables: { first: MEMBERS_PAGE_SIZE, after },
          fetchPolicy: 'network-only',
        }),
      );
      const page: MembersQuery['members'] = required(answer.data?.members);
      for (const { node } of page.edges)
        if (node.status === 'ACTIVE') owners.push({ id: node.id, name: node.name });
      if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null)
        return owners.sort((a, b) => a.name.localeCompare(b.name, 'en'));
      after = page.pageInfo.endCursor;
    }
  }
}

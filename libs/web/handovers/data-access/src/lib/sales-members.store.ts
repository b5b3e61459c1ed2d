import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  AuthStore,
  MembersDocument,
  type MembersQuery,
  attempt,
  required,
} from '@accord/web/shared/data-access';

const MEMBERS_PAGE_SIZE = 100;

/** A member a handover can be given to. */
export interface SalesMember {
  id: string;
  name: string;
}

/**
 * The active sales members a manager can reassign handovers to. Only admins may list members, so for a sales
 * manager who is not an admin the choice is the owners their team queue shows, and themselves.
 */
@Injectable()
export class SalesMembersStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly listed = signal<SalesMember[] | null>(null);

  async load(): Promise<void> {
    if (!this.auth.roles().includes('ADMIN')) return;
    const result = await attempt(() => this.fetchSales());
    if (result.ok) this.listed.set(result.value);
  }

  /** The members to choose from: the listed ones, else the owners `seen` plus the signed-in member if in sales. */
  candidates(seen: readonly (SalesMember | null)[]): SalesMember[] {
    const listed = this.listed();
    if (listed !== null) return listed;
    const byId = new Map<string, SalesMember>();
    const self = this.auth.member();
    if (self && self.roles.includes('SALES')) byId.set(self.id, { id: self.id, name: self.name });
    for (const member of seen) if (member) byId.set(member.id, { id: member.id, name: member.name });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  private async fetchSales(): Promise<SalesMember[]> {
    const members: SalesMember[] = [];
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
        if (node.status === 'ACTIVE' && node.roles.includes('SALES'))
          members.push({ id: node.id, name: node.name });
      if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null)
        return members.sort((a, b) => a.name.localeCompare(b.name, 'en'));
      after = page.pageInfo.endCursor;
    }
  }
}

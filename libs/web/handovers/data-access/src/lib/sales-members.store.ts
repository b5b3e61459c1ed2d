import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';

import { AuthStore, activeColleagues, attempt, fetchColleagues } from '@accord/web/shared/data-access';

/** A member a handover can be given to. */
export interface SalesMember {
  id: string;
  name: string;
}

/**
 * The active sales members a manager can reassign handovers to, from the workspace's colleagues (every role may
 * read them). Until they are read — or if reading fails — the choice is the owners the queue shows, and oneself.
 */
@Injectable()
export class SalesMembersStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly listed = signal<SalesMember[] | null>(null);

  async load(): Promise<void> {
    const result = await attempt(() => fetchColleagues(this.apollo));
    if (result.ok) this.listed.set(activeColleagues(result.value, 'SALES'));
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
}

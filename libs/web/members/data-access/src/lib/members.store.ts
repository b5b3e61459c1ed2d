import { Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  ApiError,
  ApiResult,
  AuthStore,
  CreatePasswordResetLinkDocument,
  CreatePasswordResetLinkMutation,
  DeactivateMemberDocument,
  InviteMemberDocument,
  InviteMemberInput,
  InviteMemberMutation,
  MemberFieldsFragment,
  MemberOpenHandoversDocument,
  MembersDocument,
  MembersQuery,
  ReactivateMemberDocument,
  UpdateMemberDocument,
  UpdateMemberInput,
  attempt,
  required,
} from '@accord/web/shared/data-access';

import { sortMembers, toMemberRow } from './member-row';

/** Members are fetched in pages of this size until the API says there are no more. */
export const MEMBERS_PAGE_SIZE = 100;

export type Invitation = InviteMemberMutation['inviteMember'];
export type PasswordResetLink = CreatePasswordResetLinkMutation['createPasswordResetLink'];

/** The workspace's members as signals, and the admin's changes to them. Provide it per page. */
@Injectable()
export class MembersStore {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly members = signal<MemberFieldsFragment[]>([]);

  /** Every member as read, deactivated ones too. */
  readonly list = this.members.asReadonly();
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly rows = computed(() => sortMembers(this.members()).map(toMemberRow));
  /** Who can be someone's manager: the members not deactivated, in the table's order. */
  readonly possibleManagers = computed(() =>
    sortMembers(this.members()).filter((member) => member.status !== 'DEACTIVATED'),
  );

  member(id: string): MemberFieldsFragment | undefined {
    return this.members().find((member) => member.id === id);
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    const result = await attempt(() => this.fetchAll());
    this.loading.set(false);
    if (result.ok) this.members.set(result.value);
    else this.loadError.set(result.error);
  }

  /**
   * Reads the list again without showing it loading, for when the page comes back into view: an invited member may
   * have joined meanwhile. A failure keeps the list as it was (the next focus tries again).
   */
  async refresh(): Promise<void> {
    if (this.loading()) return;
    const result = await attempt(() => this.fetchAll());
    if (result.ok) this.members.set(result.value);
  }

  async invite(input: InviteMemberInput): Promise<ApiResult<Invitation>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: InviteMemberDocument, variables: { input } }),
      );
      return required(answer.data?.inviteMember);
    });
    if (result.ok) this.put(result.value.member);
    return result;
  }

  async update(input: UpdateMemberInput): Promise<ApiResult<MemberFieldsFragment>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: UpdateMemberDocument, variables: { input } }),
      );
      return required(answer.data?.updateMember);
    });
    if (result.ok) {
      this.put(result.value);
      // An admin editing their own roles: the menus, guards and signing rights follow at once.
      const { id, email, name, roles, approver, status } = result.value;
      this.auth.setMember({ id, email, name, roles, approver, status });
    }
    return result;
  }

  /** How many open handovers the member owns: what deactivating them sends to the unassigned queue. */
  openHandovers(memberId: string): Promise<ApiResult<number>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: MemberOpenHandoversDocument,
          variables: { memberId },
          fetchPolicy: 'network-only',
        }),
      );
      return required(answer.data?.memberOpenHandovers);
    });
  }

  async deactivate(memberId: string): Promise<ApiResult<MemberFieldsFragment>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: DeactivateMemberDocument, variables: { memberId } }),
      );
      return required(answer.data?.deactivateMember);
    });
    if (result.ok) this.put(result.value);
    return result;
  }

  /** Brings a deactivated member back: active, or invited again when they never joined. */
  async reactivate(memberId: string): Promise<ApiResult<MemberFieldsFragment>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: ReactivateMemberDocument, variables: { memberId } }),
      );
      return required(answer.data?.reactivateMember);
    });
    if (result.ok) this.put(result.value);
    return result;
  }

  /**
   * Makes a one-time link for an active member to choose a new password (their earlier unused one stops working):
   * e-mailed to them when the API sends mail, else answered for the admin to pass on.
   */
  createPasswordResetLink(memberId: string): Promise<ApiResult<PasswordResetLink>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: CreatePasswordResetLinkDocument, variables: { memberId } }),
      );
      return required(answer.data?.createPasswordResetLink);
    });
  }

  private async fetchAll(): Promise<MemberFieldsFragment[]> {
    const members: MemberFieldsFragment[] = [];
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
      members.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null) return members;
      after = page.pageInfo.endCursor;
    }
  }

  private put(member: MemberFieldsFragment): void {
    this.members.update((members) => [...members.filter((entry) => entry.id !== member.id), member]);
  }
}

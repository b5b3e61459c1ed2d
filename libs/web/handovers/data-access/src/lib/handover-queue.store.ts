import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  AcceptHandoverDocument,
  ApiError,
  ApiResult,
  type HandoverFieldsFragment,
  HandoverQueueCountsDocument,
  HandoverQueueDocument,
  type HandoverQueueQuery,
  type HandoverScope,
  type HandoverView,
  type HandoverWithHistoryFieldsFragment,
  ReassignHandoverDocument,
  RejectHandoverDocument,
  type RejectionReasonFieldsFragment,
  attempt,
  required,
} from '@accord/web/shared/data-access';

export type Handover = HandoverFieldsFragment;
export type HandoverDetail = HandoverWithHistoryFieldsFragment;
export type RejectionReason = RejectionReasonFieldsFragment;

/** The queue is read in pages of this size; "Load more" asks for the next. */
export const QUEUE_PAGE_SIZE = 50;

/** The queue's counts for the scope shown: undecided, of which expired, and unassigned. */
export interface QueueCounts {
  undecided: number;
  expired: number;
  unassigned: number;
}

type QueuePage = HandoverQueueQuery['handoverQueue'];

/**
 * One scope and view of the handover queue, in the API's order, and the decisions taken on it. A decided
 * handover leaves the list; a CONFLICT (someone decided first) or a FORBIDDEN (a manager gave it to someone else)
 * reads the queue again. Provide it per page.
 */
@Injectable()
export class HandoverQueueStore {
  private readonly apollo = inject(Apollo);
  private cursor: string | null = null;
  /** Only the latest read may fill the list: switching views quickly must not show an older answer. */
  private latest = 0;

  readonly scope = signal<HandoverScope>('MINE');
  readonly view = signal<HandoverView>('UNDECIDED');
  readonly handovers = signal<Handover[]>([]);
  /** Each version's rejection reasons, by version id, as the pages read so far sent them. */
  readonly reasons = signal<ReadonlyMap<string, readonly RejectionReason[]>>(new Map());
  readonly counts = signal<QueueCounts | null>(null);
  readonly hasMore = signal(false);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);

  /** Reads the first page of this scope and view, and its counts. */
  async load(scope: HandoverScope = this.scope(), view: HandoverView = this.view()): Promise<void> {
    this.scope.set(scope);
    this.view.set(view);
    const result = await this.fetch(null, true);
    if (result?.ok) {
      this.handovers.set(result.value.edges.map((edge) => edge.node));
      this.reasons.set(
        new Map(result.value.versions.map((version) => [version.id, version.rejectionReasons])),
      );
    }
  }

  /** Appends the next page. */
  async loadMore(): Promise<void> {
    if (!this.hasMore() || this.cursor === null) return;
    const result = await this.fetch(this.cursor, false);
    if (result?.ok) {
      const known = new Set(this.handovers().map((handover) => handover.id));
      const next = result.value.edges.map((edge) => edge.node).filter((node) => !known.has(node.id));
      this.handovers.update((handovers) => [...handovers, ...next]);
      this.reasons.update(
        (known) =>
          new Map([
            ...known,
            ...result.value.versions.map((version) => [version.id, version.rejectionReasons] as const),
          ]),
      );
    }
  }

  /** The reasons a handover may be rejected with: its version's. */
  reasonsFor(handover: Pick<Handover, 'versionId'>): readonly RejectionReason[] {
    return this.reasons().get(handover.versionId) ?? [];
  }

  accept(id: string): Promise<ApiResult<HandoverDetail>> {
    return this.decide(id, async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: AcceptHandoverDocument, variables: { id } }),
      );
      return required(answer.data?.acceptHandover);
    });
  }

  reject(id: string, reasonKey: string, note: string | null): Promise<ApiResult<HandoverDetail>> {
    return this.decide(id, async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: RejectHandoverDocument, variables: { id, reasonKey, note } }),
      );
      return required(answer.data?.rejectHandover);
    });
  }

  /** Gives the handover to another sales member; in "Mine" it leaves the list, elsewhere it shows the new owner. */
  async reassign(id: string, ownerId: string): Promise<ApiResult<HandoverDetail>> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: ReassignHandoverDocument, variables: { id, ownerId } }),
      );
      return required(answer.data?.reassignHandover);
    });
    if (result.ok) {
      const leaves = this.scope() !== 'TEAM';
      const wasUnassigned = this.handovers().find((handover) => handover.id === id)?.owner === null;
      this.handovers.update((handovers) =>
        leaves
          ? handovers.filter((handover) => handover.id !== id)
          : handovers.map((handover) =>
              handover.id === id ? { ...handover, owner: result.value.owner } : handover,
            ),
      );
      if (leaves) this.countDown(result.value.status === 'EXPIRED');
      if (wasUnassigned)
        this.counts.update((counts) => counts && { ...counts, unassigned: counts.unassigned - 1 });
    } else if (result.error.code === 'CONFLICT') void this.load();
    return result;
  }

  private async decide(id: string, call: () => Promise<HandoverDetail>): Promise<ApiResult<HandoverDetail>> {
    const before = this.handovers().find((handover) => handover.id === id);
    const result = await attempt(call);
    if (result.ok) {
      this.handovers.update((handovers) => handovers.filter((handover) => handover.id !== id));
      if (this.view() !== 'DECIDED') this.countDown(before?.status === 'EXPIRED', before?.owner === null);
    } else if (['CONFLICT', 'NOT_FOUND', 'FORBIDDEN'].includes(result.error.code)) {
      // Someone else decided, or a manager gave it to someone else (or it moved away): the list is stale, so read
      // it again, keeping the message.
      void this.load();
    }
    return result;
  }

  private countDown(expired: boolean, unassigned = false): void {
    this.counts.update(
      (counts) =>
        counts && {
          undecided: Math.max(0, counts.undecided - 1),
          expired: Math.max(0, counts.expired - (expired ? 1 : 0)),
          unassigned: Math.max(0, counts.unassigned - (unassigned ? 1 : 0)),
        },
    );
  }

  /**
   * One page (and the counts, when asked: a request of their own, so that reading the same page again is served
   * from the API's verified results), or null when a later read started meanwhile.
   */
  private async fetch(after: string | null, withCounts: boolean): Promise<ApiResult<QueuePage> | null> {
    const ticket = ++this.latest;
    this.loading.set(true);
    this.loadError.set(null);
    const variables = { scope: this.scope(), view: this.view() };
    const result = await attempt(async () => {
      const [page, counts] = await Promise.all([
        firstValueFrom(
          this.apollo.query({
            query: HandoverQueueDocument,
            variables: { ...variables, first: QUEUE_PAGE_SIZE, after },
            fetchPolicy: 'network-only',
          }),
        ),
        withCounts
          ? firstValueFrom(
              this.apollo.query({
                query: HandoverQueueCountsDocument,
                variables,
                fetchPolicy: 'network-only',
              }),
            )
          : null,
      ]);
      return {
        page: required(page.data?.handoverQueue),
        counts: counts ? required(counts.data?.handoverQueue) : null,
      };
    });
    if (ticket !== this.latest) return null;
    this.loading.set(false);
    if (!result.ok) {
      this.loadError.set(result.error);
      return result;
    }
    const { page, counts } = result.value;
    if (counts)
      this.counts.set({
        undecided: counts.undecided,
        expired: counts.expired,
        unassigned: counts.unassigned,
      });
    this.cursor = page.pageInfo.endCursor;
    this.hasMore.set(page.pageInfo.hasNextPage);
    return { ok: true, value: page };
  }
}

import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import {
  AgreementColleaguesDocument,
  AgreementDiffDocument,
  AgreementEventsDocument,
  AgreementInForceDocument,
  AgreementVersionDocument,
  AgreementVersionsDocument,
  ApiError,
  CreateAgreementDraftDocument,
  ProposeAgreementInput,
  ProposeAgreementVersionDocument,
  SaveAgreementDraftDocument,
  SaveAgreementDraftInput,
  SendBackAgreementInput,
  SendBackAgreementVersionDocument,
  SignAgreementInput,
  SignAgreementVersionDocument,
  errorExtensions,
  required,
  toApiError,
} from '@accord/web/shared/data-access';

import { AgreementColleague } from './agreement-colleagues';
import {
  AgreementDiff,
  AgreementEvent,
  AgreementEventPage,
  AgreementVersion,
  toAgreementDiff,
  toAgreementVersion,
} from './agreement-version';
import { standingSendBack } from './send-back';

/** An API error, plus the revision a CONFLICT names when someone else moved the version on, and who did. */
export interface AgreementError extends ApiError {
  currentRevision: number | null;
  /** Who saved that revision: a name, "you" (in another tab), or null when the API does not say. */
  changedBy: string | null;
}

export type AgreementResult<T> = { ok: true; value: T } | { ok: false; error: AgreementError };

/** The audit trail is read in pages of this size. */
export const EVENTS_PAGE_SIZE = 20;

/**
 * How many pages of a draft's trail are read looking for the send-back it is waiting on. It is nearly always on the
 * first; a draft saved a hundred times since is not worth more requests on every page view.
 */
export const SEND_BACK_PAGES = 5;

function currentRevisionOf(error: unknown): number | null {
  const revision = errorExtensions(error)['currentRevision'];
  return typeof revision === 'number' && Number.isInteger(revision) ? revision : null;
}

function changedByOf(error: unknown): string | null {
  const changedBy = errorExtensions(error)['changedBy'];
  return typeof changedBy === 'string' && changedBy !== '' ? changedBy : null;
}

async function attempt<T>(call: () => Promise<T>): Promise<AgreementResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return {
      ok: false,
      error: {
        ...toApiError(error),
        currentRevision: currentRevisionOf(error),
        changedBy: changedByOf(error),
      },
    };
  }
}

/**
 * The lead agreement's GraphQL operations, each answering with a result instead of throwing. Provided by the pages
 * that use it, beside Apollo, which the signed-in part of the app provides (not the root: it is not in the first chunk).
 */
@Injectable()
export class AgreementService {
  private readonly apollo = inject(Apollo);

  /** Every version, newest first. */
  versions(): Promise<AgreementResult<AgreementVersion[]>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: AgreementVersionsDocument, fetchPolicy: 'network-only' }),
      );
      return required(answer.data?.agreementVersions).map(toAgreementVersion);
    });
  }

  version(id: string): Promise<AgreementResult<AgreementVersion>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: AgreementVersionDocument,
          variables: { id },
          fetchPolicy: 'network-only',
        }),
      );
      return toAgreementVersion(required(answer.data?.agreementVersion));
    });
  }

  /** The version whose rules apply now, or null before the first one takes effect. */
  inForce(): Promise<AgreementResult<AgreementVersion | null>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: AgreementInForceDocument, fetchPolicy: 'network-only' }),
      );
      const version = required(answer.data).agreementInForce;
      return version ? toAgreementVersion(version) : null;
    });
  }

  diff(fromId: string, toId: string): Promise<AgreementResult<AgreementDiff>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: AgreementDiffDocument,
          variables: { fromId, toId },
          fetchPolicy: 'network-only',
        }),
      );
      return toAgreementDiff(required(answer.data?.agreementDiff));
    });
  }

  /** One page of the audit trail, of one version or of all of them. */
  events(page: { versionId?: string; after: string | null }): Promise<AgreementResult<AgreementEventPage>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: AgreementEventsDocument,
          variables: { versionId: page.versionId ?? null, first: EVENTS_PAGE_SIZE, after: page.after },
          fetchPolicy: 'network-only',
        }),
      );
      const connection = required(answer.data?.agreementEvents);
      return {
        events: connection.edges.map((edge) => edge.node),
        endCursor: connection.pageInfo.endCursor,
        hasNextPage: connection.pageInfo.hasNextPage,
      };
    });
  }

  /**
   * The send-back a version is still a draft after (who, when, and what should change), or null: none, or it was
   * proposed again since. Reads the version's trail from its newest event, a page at a time.
   */
  async standingSendBack(versionId: string): Promise<AgreementResult<AgreementEvent | null>> {
    let after: string | null = null;
    for (let page = 0; page < SEND_BACK_PAGES; page++) {
      const result = await this.events({ versionId, after });
      if (!result.ok) return result;
      const reading = standingSendBack(result.value.events);
      if (reading.settled || !result.value.hasNextPage) return { ok: true, value: reading.event };
      after = result.value.endCursor;
    }
    return { ok: true, value: null };
  }

  /**
   * The workspace's members with their roles, status and approver flag (every role may read them): names for
   * routing and signatures, whom routing can hand leads to, and who can sign for each side.
   */
  colleagues(): Promise<AgreementResult<AgreementColleague[]>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: AgreementColleaguesDocument, fetchPolicy: 'network-only' }),
      );
      return required(answer.data?.colleagues);
    });
  }

  createDraft(comment: string | null): Promise<AgreementResult<AgreementVersion>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: CreateAgreementDraftDocument, variables: { input: { comment } } }),
      );
      return toAgreementVersion(required(answer.data?.createAgreementDraft));
    });
  }

  save(input: SaveAgreementDraftInput): Promise<AgreementResult<AgreementVersion>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: SaveAgreementDraftDocument, variables: { input } }),
      );
      return toAgreementVersion(required(answer.data?.saveAgreementDraft));
    });
  }

  propose(input: ProposeAgreementInput): Promise<AgreementResult<AgreementVersion>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: ProposeAgreementVersionDocument, variables: { input } }),
      );
      return toAgreementVersion(required(answer.data?.proposeAgreementVersion));
    });
  }

  sign(input: SignAgreementInput): Promise<AgreementResult<AgreementVersion>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: SignAgreementVersionDocument, variables: { input } }),
      );
      return toAgreementVersion(required(answer.data?.signAgreementVersion));
    });
  }

  sendBack(input: SendBackAgreementInput): Promise<AgreementResult<AgreementVersion>> {
    return attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.mutate({ mutation: SendBackAgreementVersionDocument, variables: { input } }),
      );
      return toAgreementVersion(required(answer.data?.sendBackAgreementVersion));
    });
  }
}

import type { AgreementDocument, ChangeKind, DocumentChange } from '@accord/domain/agreement';
import {
  type AgreementDiffQuery,
  type AgreementEventFieldsFragment,
  type AgreementStatus,
  type AgreementVersionFieldsFragment,
  type ApiError,
  type ApproverSide,
  recordLoadMessage,
} from '@accord/web/shared/data-access';

/** One version as the pages use it: the API's fields, with the document typed by the domain. */
export interface AgreementVersion extends Omit<AgreementVersionFieldsFragment, 'document'> {
  document: AgreementDocument;
}

export type AgreementEvent = AgreementEventFieldsFragment;

/** A page of the audit trail, newest first, and where the next page starts. */
export interface AgreementEventPage {
  events: AgreementEvent[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** What changed from one version to another, in the domain's terms. */
export interface AgreementDiff {
  from: { id: string; number: number };
  to: { id: string; number: number };
  changes: DocumentChange[];
}

/** The API refuses to store a document that fails `parseAgreementDocument`, so what it returns has the domain's shape. */
export function toAgreementVersion(fragment: AgreementVersionFieldsFragment): AgreementVersion {
  return { ...fragment, document: fragment.document as unknown as AgreementDocument };
}

type ApiChange = AgreementDiffQuery['agreementDiff']['changes'][number];

/** GraphQL has no "absent": ADDED has no before and REMOVED no after, but a CHANGED value may be null. */
export function toDocumentChange(change: ApiChange): DocumentChange {
  const kind: ChangeKind = change.kind;
  switch (kind) {
    case 'ADDED':
      return { path: change.path, kind, after: change.after };
    case 'REMOVED':
      return { path: change.path, kind, before: change.before };
    case 'CHANGED':
      return { path: change.path, kind, before: change.before, after: change.after };
  }
}

export function toAgreementDiff(diff: AgreementDiffQuery['agreementDiff']): AgreementDiff {
  return {
    from: { id: diff.from.id, number: diff.from.number },
    to: { id: diff.to.id, number: diff.to.number },
    changes: diff.changes.map(toDocumentChange),
  };
}

const STATUS_LABELS: Record<AgreementStatus, string> = {
  DRAFT: 'Draft',
  PROPOSED: 'Proposed',
  PUBLISHED: 'Published',
  SUPERSEDED: 'Superseded',
};

export function statusLabel(status: AgreementStatus): string {
  return STATUS_LABELS[status];
}

const SIDE_LABELS: Record<ApproverSide, string> = { MARKETING: 'marketing', SALES: 'sales' };

/** "marketing" or "sales", for sentences such as "Sign for marketing". */
export function sideLabel(side: ApproverSide): string {
  return SIDE_LABELS[side];
}

/**
 * Why a version page has no version, in its reader's words: an address whose id is no id at all (BAD_USER_INPUT,
 * "Validation failed (uuid is expected)") or no version of this workspace (NOT_FOUND) is one that names none.
 */
export function versionLoadMessage(error: Pick<ApiError, 'code' | 'message'> | null): string | null {
  return recordLoadMessage(
    error,
    'There is no agreement version at this address. Open one from Lead agreement.',
  );
}

/** "v3" */
export function versionLabel(version: { number: number }): string {
  return `v${version.number}`;
}

/** The one draft or proposal of the workspace, if there is one. */
export function openVersion(versions: readonly AgreementVersion[]): AgreementVersion | null {
  return versions.find((version) => version.status === 'DRAFT' || version.status === 'PROPOSED') ?? null;
}

/** Names of the people the versions mention (authors, signers), for showing member ids as names. */
export function knownPeople(versions: readonly AgreementVersion[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const version of versions) {
    const people = [version.createdBy, version.updatedBy, ...version.signatures.map((entry) => entry.signer)];
    for (const person of people) if (person) names.set(person.id, person.name);
  }
  return names;
}

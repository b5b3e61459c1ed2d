import type { StoredStatus } from '@accord/domain/agreement';
import type { ApproverSide } from '@accord/domain/workspace';

const SIDE_NAME: Record<ApproverSide, string> = { MARKETING: 'marketing', SALES: 'sales' };

/** A signature given on a revision the version has since moved past. */
export interface StaleSignature {
  /** "v2" */
  version: string;
  /** The revision the approver opened and meant to sign. */
  readRevision: number;
  currentRevision: number;
  status: StoredStatus;
  /** The sides signed on the revision the approver read: the edit since voided them. */
  voidedSides: readonly ApproverSide[];
}

function nowReads(status: StoredStatus): string {
  switch (status) {
    case 'DRAFT':
      return 'back in draft';
    case 'PROPOSED':
      return 'proposed again';
    case 'PUBLISHED':
      return 'published';
  }
}

function voided(sides: readonly ApproverSide[], revision: number): string {
  if (sides.length === 0) return `and no signature on revision ${revision} counts any more`;
  const names = sides.map((side) => SIDE_NAME[side]).join(' and ');
  return sides.length === 1
    ? `so the ${names} signature on revision ${revision} was voided`
    : `so the ${names} signatures on revision ${revision} were voided`;
}

function whatNext(status: StoredStatus, revision: number): string {
  switch (status) {
    case 'DRAFT':
      return `Review revision ${revision} once it is proposed again; it can be signed then.`;
    case 'PROPOSED':
      return `Review revision ${revision} before signing it.`;
    case 'PUBLISHED':
      return `Review revision ${revision}: it no longer needs a signature.`;
  }
}

/**
 * Why a signature on an older revision is refused, in words the approver can act on: the text changed since they
 * opened it, which revision it is at now, that the edit voided the signatures given, and what to do next.
 */
export function staleSignatureMessage(stale: StaleSignature): string {
  const { version, readRevision, currentRevision, status } = stale;
  return (
    `${version} changed since you opened revision ${readRevision}: it is now revision ${currentRevision}, ` +
    `${nowReads(status)}, ${voided(stale.voidedSides, readRevision)}. ${whatNext(status, currentRevision)}`
  );
}

import { type ApproverSide, type Role, approverSides, hasAnyRole } from '@accord/domain/workspace';

/**
 * Statuses as stored. SUPERSEDED is not stored: a published version is superseded from the instant its
 * successor takes effect, which may be in the future, so it is read from the times (see `versionStatus`).
 */
export const STORED_STATUSES = ['DRAFT', 'PROPOSED', 'PUBLISHED'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];

export const VERSION_STATUSES = ['DRAFT', 'PROPOSED', 'PUBLISHED', 'SUPERSEDED'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export const AGREEMENT_ACTIONS = [
  'CREATED',
  'EDITED',
  'PROPOSED',
  'SIGNED',
  'SENT_BACK',
  'PUBLISHED',
] as const;
export type AgreementAction = (typeof AGREEMENT_ACTIONS)[number];

export interface VersionTimes {
  status: StoredStatus;
  effectiveAt: Date | null;
  supersededAt: Date | null;
}

export function versionStatus(version: VersionTimes, now: Date): VersionStatus {
  if (version.status !== 'PUBLISHED') return version.status;
  return version.supersededAt && version.supersededAt <= now ? 'SUPERSEDED' : 'PUBLISHED';
}

/** In force: published, already effective, and not yet superseded. At most one version per workspace is. */
export function isInForce(version: VersionTimes, now: Date): boolean {
  return (
    version.status === 'PUBLISHED' &&
    version.effectiveAt !== null &&
    version.effectiveAt <= now &&
    (version.supersededAt === null || version.supersededAt > now)
  );
}

/** Marketing owns the wording of the agreement; admins may stand in. */
export function canEditAgreement(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, ['MARKETING', 'ADMIN']);
}

/** Editors may withdraw a proposal and approvers may ask for changes. */
export function canSendBack(roles: readonly Role[], approver: boolean): boolean {
  return canEditAgreement(roles) || approverSides(roles, approver).length > 0;
}

export function isEditable(status: StoredStatus): boolean {
  return status === 'DRAFT' || status === 'PROPOSED';
}

export interface Signature {
  side: ApproverSide;
  memberId: string;
  revision: number;
}

export type SignatureRefusal =
  | 'NOT_PROPOSED'
  | 'STALE_REVISION'
  | 'NOT_AN_APPROVER_FOR_SIDE'
  | 'SIDE_ALREADY_SIGNED'
  | 'ALREADY_SIGNED_OTHER_SIDE';

/** Signatures count only for the revision they were given on: an edit voids them by moving the revision on. */
export function signaturesOnRevision<T extends Signature>(signatures: readonly T[], revision: number): T[] {
  return signatures.filter((signature) => signature.revision === revision);
}

/** Why this member may not sign this side of this revision now, or null when they may. */
export function signatureRefusal(request: {
  status: StoredStatus;
  currentRevision: number;
  signedRevision: number;
  side: ApproverSide;
  memberId: string;
  roles: readonly Role[];
  approver: boolean;
  signatures: readonly Signature[];
}): SignatureRefusal | null {
  if (!approverSides(request.roles, request.approver).includes(request.side))
    return 'NOT_AN_APPROVER_FOR_SIDE';
  // A stale revision first: a proposal edited since the approver opened it is back in draft, and "it is a
  // draft" would hide that what they read is not what is there now.
  if (request.signedRevision !== request.currentRevision) return 'STALE_REVISION';
  if (request.status !== 'PROPOSED') return 'NOT_PROPOSED';
  const current = signaturesOnRevision(request.signatures, request.currentRevision);
  if (current.some((signature) => signature.side === request.side)) return 'SIDE_ALREADY_SIGNED';
  if (current.some((signature) => signature.memberId === request.memberId))
    return 'ALREADY_SIGNED_OTHER_SIDE';
  return null;
}

/** Published once both sides have signed the same revision, by two different people. */
export function isFullySigned(signatures: readonly Signature[], revision: number): boolean {
  const current = signaturesOnRevision(signatures, revision);
  const marketing = current.find((signature) => signature.side === 'MARKETING');
  const sales = current.find((signature) => signature.side === 'SALES');
  return marketing !== undefined && sales !== undefined && marketing.memberId !== sales.memberId;
}

export type EffectiveTimeRefusal = { latestEffectiveAt: Date };

/**
 * When a fully signed version takes effect: at the time its proposal asked for, or now if that has passed.
 * Versions take effect in publication order, so it must come after the latest published version's start;
 * otherwise the refusal names that start.
 */
export function effectiveTime(
  requested: Date | null,
  now: Date,
  latestEffectiveAt: Date | null,
): { effectiveAt: Date } | { refusal: EffectiveTimeRefusal } {
  const effectiveAt = requested && requested > now ? requested : now;
  if (latestEffectiveAt && effectiveAt <= latestEffectiveAt) return { refusal: { latestEffectiveAt } };
  return { effectiveAt };
}

/** How far ahead a draft may ask to take effect. */
export const MAX_SCHEDULE_MS = 5 * 365 * 24 * 3600_000;

export type RequestedTimeRefusal = 'NOT_IN_FUTURE' | 'TOO_FAR';

/**
 * Why a draft may not ask to take effect at `requested`, or null when it may: the time must be after now (an empty
 * one already means "as soon as both sides sign") and within five years. The API refuses to save such a time; the
 * editor says so on the field first.
 */
export function requestedTimeRefusal(requested: Date, now: Date): RequestedTimeRefusal | null {
  if (requested <= now) return 'NOT_IN_FUTURE';
  if (requested.getTime() - now.getTime() > MAX_SCHEDULE_MS) return 'TOO_FAR';
  return null;
}

import { type StoredStatus, canSendBack, signatureRefusal } from '@accord/domain/agreement';
import { type ApproverSide, type Role, approverSides } from '@accord/domain/workspace';
import type { AgreementVersion } from '@accord/web/agreement/data-access';

/** Who is looking: what the domain's rules need to know about them. */
export interface Reviewer {
  memberId: string;
  roles: readonly Role[];
  approver: boolean;
}

function storedStatus(version: AgreementVersion): StoredStatus {
  // SUPERSEDED is a published version read at a later time; the API stores it as PUBLISHED.
  return version.status === 'SUPERSEDED' ? 'PUBLISHED' : version.status;
}

/** The sides this reviewer may sign now: their approver sides that the domain would not refuse. */
export function signableSides(version: AgreementVersion, reviewer: Reviewer): ApproverSide[] {
  const signatures = version.signatures.map((signature) => ({
    side: signature.side,
    memberId: signature.signer.id,
    revision: signature.revision,
  }));
  return approverSides(reviewer.roles, reviewer.approver).filter(
    (side) =>
      signatureRefusal({
        status: storedStatus(version),
        currentRevision: version.revision,
        signedRevision: version.revision,
        side,
        memberId: reviewer.memberId,
        roles: reviewer.roles,
        approver: reviewer.approver,
        signatures,
      }) === null,
  );
}

/** Approvers, marketing and admins may send a proposal back for changes. */
export function maySendBack(version: AgreementVersion, reviewer: Reviewer): boolean {
  return version.status === 'PROPOSED' && canSendBack(reviewer.roles, reviewer.approver);
}

import { type StoredStatus, canSendBack, signatureRefusal } from '@accord/domain/agreement';
import { type ApproverSide, type Role, approverSides } from '@accord/domain/workspace';
import { type AgreementVersion, type SignersBySide, sideLabel } from '@accord/web/agreement/data-access';

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

const SIDES: readonly ApproverSide[] = ['MARKETING', 'SALES'];

/** The sides a proposal still needs a signature for on its current revision; none for any other status. */
export function awaitedSides(version: AgreementVersion): ApproverSide[] {
  if (version.status !== 'PROPOSED') return [];
  const signed = new Set(version.signatures.map((signature) => signature.side));
  return SIDES.filter((side) => !signed.has(side));
}

/** What a proposal is waiting for, in words: "Waiting for a sales approver's signature."; null when nothing. */
export function waitingText(version: AgreementVersion): string | null {
  const awaited = awaitedSides(version);
  if (awaited.length === 0) return null;
  if (awaited.length === 1) return `Waiting for a ${sideLabel(awaited[0])} approver's signature.`;
  return `Waiting for a ${awaited.map(sideLabel).join(' and a ')} approver's signatures.`;
}

/** The side this reviewer has signed on the current revision, if they have. */
export function signedSide(version: AgreementVersion, reviewer: Reviewer): ApproverSide | null {
  return version.signatures.find((signature) => signature.signer.id === reviewer.memberId)?.side ?? null;
}

/** Who can give a side's signature, or that no one can yet (and what would fix it). */
export interface SignerNotice {
  side: ApproverSide;
  /** No one can sign this side now: the proposal would wait for it forever. */
  missing: boolean;
  text: string;
}

function names(people: readonly { name: string }[]): string {
  const all = people.map((person) => person.name);
  return all.length < 2 ? all.join('') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
}

/**
 * For each side a proposal waits for, who can sign it, or that no one can: a workspace without an active approver
 * for a side may propose (approvers may join later), but should hear why nothing happens. Whoever signed the other
 * side on this revision cannot sign this one too. A draft hears only about sides no one could sign; other versions
 * about nothing. `fix` says how to make an approver, worded for the reader.
 */
export function signerNotices(
  version: AgreementVersion,
  signers: SignersBySide | null,
  fix: (side: string) => string,
): SignerNotice[] {
  if (signers === null) return [];
  const proposed = version.status === 'PROPOSED';
  const sides = proposed ? awaitedSides(version) : version.status === 'DRAFT' ? SIDES : [];
  const signed = new Set(version.signatures.map((signature) => signature.signer.id));
  return sides.flatMap((side): SignerNotice[] => {
    const label = sideLabel(side);
    const able = signers[side].filter((member) => !signed.has(member.id));
    if (able.length > 0) {
      return proposed ? [{ side, missing: false, text: `Can sign for ${label}: ${names(able)}.` }] : [];
    }
    const who = signers[side].length > 0 ? 'No one else' : 'No one';
    return [{ side, missing: true, text: `${who} can sign for ${label} yet: ${fix(label)}.` }];
  });
}

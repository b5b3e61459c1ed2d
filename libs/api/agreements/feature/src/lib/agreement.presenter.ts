import { EntityManager } from 'typeorm';

import type {
  AgreementSignatureEntity,
  AgreementVersionEntity,
  AgreementsRepository,
} from '@accord/api/agreements/data-access';
import { isInForce, signaturesOnRevision, versionStatus } from '@accord/domain/agreement';

import { AgreementPerson, AgreementVersion } from './models/agreement.model';

export function person(names: Map<string, string>, id: string | null): AgreementPerson | null {
  if (!id) return null;
  return { id, name: names.get(id) ?? 'Former member' };
}

/** Versions as the API shows them: status and force read at `now`, signatures on the current revision, names. */
export async function presentVersions(
  repository: AgreementsRepository,
  manager: EntityManager,
  versions: readonly AgreementVersionEntity[],
  now: Date,
): Promise<AgreementVersion[]> {
  const signatures = await repository.signatures(
    manager,
    versions.map((version) => version.id),
  );
  const byVersion = new Map<string, AgreementSignatureEntity[]>();
  for (const signature of signatures) {
    byVersion.set(signature.versionId, [...(byVersion.get(signature.versionId) ?? []), signature]);
  }
  const names = await repository.memberNames(manager, [
    ...versions
      .flatMap((version) => [version.createdById, version.updatedById])
      .filter((id): id is string => id !== null),
    ...signatures.map((signature) => signature.memberId),
  ]);
  return versions.map((version) => ({
    id: version.id,
    number: version.number,
    status: versionStatus(version, now),
    revision: version.revision,
    document: version.document,
    inForce: isInForce(version, now),
    basedOnId: version.basedOnId,
    requestedEffectiveAt: version.requestedEffectiveAt,
    effectiveAt: version.effectiveAt,
    supersededAt: version.supersededAt,
    publishedAt: version.publishedAt,
    createdBy: person(names, version.createdById),
    createdAt: version.createdAt,
    updatedBy: person(names, version.updatedById),
    updatedAt: version.updatedAt,
    signatures: signaturesOnRevision(byVersion.get(version.id) ?? [], version.revision).map((signature) => ({
      side: signature.side,
      signer: person(names, signature.memberId) as AgreementPerson,
      revision: signature.revision,
      signedAt: signature.signedAt,
      comment: signature.comment,
    })),
  }));
}

import { starterAgreement } from '@accord/domain/agreement';

/** A sales member's id, as routing stores it. */
export const SAM_ID = '00000000-0000-4000-8000-0000000000a3';

/** An AgreementVersion as the API sends it (with __typename, as Apollo's testing backend expects). */
export function versionNode(fields: Record<string, unknown> = {}) {
  return {
    __typename: 'AgreementVersion',
    id: 'v2-id',
    number: 2,
    status: 'PROPOSED',
    revision: 3,
    document: starterAgreement([SAM_ID]),
    inForce: false,
    basedOnId: 'v1-id',
    requestedEffectiveAt: null,
    effectiveAt: null,
    supersededAt: null,
    publishedAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    createdBy: { __typename: 'AgreementPerson', id: 'mia-id', name: 'Mia Marketing' },
    updatedAt: '2026-03-02T09:00:00.000Z',
    updatedBy: { __typename: 'AgreementPerson', id: 'mia-id', name: 'Mia Marketing' },
    signatures: [],
    ...fields,
  };
}

export function signatureNode(side: 'MARKETING' | 'SALES', id: string, name: string, revision = 3) {
  return {
    __typename: 'AgreementSignature',
    side,
    revision,
    signedAt: '2026-03-02T10:00:00.000Z',
    comment: null,
    signer: { __typename: 'AgreementPerson', id, name },
  };
}

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

/** An AgreementEvent as the API sends it; a send-back by Sam on v2 unless told otherwise. */
export function eventNode(fields: Record<string, unknown> = {}) {
  return {
    __typename: 'AgreementEvent',
    id: '9',
    versionId: 'v2-id',
    versionNumber: 2,
    action: 'SENT_BACK',
    revision: 4,
    at: '2026-03-03T15:30:00.000Z',
    comment: 'Keep grade A at 75.',
    details: { signaturesVoided: 1 },
    actor: { __typename: 'AgreementPerson', id: SAM_ID, name: 'Sam Sales' },
    ...fields,
  };
}

/** One page of the audit trail as the API sends it. */
export function eventsPage(nodes: readonly object[], endCursor: string | null = null) {
  return {
    agreementEvents: {
      __typename: 'AgreementEventConnection',
      edges: nodes.map((node) => ({ __typename: 'AgreementEventEdge', node })),
      pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage: endCursor !== null },
    },
  };
}

import { type AgreementDocument, starterAgreement } from '@accord/domain/agreement';
import { type AgreementVersion, toAgreementVersion } from '@accord/web/agreement/data-access';

export const SAM_ID = '00000000-0000-4000-8000-0000000000a3';

export function starter(): AgreementDocument {
  return starterAgreement([SAM_ID]);
}

/** v2 of the demo: grade A raised, fintech added, a reason added, a KPI target raised. */
export function proposedDocument(): AgreementDocument {
  const document = starter();
  document.fit.grades.A = 80;
  document.fit.criteria.push({
    key: 'industry-fintech',
    label: 'Financial services',
    field: 'industry',
    condition: { kind: 'ANY_OF', values: ['Financial Services', 'Fintech'] },
    points: 10,
  });
  document.rejectionReasons.push({
    key: 'duplicate',
    label: 'Duplicate of an open lead',
    consequence: 'DISQUALIFY',
    recycleAfterDays: null,
  });
  return document;
}

/** A version node as the API sends it, with __typename as Apollo's testing backend expects. */
export function versionNode(fields: Record<string, unknown> = {}) {
  return {
    __typename: 'AgreementVersion',
    id: 'v2-id',
    number: 2,
    status: 'PROPOSED',
    revision: 3,
    document: proposedDocument(),
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
    signatures: [] as unknown[],
    ...fields,
  };
}

export function v1Node(fields: Record<string, unknown> = {}) {
  return versionNode({
    id: 'v1-id',
    number: 1,
    status: 'PUBLISHED',
    revision: 1,
    document: starter(),
    inForce: true,
    basedOnId: null,
    effectiveAt: '2026-01-01T00:00:00.000Z',
    publishedAt: '2026-01-01T00:00:00.000Z',
    signatures: [
      signatureNode('MARKETING', 'mia-id', 'Mia Marketing', 1),
      signatureNode('SALES', SAM_ID, 'Sam Sales', 1),
    ],
    ...fields,
  });
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

export function version(fields: Record<string, unknown> = {}): AgreementVersion {
  return toAgreementVersion(versionNode(fields) as unknown as Parameters<typeof toAgreementVersion>[0]);
}

/** Starts a session for a member with these roles, as the shell would after sign-in. */
export function sessionFor(
  id: string,
  name: string,
  roles: ('ADMIN' | 'MARKETING' | 'SALES' | 'EXECUTIVE')[],
  approver: boolean,
) {
  return {
    accessToken: 'token',
    expiresAt: '2099-01-01T00:00:00.000Z',
    member: { id, email: `${id}@demo.test`, name, roles, approver, status: 'ACTIVE' as const },
    workspace: { id: 'w1', name: 'Demo', timeZone: 'UTC', currency: 'USD' },
  };
}

export { eventNode, eventsPage } from '@accord/web/agreement/data-access/testing';

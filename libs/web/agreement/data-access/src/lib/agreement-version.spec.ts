import { starterAgreement } from '@accord/domain/agreement';

import { SAM_ID } from '../testing/versions';
import {
  AgreementVersion,
  knownPeople,
  openVersion,
  toAgreementDiff,
  toAgreementVersion,
  toDocumentChange,
  versionLoadMessage,
} from './agreement-version';

function version(fields: Partial<AgreementVersion>): AgreementVersion {
  return toAgreementVersion({
    id: 'v1-id',
    number: 1,
    status: 'PUBLISHED',
    revision: 1,
    document: starterAgreement([SAM_ID]),
    inForce: true,
    basedOnId: null,
    requestedEffectiveAt: null,
    effectiveAt: '2026-01-01T00:00:00.000Z',
    supersededAt: null,
    publishedAt: '2026-01-01T00:00:00.000Z',
    createdAt: '2025-12-30T00:00:00.000Z',
    createdBy: null,
    updatedAt: '2025-12-30T00:00:00.000Z',
    updatedBy: null,
    signatures: [],
    ...fields,
  });
}

describe('toDocumentChange', () => {
  it('drops the before of an addition and the after of a removal', () => {
    expect(toDocumentChange({ path: 'kpis[x]', kind: 'ADDED', before: null, after: { key: 'x' } })).toEqual({
      path: 'kpis[x]',
      kind: 'ADDED',
      after: { key: 'x' },
    });
    expect(toDocumentChange({ path: 'kpis[x]', kind: 'REMOVED', before: { key: 'x' }, after: null })).toEqual(
      {
        path: 'kpis[x]',
        kind: 'REMOVED',
        before: { key: 'x' },
      },
    );
  });

  it('keeps a null on either side of a change: an open range bound is a value', () => {
    expect(
      toDocumentChange({ path: 'fit.criteria[a].condition.max', kind: 'CHANGED', before: null, after: 200 }),
    ).toEqual({ path: 'fit.criteria[a].condition.max', kind: 'CHANGED', before: null, after: 200 });
  });
});

describe('toAgreementDiff', () => {
  it('keeps both ends and maps every change', () => {
    expect(
      toAgreementDiff({
        from: { id: 'v1-id', number: 1 },
        to: { id: 'v2-id', number: 2 },
        changes: [{ path: 'fit.grades.A', kind: 'CHANGED', before: 75, after: 80 }],
      }),
    ).toEqual({
      from: { id: 'v1-id', number: 1 },
      to: { id: 'v2-id', number: 2 },
      changes: [{ path: 'fit.grades.A', kind: 'CHANGED', before: 75, after: 80 }],
    });
  });
});

describe('openVersion', () => {
  it('finds the draft or proposal among the versions', () => {
    const versions = [version({ id: 'v2-id', number: 2, status: 'PROPOSED' }), version({})];

    expect(openVersion(versions)?.id).toBe('v2-id');
    expect(openVersion([version({})])).toBeNull();
  });
});

describe('knownPeople', () => {
  it('names every author and signer the versions mention', () => {
    const people = knownPeople([
      version({
        createdBy: { id: 'mia-id', name: 'Mia Marketing' },
        signatures: [
          {
            side: 'SALES',
            revision: 1,
            signedAt: '2026-01-01T00:00:00.000Z',
            comment: null,
            signer: { id: SAM_ID, name: 'Sam Sales' },
          },
        ],
      }),
    ]);

    expect([...people]).toEqual([
      ['mia-id', 'Mia Marketing'],
      [SAM_ID, 'Sam Sales'],
    ]);
  });
});

describe('versionLoadMessage', () => {
  it('says an address naming no version, whether its id is malformed or unknown, in the reader’s words', () => {
    const none = 'There is no agreement version at this address. Open one from Lead agreement.';
    expect([
      versionLoadMessage({ code: 'BAD_USER_INPUT', message: 'Validation failed (uuid is expected)' }),
      versionLoadMessage({ code: 'NOT_FOUND', message: 'No such agreement version in this workspace.' }),
    ]).toEqual([none, none]);
    expect(versionLoadMessage({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong.' })).toBe(
      'Something went wrong.',
    );
    expect(versionLoadMessage(null)).toBeNull();
  });
});

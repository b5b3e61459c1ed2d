import { starterAgreement } from '@accord/domain/agreement';

import { SAM_ID, versionNode } from '../testing/versions';
import { comparisonBase } from './agreement-review.store';
import { toAgreementVersion } from './agreement-version';

function version(fields: Record<string, unknown>) {
  return toAgreementVersion({ ...versionNode(fields), document: starterAgreement([SAM_ID]) } as Parameters<
    typeof toAgreementVersion
  >[0]);
}

describe('comparisonBase', () => {
  const v1 = version({ id: 'v1-id', number: 1, status: 'SUPERSEDED', basedOnId: null });
  const v2 = version({ id: 'v2-id', number: 2, status: 'PUBLISHED', inForce: true, basedOnId: 'v1-id' });
  const v3 = version({ id: 'v3-id', number: 3, status: 'PROPOSED', basedOnId: 'v2-id' });

  it('reads a draft or proposal against the version in force', () => {
    expect(comparisonBase(v3, [v3, v2, v1])?.id).toBe('v2-id');
  });

  it('reads a published version against the one it was copied from', () => {
    expect(comparisonBase(v2, [v3, v2, v1])?.id).toBe('v1-id');
  });

  it('has nothing to compare the first version with', () => {
    expect(comparisonBase(v1, [v3, v2, v1])).toBeNull();
  });
});

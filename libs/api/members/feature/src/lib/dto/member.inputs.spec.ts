import { inputProblems } from '@accord/api/shared/testing';

import { SignUpInput } from './auth.inputs';
import { InviteMemberInput, UpdateMemberInput } from './member.inputs';

const ID = '00000000-0000-4000-8000-000000000001';
const member = { memberId: ID, roles: ['SALES'], approver: false };

describe('member inputs', () => {
  it('takes a monthly quota up to what its column holds, in cents', async () => {
    expect(await inputProblems(UpdateMemberInput, { ...member, monthlyQuota: 999_999_999_999.99 })).toEqual(
      [],
    );
    expect(await inputProblems(UpdateMemberInput, { ...member, monthlyQuota: 1e12 })).toEqual([
      'monthlyQuota',
    ]);
    expect(await inputProblems(UpdateMemberInput, { ...member, monthlyQuota: 10.005 })).toEqual([
      'monthlyQuota',
    ]);
  });

  it('refuses names made only of spaces', async () => {
    const invite = { email: 'riley@example.com', roles: ['SALES'], approver: false };
    expect(await inputProblems(InviteMemberInput, { ...invite, name: ' Riley ' })).toEqual([]);
    expect(await inputProblems(InviteMemberInput, { ...invite, name: '   ' })).toEqual(['name']);
    expect(
      await inputProblems(SignUpInput, {
        workspaceName: '\t',
        name: 'Ada',
        email: 'ada@example.com',
        password: 'a long enough password',
      }),
    ).toEqual(['workspaceName']);
  });

  it('checks the length of an e-mail as it is stored, in lower case', async () => {
    const invite = { name: 'Riley', roles: ['SALES'], approver: false };
    // 190 characters as typed, 310 in lower case: "İ" lowers to "i" and a combining dot.
    const email = `${'a'.repeat(64)}@${'İ'.repeat(60)}.${'İ'.repeat(60)}.com`;
    expect(await inputProblems(InviteMemberInput, { ...invite, email })).toEqual(['email']);
    expect(await inputProblems(InviteMemberInput, { ...invite, email: ' Riley@Example.com ' })).toEqual([]);
  });
});

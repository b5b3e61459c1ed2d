import type { MemberFieldsFragment } from '@accord/web/shared/data-access';

import {
  deactivationMessage,
  leavingSalesMessage,
  pendingInvitationNotice,
  reactivationMessage,
  sortMembers,
  toMemberRow,
} from './member-row';

function member(overrides: Partial<MemberFieldsFragment>): MemberFieldsFragment {
  return {
    id: 'm1',
    email: 'ann@example.com',
    name: 'Ann',
    roles: ['ADMIN'],
    approver: false,
    status: 'ACTIVE',
    team: null,
    monthlyQuota: null,
    manager: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSignedInAt: null,
    ...overrides,
  };
}

describe('toMemberRow', () => {
  it('words roles, team, manager, approver and status for the table', () => {
    expect(
      toMemberRow(
        member({
          roles: ['MARKETING', 'SALES'],
          approver: true,
          status: 'INVITED',
          team: 'EMEA',
          manager: { id: 'm2', name: 'Lea Lead', email: 'lea@example.com' },
        }),
      ),
    ).toEqual({
      id: 'm1',
      name: 'Ann',
      email: 'ann@example.com',
      roles: 'Marketing, Sales',
      team: 'EMEA',
      manager: 'Lea Lead',
      approver: 'Yes',
      status: 'Invited',
      active: true,
      invited: true,
    });
  });

  it('marks a deactivated member as inactive', () => {
    expect(toMemberRow(member({ status: 'DEACTIVATED' }))).toEqual({
      id: 'm1',
      name: 'Ann',
      email: 'ann@example.com',
      roles: 'Admin',
      team: '',
      manager: '',
      approver: 'No',
      status: 'Deactivated',
      active: false,
      invited: false,
    });
  });
});

describe('sortMembers', () => {
  it('orders by name, then e-mail, without changing the input', () => {
    const input = [
      member({ id: 'b', name: 'Bob', email: 'b@example.com' }),
      member({ id: 'a2', name: 'Ann', email: 'z@example.com' }),
      member({ id: 'a1', name: 'Ann', email: 'a@example.com' }),
    ];

    expect(sortMembers(input).map((entry) => entry.id)).toEqual(['a1', 'a2', 'b']);
    expect(input.map((entry) => entry.id)).toEqual(['b', 'a2', 'a1']);
  });
});

describe('deactivationMessage', () => {
  const signedOut = 'Noor Rep will be signed out and will no longer be able to sign in. Their history stays.';
  const later = 'An admin can reactivate them later.';

  it('counts the open handovers that go to the unassigned queue, keeping their due times', () => {
    expect(deactivationMessage('Noor Rep', 3)).toBe(
      `${signedOut} Their 3 open handovers go to the unassigned queue for a sales manager to reassign; ` +
        `the due times stay. ${later}`,
    );
    expect(deactivationMessage('Noor Rep', 1)).toBe(
      `${signedOut} Their open handover goes to the unassigned queue for a sales manager to reassign; ` +
        `the due time stays. ${later}`,
    );
  });

  it('says nothing of handovers when they own none, and speaks generally when the count is unknown', () => {
    expect(deactivationMessage('Noor Rep', 0)).toBe(`${signedOut} ${later}`);
    expect(deactivationMessage('Noor Rep', null)).toBe(
      `${signedOut} Any open handovers of theirs go to the unassigned queue for a sales manager to reassign; ` +
        `the due times stay. ${later}`,
    );
  });

  it('tells of an invited member that their link stops working, not that they are signed out', () => {
    expect(deactivationMessage('Ivy', 0, { invited: true })).toBe(
      `Ivy's invitation link will stop working, and they will not be able to join. ${later}`,
    );
  });
});

describe('pendingInvitationNotice', () => {
  it("warns that an invitation to a pending invitee's address replaces theirs, in any case of the address", () => {
    const members = [
      member({
        id: 'm2',
        name: 'New Rep',
        email: 'new.rep@example.com',
        roles: ['SALES'],
        status: 'INVITED',
      }),
      member({}),
    ];
    expect(pendingInvitationNotice(members, ' New.Rep@Example.com ')).toBe(
      'New Rep is already invited, as Sales: sending this invites them again with the name and roles below, and ' +
        'the link sent before stops working.',
    );
    expect(pendingInvitationNotice(members, 'ann@example.com')).toBeNull();
    expect(pendingInvitationNotice(members, 'someone@example.com')).toBeNull();
  });
});

describe('reactivationMessage', () => {
  it('says they come back with their roles and password, and how one who never joined comes back', () => {
    expect(reactivationMessage('Eve Executive', 'Executive')).toBe(
      'Eve Executive can sign in again with the password they had, as Executive. Handovers taken from them when ' +
        'they left stay with whoever has them. Someone deactivated before joining is invited again, to be sent a ' +
        'new invitation.',
    );
  });
});

describe('leavingSalesMessage', () => {
  it('counts the open handovers a member leaving sales leaves, and asks nothing when there are none', () => {
    expect(leavingSalesMessage('Jordan Rep', 6)).toBe(
      'Without Sales or Admin, Jordan Rep no longer works the handover queue. Their 6 open handovers go to the ' +
        'unassigned queue for a sales manager to reassign; the due times stay.',
    );
    expect(leavingSalesMessage('Jordan Rep', null)).toBe(
      'Without Sales or Admin, Jordan Rep no longer works the handover queue. Any open handovers of theirs go to ' +
        'the unassigned queue for a sales manager to reassign; the due times stay.',
    );
    expect(leavingSalesMessage('Jordan Rep', 0)).toBeNull();
  });
});

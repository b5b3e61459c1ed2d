import { type MemberStatus, roleLabel } from '@accord/domain/workspace';
import type { MemberFieldsFragment } from '@accord/web/shared/data-access';

const STATUS_LABELS: Record<MemberStatus, string> = {
  ACTIVE: 'Active',
  INVITED: 'Invited',
  DEACTIVATED: 'Deactivated',
};

/** One line of the members table, already worded for display. */
export interface MemberRow {
  id: string;
  name: string;
  email: string;
  roles: string;
  /** The team or region; empty when none is known. */
  team: string;
  /** The manager's name; empty when the member reports to no one in Accord. */
  manager: string;
  approver: string;
  status: string;
  active: boolean;
  /** Invited and not yet joined: no password to reset, but an invitation to send again. */
  invited: boolean;
}

export function toMemberRow(member: MemberFieldsFragment): MemberRow {
  return {
    id: member.id,
    name: member.name,
    email: member.email,
    roles: member.roles.map(roleLabel).join(', '),
    team: member.team ?? '',
    manager: member.manager?.name ?? '',
    approver: member.approver ? 'Yes' : 'No',
    status: STATUS_LABELS[member.status],
    active: member.status !== 'DEACTIVATED',
    invited: member.status === 'INVITED',
  };
}

/** Members by name, then e-mail, so the table reads the same after every change. */
export function sortMembers(members: readonly MemberFieldsFragment[]): MemberFieldsFragment[] {
  return [...members].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || a.email.localeCompare(b.email, 'en'),
  );
}

/**
 * What the deactivation dialog says will happen: the member is signed out and keeps their history (an invited one's
 * link stops working), and their open
 * handovers go to the managers' unassigned queue with their due times (the SLA clock keeps running). Counted when
 * the count could be read (`openHandovers`), in general words when it could not; nothing more when they own none.
 */
export function deactivationMessage(
  name: string,
  openHandovers: number | null,
  { invited = false } = {},
): string {
  // An invited member never signed in: what stops for them is the link they were sent.
  const signedOut = invited
    ? `${name}'s invitation link will stop working, and they will not be able to join.`
    : `${name} will be signed out and will no longer be able to sign in. Their history stays.`;
  const reassign = 'for a sales manager to reassign; the due times stay.';
  if (openHandovers === null)
    return `${signedOut} Any open handovers of theirs go to the unassigned queue ${reassign}`;
  if (openHandovers === 0) return signedOut;
  if (openHandovers === 1)
    return `${signedOut} Their open handover goes to the unassigned queue for a sales manager to reassign; the due time stays.`;
  return `${signedOut} Their ${openHandovers} open handovers go to the unassigned queue ${reassign}`;
}

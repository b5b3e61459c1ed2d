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
 * link stops working), and their open handovers go to the managers' unassigned queue (see handoversUnassigned).
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
  return [signedOut, handoversUnassigned(openHandovers), 'An admin can reactivate them later.']
    .filter(Boolean)
    .join(' ');
}

/**
 * What the invitation form says when the address typed is a pending invitee's: sending replaces their name and
 * roles, and their earlier link. Null for any other address.
 */
export function pendingInvitationNotice(
  members: readonly MemberFieldsFragment[],
  typed: string,
): string | null {
  const email = typed.trim().toLowerCase();
  const invitee = members.find((member) => member.status === 'INVITED' && member.email === email);
  if (!invitee) return null;
  return (
    `${invitee.name} is already invited, as ${invitee.roles.map(roleLabel).join(', ')}: sending this invites ` +
    'them again with the name and roles below, and the link sent before stops working.'
  );
}

/** What the reactivation dialog says: back with their roles, signing in as before (or invited again, never joined). */
export function reactivationMessage(name: string, roles: string): string {
  return (
    `${name} can sign in again with the password they had, as ${roles}. Handovers taken from them when they left ` +
    'stay with whoever has them. Someone deactivated before joining is invited again, to be sent a new invitation.'
  );
}

/**
 * What saving roles without Sales or Admin — the roles that work the handover queue — does to the member's open
 * handovers, as the edit dialog asks before it saves them. Null when they own none: nothing to ask.
 */
export function leavingSalesMessage(name: string, openHandovers: number | null): string | null {
  if (openHandovers === 0) return null;
  return `Without Sales or Admin, ${name} no longer works the handover queue. ${handoversUnassigned(openHandovers)}`;
}

/**
 * A member's open handovers once they leave the queue: to the managers' unassigned queue with their due times (the
 * SLA clock keeps running). Counted when the count could be read, in general words when it could not; nothing when
 * they own none.
 */
function handoversUnassigned(openHandovers: number | null): string {
  const reassign = 'for a sales manager to reassign; the due times stay.';
  if (openHandovers === null) return `Any open handovers of theirs go to the unassigned queue ${reassign}`;
  if (openHandovers === 0) return '';
  if (openHandovers === 1)
    return 'Their open handover goes to the unassigned queue for a sales manager to reassign; the due time stays.';
  return `Their ${openHandovers} open handovers go to the unassigned queue ${reassign}`;
}

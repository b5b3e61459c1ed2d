/** The hats a member can wear; a member may hold several. */
export const ROLES = ['ADMIN', 'MARKETING', 'SALES', 'EXECUTIVE'] as const;
export type Role = (typeof ROLES)[number];

export const MEMBER_STATUSES = ['INVITED', 'ACTIVE', 'DEACTIVATED'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Which side of the agreement an approver signs for. */
export type ApproverSide = 'MARKETING' | 'SALES';

const ROLE_LABELS: Readonly<Record<Role, string>> = {
  ADMIN: 'Admin',
  MARKETING: 'Marketing',
  SALES: 'Sales',
  EXECUTIVE: 'Executive',
};

/** A role as pages name it: "Sales". */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Sorted, de-duplicated roles, so that stored role sets compare equal however they were entered. */
export function normaliseRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.includes(role));
}

/** An approver signs for each side whose role they hold. */
export function approverSides(roles: readonly Role[], approver: boolean): ApproverSide[] {
  if (!approver) return [];
  const sides: ApproverSide[] = [];
  if (roles.includes('MARKETING')) sides.push('MARKETING');
  if (roles.includes('SALES')) sides.push('SALES');
  return sides;
}

/**
 * Sales managers work the whole team's leads — its handover queue, any lead's meetings and opportunities: the
 * members who sign the agreement for sales, and admins. Other sales members work their own.
 */
export function isSalesManager(actor: { roles: readonly Role[]; approver: boolean }): boolean {
  return actor.roles.includes('ADMIN') || approverSides(actor.roles, actor.approver).includes('SALES');
}

export type MemberChangeError = 'LAST_ADMIN' | 'NO_ROLES' | 'SELF_DEACTIVATION';

/**
 * A workspace must always keep an active admin, and a member must hold a role.
 * Returns why a change to a member's roles or status is refused, or null when it is allowed.
 */
export function checkMemberChange(change: {
  actorId: string;
  targetId: string;
  targetIsActiveAdmin: boolean;
  activeAdminCount: number;
  nextRoles: readonly Role[];
  deactivate: boolean;
}): MemberChangeError | null {
  if (!change.deactivate && change.nextRoles.length === 0) return 'NO_ROLES';
  if (change.deactivate && change.actorId === change.targetId) return 'SELF_DEACTIVATION';
  const losesAdmin = change.deactivate || !change.nextRoles.includes('ADMIN');
  if (change.targetIsActiveAdmin && losesAdmin && change.activeAdminCount <= 1) return 'LAST_ADMIN';
  return null;
}

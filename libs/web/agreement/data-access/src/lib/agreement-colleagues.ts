import { type ApproverSide, approverSides } from '@accord/domain/workspace';
import type { AgreementColleaguesQuery } from '@accord/web/shared/data-access';

/** A member as the agreement pages see them (the `colleagues` every role may read), with their approver flag. */
export type AgreementColleague = AgreementColleaguesQuery['colleagues'][number];

/** A member leads can be routed to: active, in sales. */
export interface RoutableMember {
  id: string;
  name: string;
}

/** Who can sign for each side now: the active approvers holding that side's role, in the list's order. */
export type SignersBySide = Record<ApproverSide, RoutableMember[]>;

/** The active sales members, whom routing can hand leads to (the API refuses anyone else). */
export function routableMembers(colleagues: readonly AgreementColleague[]): RoutableMember[] {
  return colleagues
    .filter((colleague) => colleague.status === 'ACTIVE' && colleague.roles.includes('SALES'))
    .map(({ id, name }) => ({ id, name }));
}

/** Every colleague's name by id, deactivated ones too: a version outlives its authors' and routed members' leaving. */
export function colleagueNames(colleagues: readonly AgreementColleague[]): Map<string, string> {
  return new Map(colleagues.map(({ id, name }) => [id, name]));
}

/** The active approvers of each side; invited ones cannot sign until they join. */
export function signersBySide(colleagues: readonly AgreementColleague[]): SignersBySide {
  const signers: SignersBySide = { MARKETING: [], SALES: [] };
  for (const colleague of colleagues) {
    if (colleague.status !== 'ACTIVE') continue;
    for (const side of approverSides(colleague.roles, colleague.approver)) {
      signers[side].push({ id: colleague.id, name: colleague.name });
    }
  }
  return signers;
}

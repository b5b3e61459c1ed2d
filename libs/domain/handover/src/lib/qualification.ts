import type { AgreementDocument } from '@accord/domain/agreement';
import { type Role, isSalesManager } from '@accord/domain/workspace';

export interface Qualification {
  met: number;
  required: number;
  /** Enough checklist items hold for the accepted lead to become an SQL. */
  qualified: boolean;
}

/** Counts the version's checklist items marked as holding; answers to items the version does not list are ignored. */
export function qualificationOf(sql: AgreementDocument['sql'], metKeys: ReadonlySet<string>): Qualification {
  const met = sql.checklist.filter((item) => metKeys.has(item.key)).length;
  return { met, required: sql.minimumMet, qualified: met >= sql.minimumMet };
}

/** The keys among `keys` that are not items of the version's checklist. */
export function unknownChecklistKeys(sql: AgreementDocument['sql'], keys: readonly string[]): string[] {
  const known = new Set(sql.checklist.map((item) => item.key));
  return keys.filter((key) => !known.has(key));
}

/**
 * Whether the actor answers the SQL checklist of a lead whose accepted handover this is: its owner, the member who
 * accepted it, or a sales manager. The API refuses anyone else; the lead page shows them the answers read-only.
 */
export function mayQualify(
  actor: { id: string; roles: readonly Role[]; approver: boolean },
  accepted: { ownerId: string | null; decidedById: string | null },
): boolean {
  return accepted.ownerId === actor.id || accepted.decidedById === actor.id || isSalesManager(actor);
}

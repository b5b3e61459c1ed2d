import type { AgreementDocument } from '@accord/domain/agreement';

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

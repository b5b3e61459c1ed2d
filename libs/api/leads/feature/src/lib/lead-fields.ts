import { type LeadFields, impliedSeniority } from '@accord/domain/leads';

/** Every field of a lead that people and machines write (the owner is not one: members assign it). */
export const LEAD_FIELD_NAMES: readonly (keyof LeadFields)[] = [
  'email',
  'firstName',
  'lastName',
  'title',
  'seniority',
  'department',
  'budgetAuthority',
  'companyName',
  'companyDomain',
  'employeeCount',
  'annualRevenue',
  'industry',
  'country',
  'technologies',
  'source',
  'campaign',
];

/** A lead's fields as stored: the entity, whose seniority column holds any text. */
export type StoredLeadFields = Record<keyof LeadFields, unknown>;

const given = (input: Record<string, unknown>, name: string) => name in input && input[name] !== undefined;

/**
 * The raw fields of a lead after an edit, for parseLeadFields to check: a field the input gives replaces the
 * stored one (`null` clears it), an absent one stays. A new e-mail without a companyDomain drops the stored domain,
 * so that it is derived from the new e-mail again instead of keeping the old address's company; a new title
 * without a seniority drops the seniority the old title implied, so that it is read from the new title.
 */
export function mergeLeadInput(
  current: StoredLeadFields,
  input: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const name of LEAD_FIELD_NAMES) merged[name] = given(input, name) ? input[name] : current[name];
  if (!('companyDomain' in input) && 'email' in input) merged['companyDomain'] = null;
  if (given(input, 'title') && !given(input, 'seniority') && impliedSeniority(current))
    merged['seniority'] = null;
  return merged;
}

/** Whether an edit leaves every stored field as it was (technologies compared in their stored order). */
export function sameLeadFields(stored: StoredLeadFields, fields: LeadFields): boolean {
  return LEAD_FIELD_NAMES.every((name) => JSON.stringify(stored[name]) === JSON.stringify(fields[name]));
}

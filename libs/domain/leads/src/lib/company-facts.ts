import type { LeadFields } from './lead-input';

/**
 * The facts of a lead that belong to its company, not its person: every lead at one company domain shares them,
 * and the agreement's fit criteria read most of them.
 */
export const COMPANY_FACT_FIELDS = [
  'companyName',
  'employeeCount',
  'annualRevenue',
  'industry',
  'country',
  'technologies',
] as const satisfies readonly (keyof LeadFields)[];
export type CompanyFactField = (typeof COMPANY_FACT_FIELDS)[number];
export type CompanyFacts = Pick<LeadFields, CompanyFactField>;

const known = (value: unknown) => value !== null && !(Array.isArray(value) && value.length === 0);

/**
 * A new lead with the gaps in its company's facts filled from what the workspace already knows of that company
 * (its other leads at the domain), and the fields so filled. What the lead gives always wins: a web form that sends
 * an e-mail and a title gets the industry and head count an import or an earlier lead recorded, so it is scored on
 * the same facts as its colleagues instead of as an unknown company.
 */
export function fillCompanyFacts(
  lead: LeadFields,
  company: CompanyFacts | undefined,
): { lead: LeadFields; filled: CompanyFactField[] } {
  if (!company) return { lead, filled: [] };
  const filled = COMPANY_FACT_FIELDS.filter((field) => !known(lead[field]) && known(company[field]));
  if (filled.length === 0) return { lead, filled };
  const next: Record<string, unknown> = { ...lead };
  for (const field of filled) next[field] = company[field];
  return { lead: next as LeadFields, filled };
}

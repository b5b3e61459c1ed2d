/** What fit criteria can test about a lead. null means unknown, and an unknown field never matches. */
export interface LeadFacts {
  employeeCount: number | null;
  annualRevenue: number | null;
  industry: string | null;
  /** ISO 3166 alpha-2; compared ignoring case. */
  country: string | null;
  technologies: readonly string[];
  /** One of SENIORITIES from the agreement vocabulary. */
  seniority: string | null;
  department: string | null;
  /** Lower-case domain such as "gmail.com"; see emailDomainOf. */
  emailDomain: string | null;
  title: string | null;
  budgetAuthority: boolean | null;
}

/** One recorded signal of a lead (intent, activity or a type the agreement does not know). */
export interface SignalFact {
  type: string;
  occurredAt: Date;
}

/** The lower-cased part of an e-mail address after its last '@', or null when there is none. */
export function emailDomainOf(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf('@');
  if (at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return domain === '' ? null : domain;
}

import { z } from 'zod';

import {
  type InputIssue,
  PERSONAL_EMAIL_DOMAINS,
  SENIORITIES,
  finite,
  inputIssue,
  text,
  whole,
} from '@accord/domain/agreement';
import type { LeadFacts } from '@accord/domain/scoring';
import { emailDomainOf } from '@accord/domain/scoring';

import { isCountryCode } from './countries';
import { asciiDomain } from './domains';
import { seniorityFromTitle } from './seniority-from-title';

const PERSONAL_DOMAINS: ReadonlySet<string> = new Set(PERSONAL_EMAIL_DOMAINS);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const optionalText = (max: number) => text(max).nullable().optional();

export const leadFieldsSchema = z.strictObject({
  email: text(254)
    .toLowerCase()
    // Lower case can be longer ("İ" becomes two code points); the column holds 254.
    .refine((value) => value.length <= 254, 'must be at most 254 characters')
    .refine((value) => EMAIL.test(value), 'must be an e-mail address'),
  firstName: optionalText(100),
  lastName: optionalText(100),
  title: optionalText(200),
  seniority: z
    .enum(SENIORITIES, { error: `must be one of ${SENIORITIES.join(', ')}` })
    .nullable()
    .optional(),
  department: optionalText(100),
  budgetAuthority: z.boolean({ error: 'must be true or false' }).nullable().optional(),
  companyName: optionalText(200),
  companyDomain: text(253)
    .transform((value, context) => {
      const domain = asciiDomain(value);
      if (domain === null)
        context.addIssue({ code: 'custom', message: 'must be a domain such as example.com' });
      return domain ?? z.NEVER;
    })
    .nullable()
    .optional(),
  employeeCount: whole(0, 10_000_000).nullable().optional(),
  annualRevenue: finite(0, 1e13).nullable().optional(),
  industry: optionalText(100),
  // Read as text of any reasonable length, so that "Germany" is told what a country code is, not that it is long.
  country: text(100)
    .toUpperCase()
    .refine(isCountryCode, 'must be a two-letter ISO country code')
    .nullable()
    .optional(),
  technologies: z
    .array(text(100), { error: 'must be a list' })
    .max(100, 'must hold at most 100 items')
    .optional(),
  source: optionalText(100),
  campaign: optionalText(200),
});

/** Every field of a lead with unknowns as null: the stored form. */
export type LeadFields = {
  [K in keyof z.output<typeof leadFieldsSchema>]-?: Exclude<z.output<typeof leadFieldsSchema>[K], undefined>;
};

export type LeadParseResult = { ok: true; lead: LeadFields } | { ok: false; issues: InputIssue[] };

function uniqueIgnoringCase(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The company's domain: as given, else the e-mail's (in its ASCII form, as a given one is kept) unless it is a
 * personal mailbox or no domain name at all.
 */
export function companyDomainFor(email: string, given: string | null): string | null {
  if (given) return given;
  const written = emailDomainOf(email);
  const domain = written === null ? null : asciiDomain(written);
  return domain && !PERSONAL_DOMAINS.has(domain) ? domain : null;
}

/**
 * Validates and normalises a lead from any edge (GraphQL, CSV, ingestion). Two gaps are filled from what is given:
 * the company's domain from a work e-mail, and the seniority from a job title that names one.
 */
export function parseLeadFields(input: unknown): LeadParseResult {
  const parsed = leadFieldsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(inputIssue) };
  const value = parsed.data;
  return {
    ok: true,
    lead: {
      email: value.email,
      firstName: value.firstName ?? null,
      lastName: value.lastName ?? null,
      title: value.title ?? null,
      // None given: the one the job title names, if it names one ("VP Marketing"), as the domain fills the company.
      seniority: value.seniority ?? seniorityFromTitle(value.title),
      department: value.department ?? null,
      budgetAuthority: value.budgetAuthority ?? null,
      companyName: value.companyName ?? null,
      companyDomain: companyDomainFor(value.email, value.companyDomain ?? null),
      employeeCount: value.employeeCount ?? null,
      annualRevenue: value.annualRevenue ?? null,
      industry: value.industry ?? null,
      country: value.country ?? null,
      technologies: uniqueIgnoringCase(value.technologies ?? []),
      source: value.source ?? null,
      campaign: value.campaign ?? null,
    },
  };
}

/** The stored lead fields scoring reads; seniority may be any text a store holds (unknown values never match). */
export type ScoringInputs = Pick<
  LeadFields,
  | 'email'
  | 'title'
  | 'department'
  | 'budgetAuthority'
  | 'employeeCount'
  | 'annualRevenue'
  | 'industry'
  | 'country'
> & { seniority: string | null; technologies: readonly string[] };

/** What the scoring engine reads of a lead. */
export function leadFacts(lead: ScoringInputs): LeadFacts {
  return {
    employeeCount: lead.employeeCount,
    annualRevenue: lead.annualRevenue,
    industry: lead.industry,
    country: lead.country,
    technologies: lead.technologies,
    seniority: lead.seniority,
    department: lead.department,
    emailDomain: emailDomainOf(lead.email),
    title: lead.title,
    budgetAuthority: lead.budgetAuthority,
  };
}

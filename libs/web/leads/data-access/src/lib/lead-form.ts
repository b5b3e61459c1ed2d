import {
  type FieldProblem,
  type LeadFieldsFragment,
  type LeadInput,
  type Seniority,
  sentence,
} from '@accord/web/shared/data-access';

/** A lead's fields as a form holds them: text for everything a person types. */
export interface LeadFormValue {
  email: string;
  firstName: string;
  lastName: string;
  title: string;
  seniority: Seniority | '';
  department: string;
  budgetAuthority: 'YES' | 'NO' | '';
  companyName: string;
  companyDomain: string;
  employeeCount: string;
  annualRevenue: string;
  industry: string;
  country: string;
  /** Comma-separated. */
  technologies: string;
  source: string;
  campaign: string;
  ownerId: string;
}

export type LeadFormField = keyof LeadFormValue;

export const EMPTY_LEAD_FORM: LeadFormValue = {
  email: '',
  firstName: '',
  lastName: '',
  title: '',
  seniority: '',
  department: '',
  budgetAuthority: '',
  companyName: '',
  companyDomain: '',
  employeeCount: '',
  annualRevenue: '',
  industry: '',
  country: '',
  technologies: '',
  source: '',
  campaign: '',
  ownerId: '',
};

const text = (value: string | null): string => value ?? '';
const number = (value: number | null): string => (value === null ? '' : String(value));

/** The form filled with a stored lead. */
export function leadFormFrom(lead: LeadFieldsFragment): LeadFormValue {
  return {
    email: lead.email,
    firstName: text(lead.firstName),
    lastName: text(lead.lastName),
    title: text(lead.title),
    seniority: lead.seniority ?? '',
    department: text(lead.department),
    budgetAuthority: lead.budgetAuthority === null ? '' : lead.budgetAuthority ? 'YES' : 'NO',
    companyName: text(lead.companyName),
    companyDomain: text(lead.companyDomain),
    employeeCount: number(lead.employeeCount),
    annualRevenue: number(lead.annualRevenue),
    industry: text(lead.industry),
    country: text(lead.country),
    technologies: lead.technologies.join(', '),
    source: text(lead.source),
    campaign: text(lead.campaign),
    ownerId: text(lead.ownerId),
  };
}

export type LeadInputResult = { ok: true; input: LeadInput } | { ok: false; problems: FieldProblem[] };

const optional = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * The API's input for the form. Empty fields clear (null); numbers that do not parse are reported here,
 * because GraphQL would refuse the whole request without naming the field. Every other rule is the API's.
 */
export function toLeadInput(value: LeadFormValue): LeadInputResult {
  const problems: FieldProblem[] = [];
  const parse = (field: 'employeeCount' | 'annualRevenue', whole: boolean): number | null => {
    const raw = value[field].replace(/[\s,_]/g, '');
    if (raw === '') return null;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || (whole && !Number.isInteger(parsed))) {
      problems.push({ field, message: whole ? 'must be a whole number' : 'must be a number' });
      return null;
    }
    return parsed;
  };
  const input: LeadInput = {
    email: value.email.trim(),
    firstName: optional(value.firstName),
    lastName: optional(value.lastName),
    title: optional(value.title),
    seniority: value.seniority === '' ? null : value.seniority,
    department: optional(value.department),
    budgetAuthority: value.budgetAuthority === '' ? null : value.budgetAuthority === 'YES',
    companyName: optional(value.companyName),
    companyDomain: optional(value.companyDomain),
    employeeCount: parse('employeeCount', true),
    annualRevenue: parse('annualRevenue', false),
    industry: optional(value.industry),
    country: optional(value.country),
    technologies: value.technologies
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
    source: optional(value.source),
    campaign: optional(value.campaign),
    ownerId: optional(value.ownerId),
  };
  return problems.length === 0 ? { ok: true, input } : { ok: false, problems };
}

/** Field problems by form field, worded as sentences; problems about other paths are left to the alert. */
export function problemsByField(problems: readonly FieldProblem[]): Partial<Record<LeadFormField, string>> {
  const byField: Partial<Record<LeadFormField, string>> = {};
  for (const problem of problems) {
    // "technologies.2" names one entry of a list field.
    const field = problem.field.split('.')[0] as LeadFormField;
    if (field in EMPTY_LEAD_FORM && byField[field] === undefined) byField[field] = sentence(problem.message);
  }
  return byField;
}

/** The fixed words of the agreement: grades, temperatures, matrix outcomes and the fields criteria can test. */

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export const TEMPERATURES = ['COLD', 'WARM', 'HOT'] as const;
export type Temperature = (typeof TEMPERATURES)[number];

/** What a (grade, temperature) cell does with a lead: hand it to sales, hand it over first, or keep nurturing it. */
export const MATRIX_OUTCOMES = ['MQL', 'FAST_TRACK', 'NURTURE'] as const;
export type MatrixOutcome = (typeof MATRIX_OUTCOMES)[number];

export const SENIORITIES = ['C_LEVEL', 'VP', 'DIRECTOR', 'MANAGER', 'INDIVIDUAL', 'STUDENT'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Each seniority as people read it, wherever the product names one. */
export const SENIORITY_LABELS: Readonly<Record<Seniority, string>> = {
  C_LEVEL: 'C-level',
  VP: 'VP',
  DIRECTOR: 'Director',
  MANAGER: 'Manager',
  INDIVIDUAL: 'Individual contributor',
  STUDENT: 'Student',
};

/**
 * Mailbox providers whose domain says nothing about a lead's company: leads take no company domain from them, and
 * the starter agreement's "personal e-mail address" criterion lists them.
 */
export const PERSONAL_EMAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'web.de',
] as const;

export const CONDITION_KINDS = ['RANGE', 'ANY_OF', 'CONTAINS_ANY', 'IS'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** The lead fields a fit criterion can test. */
export const FIT_FIELD_NAMES = [
  'employeeCount',
  'annualRevenue',
  'industry',
  'country',
  'technologies',
  'seniority',
  'department',
  'emailDomain',
  'title',
  'budgetAuthority',
] as const;
export type FitField = (typeof FIT_FIELD_NAMES)[number];

/** Numeric fields take a range, list fields a set of values, the title keywords, budget authority a yes/no. */
export const FIT_FIELD_CONDITION: Readonly<Record<FitField, ConditionKind>> = {
  employeeCount: 'RANGE',
  annualRevenue: 'RANGE',
  industry: 'ANY_OF',
  country: 'ANY_OF',
  technologies: 'ANY_OF',
  seniority: 'ANY_OF',
  department: 'ANY_OF',
  emailDomain: 'ANY_OF',
  title: 'CONTAINS_ANY',
  budgetAuthority: 'IS',
};

/** Company fields describe the account; the rest describe the contact. */
export const COMPANY_FIELDS: readonly FitField[] = [
  'employeeCount',
  'annualRevenue',
  'industry',
  'country',
  'technologies',
];

/** Intent signal types with a meaning Accord knows; workspaces may add their own upper-case types. */
export const STANDARD_SIGNAL_TYPES = [
  'PRICING_PAGE_VISIT',
  'DEMO_REQUEST',
  'CONTENT_DOWNLOAD',
  'WEBINAR_ATTENDED',
  'EMAIL_CLICK',
  'TOPIC_SURGE',
] as const;

/** Activity is recorded as signals too, but it measures effort, not a buyer's intent, so it never scores. */
export const ACTIVITY_SIGNAL_TYPES = ['EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED'] as const;
export type ActivitySignalType = (typeof ACTIVITY_SIGNAL_TYPES)[number];

export function isActivitySignalType(type: string): type is ActivitySignalType {
  return (ACTIVITY_SIGNAL_TYPES as readonly string[]).includes(type);
}

/**
 * How people read the signal types Accord knows, where an agreement gives a type no label of its own (activity,
 * which no agreement weighs, or a type a version dropped). Written out because some read differently from their
 * upper-case names: "E-mail click", as the starter agreement spells it, not "Email click".
 */
const SIGNAL_TYPE_LABELS: Readonly<Record<string, string>> = {
  PRICING_PAGE_VISIT: 'Pricing page visit',
  DEMO_REQUEST: 'Demo request',
  CONTENT_DOWNLOAD: 'Content download',
  WEBINAR_ATTENDED: 'Webinar attended',
  EMAIL_CLICK: 'E-mail click',
  TOPIC_SURGE: 'Third-party topic surge',
  EMAIL_SENT: 'E-mail sent',
  CALL_MADE: 'Call made',
  MEETING_BOOKED: 'Meeting booked',
} satisfies Record<(typeof STANDARD_SIGNAL_TYPES)[number] | ActivitySignalType, string>;

/** "EMAIL_CLICK" as "E-mail click"; a workspace's own "TRIAL_STARTED" (or "trial-started") as "Trial started". */
export function signalTypeLabel(type: string): string {
  const known = Object.hasOwn(SIGNAL_TYPE_LABELS, type) ? SIGNAL_TYPE_LABELS[type] : undefined;
  if (known) return known;
  const words = type.toLowerCase().replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const REJECTION_CONSEQUENCES = ['RECYCLE', 'DISQUALIFY'] as const;
export type RejectionConsequence = (typeof REJECTION_CONSEQUENCES)[number];

export const KPI_KINDS = ['OUTCOME', 'ACTIVITY'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

export const KPI_PERIODS = ['WEEK', 'MONTH', 'QUARTER'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

export const ROUTING_MODES = ['ROUND_ROBIN', 'TERRITORY'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

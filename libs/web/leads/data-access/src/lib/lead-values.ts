import { type SpelledField, parseSpelling, spellingKey } from '@accord/domain/leads';
import type { CorrectLeadValueMutation, LeadValueField } from '@accord/web/shared/data-access';

export type CorrectedLeadValue = CorrectLeadValueMutation['correctLeadValue'];

/** The fields whose values have one spelling per workspace, as the values page offers them. */
export const LEAD_VALUE_FIELDS: readonly { field: LeadValueField; label: string; plural: string }[] = [
  { field: 'SOURCE', label: 'Source', plural: 'sources' },
  { field: 'CAMPAIGN', label: 'Campaign', plural: 'campaigns' },
  { field: 'INDUSTRY', label: 'Industry', plural: 'industries' },
];

const fieldOf = (field: LeadValueField) =>
  LEAD_VALUE_FIELDS.find((entry) => entry.field === field) ?? LEAD_VALUE_FIELDS[0];

/** A count with thousands separated, "1,200": without Angular's DecimalPipe, whose code would join the first chunk. */
export const wholeNumber = (n: number): string => n.toLocaleString('en-US');

const count = (n: number, one: string, many: string) => `${wholeNumber(n)} ${n === 1 ? one : many}`;

/**
 * What is wrong with a corrected spelling before it is sent, or null: the lead rules' text limits, and the rule
 * that a correction changes case only — another value is a change to the leads, made on them.
 */
export function correctionProblem(field: LeadValueField, current: string, given: string): string | null {
  const parsed = parseSpelling(field.toLowerCase() as SpelledField, given);
  if (!parsed.ok) return `The ${fieldOf(field).label.toLowerCase()} ${parsed.issues[0].message}.`;
  const key = spellingKey(current);
  if (parsed.spelling.key !== key && parsed.spelling.key.replace(/\s+/g, ' ') === key.replace(/\s+/g, ' '))
    return `Only the case can change here, not the spaces between words: “${current}” keeps its spaces as they are.`;
  if (parsed.spelling.key !== key)
    return `Only the case can change here: “${parsed.spelling.spelling}” is another value than “${current}”. Edit the leads to give them another one.`;
  return null;
}

/** What a correction did, in a sentence. */
export function correctionWords({ previous, spelling, leads }: CorrectedLeadValue): string {
  if (previous === spelling) return `It already reads “${spelling}”.`;
  if (leads === 0) return `“${previous}” now reads “${spelling}”; no lead holds it at the moment.`;
  return `“${previous}” now reads “${spelling}” in ${count(leads, 'lead', 'leads')}.`;
}

/** How many values there are, and which of them are listed when not all are. */
export function valuesSummary(field: LeadValueField, listed: number, total: number): string {
  const { plural } = fieldOf(field);
  const one = plural === 'industries' ? 'industry' : plural.slice(0, -1);
  if (total === 0) return `No lead has had a ${one} yet.`;
  if (listed < total)
    return `The ${listed.toLocaleString('en-US')} ${plural} with the most leads, of ${total.toLocaleString('en-US')}.`;
  return `${count(total, one, plural)}, those with the most leads first.`;
}

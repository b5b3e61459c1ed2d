import { OPPORTUNITY_STAGE_LABELS } from '@accord/domain/pipeline';
import { SENIORITY_LABELS, typeLabel } from '@accord/web/leads/data-access';

import type { ImportKindName } from './import-requests';

/**
 * The words the rest of the app uses for each enumeration field's values, by kind and field key (the keys
 * importFields answers). Signal types have none here: their labels are the workspace agreement's, and read as
 * their name in words (as the lead pages show types the agreement does not label).
 */
const VALUE_LABELS: Partial<Record<ImportKindName, Record<string, Readonly<Record<string, string>>>>> = {
  LEADS: { seniority: SENIORITY_LABELS },
  OPPORTUNITIES: { stage: OPPORTUNITY_STAGE_LABELS },
};

/**
 * How the value mapping names one of Accord's values (`VP`, `PROOF_OF_CONCEPT`, `PRICING_PAGE_VISIT`): its label
 * where the app has one, else its name in words ("Pricing page visit"). The value itself is what the mapping
 * records.
 */
export function importValueLabel(kind: ImportKindName, field: string, value: string): string {
  const labels = VALUE_LABELS[kind]?.[field];
  return (labels && Object.hasOwn(labels, value) ? labels[value] : undefined) ?? typeLabel(value);
}

import { type AgreementDocument, starterAgreement } from '@accord/domain/agreement';

import type { LeadFacts, SignalFact } from '../lib/lead';

export const NOW = new Date('2025-06-02T09:00:00.000Z');

const MS_PER_DAY = 86_400_000;

export const SALES_MEMBER_ID = '0b6f1c9e-3a52-4c1e-9d7a-2f4e8b1c6a90';

export function starter(): AgreementDocument {
  return starterAgreement([SALES_MEMBER_ID]);
}

/** A lead about whom nothing is known; tests fill in only what they are about. */
export function unknownLead(facts: Partial<LeadFacts> = {}): LeadFacts {
  return {
    employeeCount: null,
    annualRevenue: null,
    industry: null,
    country: null,
    technologies: [],
    seniority: null,
    department: null,
    emailDomain: null,
    title: null,
    budgetAuthority: null,
    ...facts,
  };
}

export function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * MS_PER_DAY);
}

export function signal(type: string, occurredAt: Date): SignalFact {
  return { type, occurredAt };
}

/** A document with one fit field whose criteria score exactly the given points (maxPositive is 100). */
export function documentWithEmployeeBands(bands: readonly { min: number; max: number; points: number }[]) {
  const document = starter();
  return {
    ...document,
    fit: {
      ...document.fit,
      criteria: [
        {
          key: 'best',
          label: 'Best',
          field: 'employeeCount' as const,
          condition: { kind: 'RANGE' as const, min: null, max: 0 },
          points: 100,
        },
        ...bands.map(({ min, max, points }) => ({
          key: `band-${min}`,
          label: `${min}–${max} employees`,
          field: 'employeeCount' as const,
          condition: { kind: 'RANGE' as const, min, max },
          points,
        })),
      ],
    },
  } satisfies AgreementDocument;
}

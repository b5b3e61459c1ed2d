import type { AgreementDocument } from '@accord/domain/agreement';
import {
  type Evaluation,
  type LeadFacts,
  type SignalFact,
  emailDomainOf,
  evaluateLead,
} from '@accord/domain/scoring';

const MS_PER_DAY = 86_400_000;

/** The preview's made-up lead, as its form holds it: free text, empty meaning unknown. */
export interface SampleLead {
  employeeCount: number | null;
  annualRevenue: number | null;
  industry: string;
  country: string;
  /** Comma-separated. */
  technologies: string;
  seniority: string | null;
  department: string;
  email: string;
  title: string;
  budgetAuthority: boolean | null;
  signals: SampleSignal[];
}

export interface SampleSignal {
  type: string;
  daysAgo: number | null;
}

/** A mid-sized software company's marketing director who looked at pricing and asked for a demo. */
export const DEFAULT_SAMPLE_LEAD: SampleLead = {
  employeeCount: 150,
  annualRevenue: 20_000_000,
  industry: 'Software',
  country: 'DE',
  technologies: 'Salesforce',
  seniority: 'DIRECTOR',
  department: 'Marketing',
  email: 'dana@example.com',
  title: 'Director of Marketing',
  budgetAuthority: true,
  signals: [
    { type: 'PRICING_PAGE_VISIT', daysAgo: 2 },
    { type: 'WEBINAR_ATTENDED', daysAgo: 10 },
  ],
};

function known(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

export function toLeadFacts(sample: SampleLead): LeadFacts {
  return {
    employeeCount: finite(sample.employeeCount),
    annualRevenue: finite(sample.annualRevenue),
    industry: known(sample.industry),
    country: known(sample.country),
    technologies: sample.technologies
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    seniority: sample.seniority,
    department: known(sample.department),
    emailDomain: emailDomainOf(known(sample.email)),
    title: known(sample.title),
    budgetAuthority: sample.budgetAuthority,
  };
}

/** Signals dated `daysAgo` before `now`; rows without a type or a day count are left out. */
export function toSignalFacts(signals: readonly SampleSignal[], now: Date): SignalFact[] {
  return signals.flatMap((signal) => {
    const days = finite(signal.daysAgo);
    const type = signal.type.trim();
    return type && days !== null ? [{ type, occurredAt: new Date(now.getTime() - days * MS_PER_DAY) }] : [];
  });
}

/** The sample lead scored with the document being edited, exactly as the scoring engine will score real leads. */
export function previewEvaluation(sample: SampleLead, document: AgreementDocument, now: Date): Evaluation {
  return evaluateLead({
    lead: toLeadFacts(sample),
    signals: toSignalFacts(sample.signals, now),
    version: { id: 'preview', document },
    now,
  });
}

import type { LeadFieldsFragment, LeadQuery } from '@accord/web/shared/data-access';

/** A lead as the API answers it, scored A/HOT under v1; override what a test is about. */
export function leadFields(overrides: Partial<LeadFieldsFragment> = {}): LeadFieldsFragment {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'ada@acme.test',
    firstName: 'Ada',
    lastName: 'Lovelace',
    title: 'VP Operations',
    seniority: 'VP',
    department: 'Operations',
    budgetAuthority: true,
    companyName: 'Acme',
    companyDomain: 'acme.test',
    employeeCount: 450,
    annualRevenue: 12000000,
    industry: 'Software',
    country: 'DE',
    technologies: ['Salesforce', 'HubSpot'],
    source: 'website',
    campaign: null,
    ownerId: null,
    stage: 'MQL',
    stageChangedAt: '2026-11-20T10:00:00.000Z',
    signalCount: 3,
    lastSignalAt: '2026-11-24T09:00:00.000Z',
    createdAt: '2026-11-01T08:00:00.000Z',
    evaluation: {
      fitScore: 81.6,
      grade: 'A',
      intentScore: 44.4,
      temperature: 'HOT',
      outcome: 'MQL',
      versionNumber: 1,
      evaluatedAt: '2026-11-24T09:00:00.000Z',
    },
    ...overrides,
  };
}

/** The lead page's answer: an explanation with fit, intent, activity and an unknown type. */
export function leadDetail(overrides: Partial<LeadQuery['lead']> = {}): LeadQuery['lead'] {
  return {
    lead: leadFields(),
    explanation: {
      summary: '+20 200–1,000 employees · −30 Personal e-mail address · +15 Pricing page visit ×3, decayed',
      fit: [
        {
          key: 'size',
          label: '200–1,000 employees',
          points: 20,
          contribution: 20,
          counted: null,
          overCap: null,
          decayed: null,
        },
        {
          key: 'personal',
          label: 'Personal e-mail address',
          points: -30,
          contribution: -30,
          counted: null,
          overCap: null,
          decayed: null,
        },
      ],
      fitAdjustment: 0,
      intent: [
        {
          key: 'PRICING_PAGE_VISIT',
          label: 'Pricing page visit',
          points: 14.6,
          contribution: 14.6,
          counted: 3,
          overCap: 1,
          decayed: true,
        },
      ],
      intentAdjustment: 0,
      activity: [{ type: 'CALL_MADE', count: 1 }],
      unknownSignalTypes: [{ type: 'PODCAST_LISTENED', count: 1 }],
    },
    signals: [
      { externalId: 's1', type: 'PRICING_PAGE_VISIT', occurredAt: '2026-11-20T09:00:00.000Z', source: 'web' },
      { externalId: 's2', type: 'CALL_MADE', occurredAt: '2026-11-24T09:00:00.000Z', source: null },
      { externalId: 's3', type: 'PODCAST_LISTENED', occurredAt: '2026-11-22T09:00:00.000Z', source: 'rss' },
    ],
    transitions: [
      {
        at: '2026-11-01T08:00:00.000Z',
        fromStage: null,
        toStage: 'LEAD',
        reason: 'created',
        versionNumber: 1,
      },
      {
        at: '2026-11-20T10:00:00.000Z',
        fromStage: 'LEAD',
        toStage: 'MQL',
        reason: 'scored B/HOT: MQL',
        versionNumber: 1,
      },
    ],
    ...overrides,
  };
}

const typed = <T extends object>(typename: string, value: T) => ({ __typename: typename, ...value });

/** A lead as Apollo's cache needs it in an answer: every object names its type, so fragments match. */
export function leadAnswer(lead: LeadFieldsFragment = leadFields()) {
  return typed('Lead', {
    ...lead,
    evaluation: lead.evaluation ? typed('LeadEvaluation', lead.evaluation) : null,
  });
}

/** The lead page's answer, typed for Apollo's cache. */
export function leadDetailAnswer(detail: LeadQuery['lead'] = leadDetail()) {
  const explanation = detail.explanation;
  return {
    lead: typed('LeadDetail', {
      lead: leadAnswer(detail.lead),
      explanation: explanation
        ? typed('LeadExplanation', {
            ...explanation,
            fit: explanation.fit.map((item) => typed('ScoreContribution', item)),
            intent: explanation.intent.map((item) => typed('ScoreContribution', item)),
            activity: explanation.activity.map((item) => typed('SignalTypeCount', item)),
            unknownSignalTypes: explanation.unknownSignalTypes.map((item) => typed('SignalTypeCount', item)),
          })
        : null,
      signals: detail.signals.map((item) => typed('LeadSignal', item)),
      transitions: detail.transitions.map((item) => typed('LeadTransition', item)),
    }),
  };
}

import type { AgreementDocument } from './document';
import { PERSONAL_EMAIL_DOMAINS } from './vocabulary';

/**
 * A sensible first agreement for a B2B software company, for a workspace that has none yet: it is a draft to
 * adapt, not a recommendation. Leads are routed round-robin to the given members (the workspace's sales team),
 * which may be none yet: the draft can be saved, and names its team before it is proposed.
 */
export function starterAgreement(routeToMemberIds: readonly string[]): AgreementDocument {
  return {
    fit: {
      criteria: [
        {
          key: 'employees-50-200',
          label: '50–200 employees',
          field: 'employeeCount',
          condition: { kind: 'RANGE', min: 50, max: 200 },
          points: 15,
        },
        {
          key: 'employees-200-1000',
          label: '200–1,000 employees',
          field: 'employeeCount',
          condition: { kind: 'RANGE', min: 200, max: 1000 },
          points: 25,
        },
        {
          key: 'employees-1000-plus',
          label: '1,000+ employees',
          field: 'employeeCount',
          condition: { kind: 'RANGE', min: 1000, max: null },
          points: 15,
        },
        {
          key: 'revenue-10m-plus',
          label: 'Revenue over $10M',
          field: 'annualRevenue',
          condition: { kind: 'RANGE', min: 10_000_000, max: null },
          points: 10,
        },
        {
          key: 'industry-software',
          label: 'Software or internet',
          field: 'industry',
          condition: { kind: 'ANY_OF', values: ['Software', 'Internet', 'SaaS'] },
          points: 15,
        },
        {
          key: 'region-core',
          label: 'Core markets',
          field: 'country',
          condition: { kind: 'ANY_OF', values: ['US', 'CA', 'GB', 'DE', 'FR', 'NL'] },
          points: 10,
        },
        {
          key: 'uses-crm',
          label: 'Uses a CRM',
          field: 'technologies',
          condition: { kind: 'ANY_OF', values: ['Salesforce', 'HubSpot'] },
          points: 5,
        },
        {
          key: 'senior-buyer',
          label: 'Director or above',
          field: 'seniority',
          condition: { kind: 'ANY_OF', values: ['C_LEVEL', 'VP', 'DIRECTOR'] },
          points: 15,
        },
        {
          key: 'revenue-titles',
          label: 'Revenue role in title',
          field: 'title',
          condition: { kind: 'CONTAINS_ANY', keywords: ['marketing', 'revenue', 'sales', 'growth'] },
          points: 5,
        },
        {
          key: 'budget-holder',
          label: 'Holds budget',
          field: 'budgetAuthority',
          condition: { kind: 'IS', value: true },
          points: 10,
        },
        {
          key: 'personal-email',
          label: 'Personal e-mail address',
          field: 'emailDomain',
          condition: { kind: 'ANY_OF', values: [...PERSONAL_EMAIL_DOMAINS] },
          points: -30,
        },
        {
          key: 'student',
          label: 'Student',
          field: 'seniority',
          condition: { kind: 'ANY_OF', values: ['STUDENT'] },
          points: -40,
        },
      ],
      grades: { A: 75, B: 55, C: 35 },
    },
    intent: {
      signals: [
        { type: 'DEMO_REQUEST', label: 'Demo request', weight: 60, cap: 1, halfLifeDays: 30 },
        { type: 'PRICING_PAGE_VISIT', label: 'Pricing page visit', weight: 15, cap: 3, halfLifeDays: 14 },
        { type: 'WEBINAR_ATTENDED', label: 'Webinar attended', weight: 15, cap: 2, halfLifeDays: 30 },
        { type: 'CONTENT_DOWNLOAD', label: 'Content download', weight: 8, cap: 3, halfLifeDays: 21 },
        { type: 'EMAIL_CLICK', label: 'E-mail click', weight: 3, cap: 5, halfLifeDays: 7 },
        { type: 'TOPIC_SURGE', label: 'Third-party topic surge', weight: 10, cap: 1, halfLifeDays: 14 },
      ],
      temperature: { warm: 30, hot: 60 },
    },
    handover: {
      matrix: {
        A: { COLD: 'NURTURE', WARM: 'MQL', HOT: 'FAST_TRACK' },
        B: { COLD: 'NURTURE', WARM: 'MQL', HOT: 'MQL' },
        C: { COLD: 'NURTURE', WARM: 'NURTURE', HOT: 'MQL' },
        D: { COLD: 'NURTURE', WARM: 'NURTURE', HOT: 'NURTURE' },
      },
      slaHours: { COLD: 72, WARM: 24, HOT: 4 },
      routing: { mode: 'ROUND_ROBIN', memberIds: [...routeToMemberIds] },
    },
    sql: {
      checklist: [
        {
          key: 'budget',
          label: 'Budget',
          description: 'A budget exists or can be made available this fiscal year.',
        },
        {
          key: 'authority',
          label: 'Authority',
          description: 'We are talking to the decision maker or have a path to them.',
        },
        {
          key: 'need',
          label: 'Need',
          description: 'A problem we solve, confirmed in the prospect’s own words.',
        },
        {
          key: 'timing',
          label: 'Timing',
          description: 'A decision is planned within the next two quarters.',
        },
      ],
      minimumMet: 3,
    },
    rejectionReasons: [
      { key: 'not-ready', label: 'Not ready to buy', consequence: 'RECYCLE', recycleAfterDays: 60 },
      { key: 'no-budget', label: 'No budget this year', consequence: 'RECYCLE', recycleAfterDays: 120 },
      { key: 'wrong-contact', label: 'Wrong contact', consequence: 'RECYCLE', recycleAfterDays: 14 },
      {
        key: 'not-icp',
        label: 'Outside our ideal customer profile',
        consequence: 'DISQUALIFY',
        recycleAfterDays: null,
      },
      {
        key: 'competitor',
        label: 'Competitor or partner',
        consequence: 'DISQUALIFY',
        recycleAfterDays: null,
      },
    ],
    // Targets of one consistent team: ≈60 MQLs and 15 SQLs a month, opportunities of ≈40,000 (pipeline ≈600,000 a
    // month), 40 % of it won.
    kpis: [
      {
        key: 'mqls',
        name: 'MQLs',
        definition:
          'Leads that entered an MQL or fast-track cell of the matrix under the version in force, counted when they entered.',
        kind: 'OUTCOME',
        target: { value: 60, period: 'MONTH' },
      },
      {
        key: 'sqls',
        name: 'SQLs',
        definition: 'Accepted leads that met the SQL checklist minimum, counted when they met it.',
        kind: 'OUTCOME',
        target: { value: 15, period: 'MONTH' },
      },
      {
        key: 'qualified-meetings-held',
        name: 'Qualified meetings held',
        definition:
          'Meetings held with an accepted lead; no-shows and meetings with unaccepted leads do not count.',
        kind: 'OUTCOME',
        target: { value: 20, period: 'MONTH' },
      },
      {
        key: 'pipeline-sourced',
        name: 'Pipeline sourced',
        definition:
          'Sum of the opening amounts of opportunities opened in the period, imported history included.',
        kind: 'OUTCOME',
        target: { value: 1_800_000, period: 'QUARTER' },
      },
      {
        key: 'revenue-won',
        name: 'Revenue won',
        definition:
          'Sum of the closing amounts of opportunities won in the period, imported history included.',
        kind: 'OUTCOME',
        target: { value: 750_000, period: 'QUARTER' },
      },
      {
        key: 'sla-met',
        name: 'Handovers decided within SLA',
        definition:
          'Share of handovers accepted or rejected before their due time; expired ones count as missed.',
        kind: 'OUTCOME',
        target: { value: 90, period: 'MONTH' },
      },
      {
        key: 'emails-sent',
        name: 'E-mails sent',
        definition: 'EMAIL_SENT activity signals recorded; a diagnostic, never a goal.',
        kind: 'ACTIVITY',
        target: null,
      },
      {
        key: 'calls-made',
        name: 'Calls made',
        definition: 'CALL_MADE activity signals recorded; a diagnostic, never a goal.',
        kind: 'ACTIVITY',
        target: null,
      },
    ],
  };
}

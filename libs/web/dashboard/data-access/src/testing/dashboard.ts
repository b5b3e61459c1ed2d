import type { Colleague } from '@accord/web/shared/data-access';

import type { Dashboard, DashboardMetric, DashboardRow } from '../lib/dashboard-types';

export const WORKSPACE_TIME_ZONE = 'Europe/Berlin';
/** The workspace's reporting currency as the dashboard names it (sessions in the specs say USD until it answers). */
export const WORKSPACE_CURRENCY = 'EUR';
export const VERSION_3 = '00000000-0000-4000-8000-0000000000b3';
export const VERSION_4 = '00000000-0000-4000-8000-0000000000b4';
export const RIA = '00000000-0000-4000-8000-0000000000a2';
export const SAM = '00000000-0000-4000-8000-0000000000a3';
/** A member who owns nothing this month: the owner filter offers every active member, not only the reps seen. */
export const NIA = '00000000-0000-4000-8000-0000000000a4';
export const GONE = '00000000-0000-4000-8000-0000000000a5';

/** The workspace's members as `colleagues` lists them, by name: Ria and Nia in EMEA, Sam in DACH. */
export const COLLEAGUES: Colleague[] = [
  { id: 'eve', name: 'Eve Executive', roles: ['EXECUTIVE'], team: null, status: 'ACTIVE' },
  { id: GONE, name: 'Gus Gone', roles: ['SALES'], team: 'Nordics', status: 'DEACTIVATED' },
  { id: NIA, name: 'Nia New', roles: ['SALES'], team: 'EMEA', status: 'ACTIVE' },
  { id: RIA, name: 'Ria Rep', roles: ['SALES'], team: 'EMEA', status: 'ACTIVE' },
  { id: SAM, name: 'Sam Sales', roles: ['SALES'], team: 'DACH', status: 'ACTIVE' },
];

/** A `Colleagues` query's data, as Apollo's cache needs it. */
export function colleaguesData(colleagues: Colleague[] = COLLEAGUES) {
  return { colleagues: colleagues.map((colleague) => ({ __typename: 'Colleague', ...colleague })) };
}

/** Weekly buckets of November 2026 in Berlin (Mondays at local midnight). */
const WEEKS = [
  '2026-10-25T23:00:00.000Z',
  '2026-11-01T23:00:00.000Z',
  '2026-11-08T23:00:00.000Z',
  '2026-11-15T23:00:00.000Z',
  '2026-11-22T23:00:00.000Z',
];

export function metric(overrides: Partial<DashboardMetric> = {}): DashboardMetric {
  return {
    key: 'mqls',
    name: 'MQLs',
    definition: 'Leads that became marketing-qualified (moved into MQL) in the period.',
    kind: 'OUTCOME',
    unit: 'COUNT',
    value: 42,
    numerator: null,
    denominator: null,
    target: 40,
    targetGap: 2,
    targetToDate: null,
    paceGap: null,
    trend: WEEKS.map((bucketStart, index) => ({
      bucketStart,
      value: [6, 9, 11, 8, 8][index],
      partial: index === WEEKS.length - 1,
      // 40 a month: November's 1st in the first week, whole weeks of 7/30, this week so far 3 days.
      target: [40 / 30, 280 / 30, 280 / 30, 280 / 30, 4][index],
    })),
    ...overrides,
  };
}

/** A November 2026 dashboard of a Berlin workspace, as the API answers it. */
export function dashboardAnswer(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    timeZone: WORKSPACE_TIME_ZONE,
    currency: WORKSPACE_CURRENCY,
    granularity: 'WEEK',
    targetScope: 'SELECTION',
    outcomes: [
      metric(),
      metric({
        key: 'mql-acceptance-rate',
        name: 'MQL → SAL acceptance rate',
        definition: 'Handovers accepted by sales ÷ handovers accepted or rejected.',
        unit: 'RATE',
        value: 62.5,
        numerator: 25,
        denominator: 40,
        target: 70,
        targetGap: -7.5,
      }),
      metric({
        key: 'revenue-won',
        name: 'Revenue won',
        definition: 'Sum of the closing amounts of opportunities won in the period.',
        unit: 'AMOUNT',
        value: 125000,
        denominator: 3,
        target: 100000,
        targetGap: 25000,
      }),
      metric({
        key: 'sales-cycle-days',
        name: 'Sales cycle (first touch → close)',
        definition: 'Median days from a lead first being recorded to its opportunity being won.',
        unit: 'DAYS',
        value: 28,
        denominator: 3,
        target: 30,
        targetGap: -2,
      }),
    ],
    activities: [
      metric({
        key: 'calls-made',
        name: 'Calls made',
        definition: 'CALL_MADE activity signals in the period; a diagnostic, never a goal.',
        kind: 'ACTIVITY',
        value: 310,
        target: null,
        targetGap: null,
      }),
    ],
    funnel: [
      { stage: 'LEAD', count: 200, conversionFromPrevious: null, dropOff: null },
      { stage: 'MQL', count: 42, conversionFromPrevious: 21, dropOff: 158 },
      { stage: 'SAL', count: 25, conversionFromPrevious: 59.52380952380952, dropOff: 17 },
      { stage: 'SQL', count: 12, conversionFromPrevious: 48, dropOff: 13 },
      { stage: 'OPPORTUNITY', count: 8, conversionFromPrevious: 66.66666666666667, dropOff: 4 },
      { stage: 'WON', count: 3, conversionFromPrevious: 37.5, dropOff: 5 },
    ],
    rejectionsBySource: [
      { reasonKey: 'not-ready', reasonLabel: 'Not ready to buy', group: 'webinar', count: 4 },
      { reasonKey: 'competitor', reasonLabel: 'Works for a competitor', group: '=HYPERLINK("x")', count: 1 },
    ],
    rejectionsByCampaign: [
      { reasonKey: 'not-ready', reasonLabel: 'Not ready to buy', group: 'Autumn launch', count: 3 },
      { reasonKey: 'not-ready', reasonLabel: 'Not ready to buy', group: null, count: 1 },
      { reasonKey: 'competitor', reasonLabel: 'Works for a competitor', group: null, count: 1 },
    ],
    rejectionsByGrade: [{ reasonKey: 'not-ready', reasonLabel: 'Not ready to buy', group: 'B', count: 5 }],
    reps: [
      {
        ownerId: RIA,
        name: 'Ria Rep',
        revenueWon: 25000,
        quota: 50000,
        attainment: 0.5,
        qualifiedMeetingsHeld: 2,
        callsMade: 200,
        emailsSent: 300,
        meetingsBooked: 10,
        acceptedHandovers: 9,
      },
      {
        ownerId: SAM,
        name: 'Sam Sales',
        revenueWon: 100000,
        quota: null,
        attainment: null,
        qualifiedMeetingsHeld: 6,
        callsMade: 20,
        emailsSent: 40,
        meetingsBooked: 4,
        acceptedHandovers: 16,
      },
    ],
    versions: [
      { id: VERSION_3, number: 3 },
      { id: VERSION_4, number: 4 },
    ],
    segments: {
      industries: ['Manufacturing', 'Software'],
      countries: ['DE', 'FR'],
      sources: ['webinar', 'website'],
      campaigns: ['Autumn launch'],
      employeeBands: ['1–49', '50–199', '200–999', '1000+'],
    },
    ...overrides,
  };
}

export function dashboardRow(overrides: Partial<DashboardRow> = {}): DashboardRow {
  return {
    leadId: '00000000-0000-4000-8000-000000000001',
    leadName: 'Ada Lovelace',
    email: 'ada@acme.test',
    companyName: 'Acme',
    at: '2026-11-03T09:30:00.000Z',
    detail: 'MQL under v4',
    ...overrides,
  };
}

const typed = <T extends object>(typename: string, value: T) => ({ __typename: typename, ...value });

function metricData(value: DashboardMetric) {
  return typed('DashboardMetric', {
    ...value,
    trend: value.trend.map((point) => typed('TrendPoint', point)),
  });
}

/** A `Dashboard` query's data, every object naming its type as Apollo's cache needs. */
export function dashboardData(value: Dashboard = dashboardAnswer()) {
  return {
    dashboard: typed('Dashboard', {
      ...value,
      outcomes: value.outcomes.map(metricData),
      activities: value.activities.map(metricData),
      funnel: value.funnel.map((step) => typed('FunnelStep', step)),
      rejectionsBySource: value.rejectionsBySource.map((entry) => typed('RejectionCount', entry)),
      rejectionsByCampaign: value.rejectionsByCampaign.map((entry) => typed('RejectionCount', entry)),
      rejectionsByGrade: value.rejectionsByGrade.map((entry) => typed('RejectionCount', entry)),
      reps: value.reps.map((rep) => typed('RepRow', rep)),
      versions: value.versions.map((version) => typed('DashboardVersion', version)),
      segments: typed('DashboardSegments', value.segments),
    }),
  };
}

/** A page of drill-down rows as the API answers it; cursors are "c-<leadId>". */
export function rowsAnswer(rows: DashboardRow[], hasNextPage = false) {
  return {
    dashboardRows: typed('DashboardRowConnection', {
      edges: rows.map((node) =>
        typed('DashboardRowEdge', { cursor: `c-${node.leadId}`, node: typed('DashboardRow', node) }),
      ),
      pageInfo: typed('PageInfo', {
        endCursor: rows.length ? `c-${rows[rows.length - 1].leadId}` : null,
        hasNextPage,
      }),
    }),
  };
}

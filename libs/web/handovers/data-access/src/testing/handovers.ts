import type { ApolloTestingController, TestOperation } from 'apollo-angular/testing';

import type {
  HandoverFieldsFragment,
  HandoverWithHistoryFieldsFragment,
  QualificationFieldsFragment,
} from '@accord/web/shared/data-access';

export const LEAD_ID = '00000000-0000-4000-8000-000000000001';

/** The demo agreement's kinds of reason: one recycles, one disqualifies. */
export const NOT_READY = {
  key: 'not-ready',
  label: 'Not ready to buy',
  consequence: 'RECYCLE' as const,
  recycleAfterDays: 60,
};
export const COMPETITOR = {
  key: 'competitor',
  label: 'Works for a competitor',
  consequence: 'DISQUALIFY' as const,
  recycleAfterDays: null,
};

/** An open handover of an A/HOT lead to Sam, due 25 Nov 2026, 12:00 UTC, as the API answers it. */
export function handover(overrides: Partial<HandoverFieldsFragment> = {}): HandoverFieldsFragment {
  return {
    id: 'h1',
    status: 'OPEN',
    grade: 'A',
    temperature: 'HOT',
    outcome: 'MQL',
    fitScore: 81.6,
    intentScore: 64.4,
    explanation: '+20 employees 200–1000 · +15 pricing page ×3',
    versionId: 'v1',
    versionNumber: 1,
    handedOverAt: '2026-11-25T08:00:00.000Z',
    dueAt: '2026-11-25T12:00:00.000Z',
    expiredAt: null,
    decidedAt: null,
    withinSla: null,
    note: null,
    owner: { id: 'sam', name: 'Sam Sales' },
    decidedBy: null,
    reason: null,
    lead: {
      id: LEAD_ID,
      email: 'ada@acme.test',
      name: 'Ada Lovelace',
      title: 'VP Operations',
      companyName: 'Acme',
      country: 'DE',
      source: 'website',
      campaign: null,
      stage: 'MQL',
      recentSignals: [{ type: 'pricing-page', count: 3, lastAt: '2026-11-25T07:30:00.000Z' }],
    },
    ...overrides,
  };
}

/** The same handover with its history, as the mutations and the lead's handovers answer it. */
export function handoverWithHistory(
  overrides: Partial<HandoverWithHistoryFieldsFragment> = {},
): HandoverWithHistoryFieldsFragment {
  return {
    ...handover(),
    events: [
      {
        kind: 'CREATED',
        detail: 'Handed over to Sam Sales under v1',
        at: '2026-11-25T08:00:00.000Z',
        actor: null,
        owner: { id: 'sam', name: 'Sam Sales' },
      },
    ],
    ...overrides,
  };
}

/** An accepted lead's checklist with two items, one answered. */
export function qualification(
  overrides: Partial<QualificationFieldsFragment> = {},
): QualificationFieldsFragment {
  return {
    leadId: LEAD_ID,
    versionNumber: 1,
    stage: 'SAL',
    met: 1,
    required: 2,
    qualified: false,
    items: [
      {
        key: 'budget',
        label: 'Budget confirmed',
        description: 'The buyer has budget this year.',
        met: true,
        note: 'Q1 budget',
        answeredAt: '2026-11-25T10:00:00.000Z',
        answeredBy: { id: 'sam', name: 'Sam Sales' },
      },
      {
        key: 'timeline',
        label: 'Timeline under 6 months',
        description: 'They plan to buy within six months.',
        met: null,
        note: null,
        answeredAt: null,
        answeredBy: null,
      },
    ],
    ...overrides,
  };
}

const typed = <T extends object>(typename: string, value: T) => ({ __typename: typename, ...value });
const person = (value: { id: string; name: string } | null) => value && typed('HandoverPerson', value);
const reason = (value: HandoverFieldsFragment['reason']) => value && typed('RejectionReasonOption', value);

function handoverFields(value: HandoverFieldsFragment) {
  return {
    ...value,
    owner: person(value.owner),
    decidedBy: person(value.decidedBy),
    reason: reason(value.reason),
    lead: typed('HandoverLead', {
      ...value.lead,
      recentSignals: value.lead.recentSignals.map((signal) => typed('RecentSignal', signal)),
    }),
  };
}

/** A handover as Apollo's cache needs it in an answer: every object names its type. */
export function handoverAnswer(value: HandoverFieldsFragment = handover()) {
  return typed('Handover', handoverFields(value));
}

/** A handover with history, typed for Apollo's cache. */
export function handoverWithHistoryAnswer(value: HandoverWithHistoryFieldsFragment = handoverWithHistory()) {
  return typed('HandoverWithHistory', {
    ...handoverFields(value),
    events: value.events.map((event) =>
      typed('HandoverEvent', { ...event, actor: person(event.actor), owner: person(event.owner) }),
    ),
  });
}

/** A checklist, typed for Apollo's cache. */
export function qualificationAnswer(value: QualificationFieldsFragment = qualification()) {
  return typed('LeadQualification', {
    ...value,
    items: value.items.map((item) =>
      typed('QualificationItem', { ...item, answeredBy: person(item.answeredBy) }),
    ),
  });
}

/** A queue page as the API answers `HandoverQueue`. */
export function queueAnswer(handovers: HandoverFieldsFragment[], { hasNextPage = false } = {}) {
  const last = handovers[handovers.length - 1];
  return {
    handoverQueue: typed('HandoverQueue', {
      edges: handovers.map((value) =>
        typed('HandoverEdge', { cursor: `c-${value.id}`, node: handoverAnswer(value) }),
      ),
      pageInfo: typed('PageInfo', { endCursor: last ? `c-${last.id}` : null, hasNextPage }),
      versions: [...new Set(handovers.map((value) => value.versionId))].map((id) =>
        typed('HandoverVersion', { id, rejectionReasons: [NOT_READY, COMPETITOR].map(reason) }),
      ),
    }),
  };
}

/** The queue's counts as the API answers `HandoverQueueCounts`. */
export function countsAnswer({ undecided = 0, expired = 0, unassigned = 0 } = {}) {
  return { handoverQueue: typed('HandoverQueue', { undecided, expired, unassigned }) };
}

/**
 * Answers a first-page read of the queue store: the page, and its counts (by default, the page's length).
 * Returns the page's operation, whose variables a test may check.
 */
export function flushQueue(
  apollo: ApolloTestingController,
  handovers: HandoverFieldsFragment[],
  { hasNextPage = false, undecided = handovers.length, expired = 0, unassigned = 0 } = {},
): TestOperation {
  const page = apollo.expectOne('HandoverQueue');
  page.flushData(queueAnswer(handovers, { hasNextPage }));
  apollo.expectOne('HandoverQueueCounts').flushData(countsAnswer({ undecided, expired, unassigned }));
  return page;
}

/**
 * A signed-in session for the AuthStore: Sam is a sales approver (a sales manager), Ria a rep; their workspace is on
 * UTC unless a test gives it another time zone.
 */
export function sessionFor(
  id: string,
  name: string,
  roles: ('ADMIN' | 'MARKETING' | 'SALES' | 'EXECUTIVE')[],
  approver: boolean,
  timeZone = 'UTC',
) {
  return {
    accessToken: 'token',
    expiresAt: '2099-01-01T00:00:00.000Z',
    member: { id, email: `${id}@demo.test`, name, roles, approver, status: 'ACTIVE' as const },
    workspace: { id: 'w1', name: 'Demo', timeZone, currency: 'USD' },
  };
}

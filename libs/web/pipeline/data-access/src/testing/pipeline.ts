import type { MeetingFieldsFragment, OpportunityFieldsFragment } from '@accord/web/shared/data-access';

export const LEAD_ID = '00000000-0000-4000-8000-000000000001';

/** A booked meeting as the API answers it; override what a test is about. */
export function meeting(overrides: Partial<MeetingFieldsFragment> = {}): MeetingFieldsFragment {
  return {
    id: 'm1',
    leadId: LEAD_ID,
    ownerId: 'sam',
    ownerName: 'Sam Sales',
    scheduledAt: '2026-11-24T15:00:00.000Z',
    title: 'Discovery call',
    notes: null,
    status: 'BOOKED',
    qualified: false,
    bookedAt: '2026-11-20T09:00:00.000Z',
    markedAt: null,
    ...overrides,
  };
}

/** An open opportunity in DEMO as the API answers it. */
export function opportunity(overrides: Partial<OpportunityFieldsFragment> = {}): OpportunityFieldsFragment {
  return {
    id: 'o1',
    leadId: LEAD_ID,
    name: 'Acme platform',
    ownerId: 'sam',
    ownerName: 'Sam Sales',
    stage: 'DEMO',
    amount: 25000,
    currency: 'USD',
    closeDate: null,
    lostReason: null,
    revision: 2,
    openedAt: '2026-11-20T09:00:00.000Z',
    closedAt: null,
    transitions: [
      {
        fromStage: null,
        toStage: 'DISCOVERY',
        amount: 25000,
        actorName: 'Sam Sales',
        versionNumber: 1,
        at: '2026-11-20T09:00:00.000Z',
      },
      {
        fromStage: 'DISCOVERY',
        toStage: 'DEMO',
        amount: 25000,
        actorName: 'Sam Sales',
        versionNumber: 1,
        at: '2026-11-22T09:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

function typed<T extends object>(typename: string, value: T): T & { __typename: string } {
  return { __typename: typename, ...value };
}

export function meetingAnswer(value: MeetingFieldsFragment = meeting()) {
  return typed('Meeting', value);
}

export function opportunityAnswer(value: OpportunityFieldsFragment = opportunity()) {
  return typed('Opportunity', {
    ...value,
    transitions: value.transitions.map((item) => typed('OpportunityTransition', item)),
  });
}

/** The LeadMeetings query's answer, with the type names Apollo's cache needs. */
export function meetingsAnswer(meetings: MeetingFieldsFragment[] = [meeting()]) {
  return { meetings: meetings.map(meetingAnswer) };
}

/** The LeadOpportunities query's answer. */
export function opportunitiesAnswer(opportunities: OpportunityFieldsFragment[] = [opportunity()]) {
  return { opportunities: opportunities.map(opportunityAnswer) };
}

/** The LeadTimeline query's answer: an opportunity opening and the lead's move it caused. */
export function timelineAnswer() {
  const entry = {
    at: '2026-11-25T12:00:00.000Z',
    subjectId: null,
    amount: null,
    actorName: 'Sam Sales',
    versionNumber: 1,
  };
  return {
    leadTimeline: [
      typed('LeadTimelineEntry', {
        ...entry,
        kind: 'OPPORTUNITY',
        summary: 'Opportunity opened in DISCOVERY at 25,000 USD',
        fromStage: null,
        toStage: 'DISCOVERY',
        amount: 25000,
        subjectId: 'o1',
      }),
      typed('LeadTimelineEntry', {
        ...entry,
        kind: 'LEAD_STAGE',
        summary: 'SQL → OPPORTUNITY: opportunity opened',
        fromStage: 'SQL',
        toStage: 'OPPORTUNITY',
      }),
    ],
  };
}

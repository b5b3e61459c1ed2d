import type { LeadTransitionEntity } from '@accord/api/leads/data-access';
import type {
  MeetingEntity,
  OpportunityEntity,
  OpportunityTransitionEntity,
} from '@accord/api/pipeline/data-access';

import { leadTimeline } from './lead-timeline';

const AT = (time: string) => new Date(`2026-11-25T${time}:00.000Z`);

describe('leadTimeline', () => {
  it('merges stage changes, meetings and opportunity changes newest first, the cause before its effect', () => {
    const stages = [
      {
        fromStage: 'SQL',
        toStage: 'OPPORTUNITY',
        reason: 'opportunity opened',
        at: AT('12:00'),
        actorId: 'sue',
        versionId: 'v1',
      },
      {
        fromStage: 'MQL',
        toStage: 'SAL',
        reason: 'accepted',
        at: AT('10:00'),
        actorId: 'sue',
        versionId: 'v1',
      },
    ] as LeadTransitionEntity[];
    const meetings = [
      {
        id: 'm1',
        title: 'Demo',
        status: 'HELD',
        qualified: true,
        scheduledAt: AT('11:00'),
        bookedAt: AT('09:00'),
        bookedById: 'sue',
        markedAt: AT('11:30'),
        markedById: 'sue',
      },
    ] as MeetingEntity[];
    const opportunities = [{ id: 'o1', currency: 'EUR' }] as OpportunityEntity[];
    const changes = [
      {
        opportunityId: 'o1',
        fromStage: null,
        toStage: 'DISCOVERY',
        amount: 48000,
        at: AT('12:00'),
        actorId: 'sue',
        versionId: 'v1',
      },
      {
        opportunityId: 'o1',
        fromStage: 'DISCOVERY',
        toStage: 'DISCOVERY',
        amount: 50000.5,
        at: AT('13:00'),
        actorId: null,
        versionId: null,
      },
    ] as OpportunityTransitionEntity[];

    const entries = leadTimeline({
      stages,
      meetings,
      opportunities,
      opportunityTransitions: changes,
      names: new Map([['sue', 'Sue']]),
      numbers: new Map([['v1', 1]]),
      timeZone: 'UTC',
    });

    expect(
      entries.map((entry) => [
        entry.at.toISOString().slice(11, 16),
        entry.kind,
        entry.summary,
        entry.actorName,
        entry.versionNumber,
      ]),
    ).toEqual([
      ['13:00', 'OPPORTUNITY', 'Opportunity amount changed to 50,000.50 EUR', null, null],
      ['12:00', 'OPPORTUNITY', 'Opportunity opened in Discovery at 48,000 EUR', 'Sue', 1],
      ['12:00', 'LEAD_STAGE', 'SQL → Opportunity: opportunity opened', 'Sue', 1],
      ['11:30', 'MEETING_MARKED', 'Meeting “Demo” held — a qualified meeting held', 'Sue', null],
      ['10:00', 'LEAD_STAGE', 'MQL → SAL (accepted): accepted', 'Sue', 1],
      ['09:00', 'MEETING_BOOKED', 'Meeting “Demo” booked for 25 Nov 2026, 11:00 UTC', 'Sue', null],
    ]);
  });

  it('words stages and times as the app shows them, not as codes', () => {
    const entries = leadTimeline({
      stages: [
        {
          fromStage: 'NURTURE',
          toStage: 'MQL',
          reason: 'rescored',
          at: AT('10:00'),
          actorId: null,
          versionId: null,
        },
      ] as LeadTransitionEntity[],
      meetings: [
        {
          id: 'm1',
          title: null,
          status: 'BOOKED',
          qualified: false,
          scheduledAt: new Date('2026-09-03T08:05:00.000Z'),
          bookedAt: AT('09:00'),
          bookedById: null,
          markedAt: null,
          markedById: null,
        },
      ] as MeetingEntity[],
      opportunities: [{ id: 'o1', currency: 'USD' }] as OpportunityEntity[],
      opportunityTransitions: [
        {
          opportunityId: 'o1',
          fromStage: 'PROOF_OF_CONCEPT',
          toStage: 'WON',
          amount: 25000,
          at: AT('11:00'),
          actorId: null,
          versionId: null,
        },
      ] as OpportunityTransitionEntity[],
      names: new Map(),
      numbers: new Map(),
      timeZone: 'Europe/Paris',
    });

    expect(entries.map((entry) => entry.summary)).toEqual([
      'Opportunity Proof of concept → Won at 25,000 USD',
      'Nurture → MQL: rescored',
      'Meeting booked for 3 Sep 2026, 10:05 Europe/Paris',
    ]);
  });
});

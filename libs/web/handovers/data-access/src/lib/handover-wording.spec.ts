import { COMPETITOR, NOT_READY, handover } from '../testing/handovers';
import {
  consequenceLabel,
  decisionLabel,
  durationWords,
  handoverEventDetail,
  recentSignalLabel,
  roleAtCompany,
  slaCountdown,
  undecidedTiming,
} from './handover-wording';

const MINUTE = 60_000;

describe('durationWords', () => {
  it('words whole minutes in the two largest units', () => {
    expect(
      [0, 59_999, 45 * MINUTE, 60 * MINUTE, 200 * MINUTE + 59_000, 26 * 60 * MINUTE, 48 * 60 * MINUTE].map(
        durationWords,
      ),
    ).toEqual(['less than a minute', 'less than a minute', '45 min', '1 h', '3 h 20 min', '1 d 2 h', '2 d']);
  });
});

describe('undecidedTiming', () => {
  it('says an expired handover went to the sales managers, and counts on as an open one does', () => {
    const now = new Date('2026-11-25T15:01:00.000Z');
    const dueAt = '2026-11-25T14:00:00.000Z';
    expect([
      undecidedTiming({ status: 'OPEN', dueAt }, now),
      undecidedTiming({ status: 'EXPIRED', dueAt }, now),
    ]).toEqual([
      { text: 'overdue by 1 h 1 min', overdue: true, urgent: true },
      { text: 'expired, overdue by 1 h 1 min; escalated to the sales managers', overdue: true, urgent: true },
    ]);
  });
});

describe('slaCountdown', () => {
  const due = '2026-11-25T12:00:00.000Z';

  it('counts down to the due time, urgent under an hour', () => {
    expect([
      slaCountdown(due, new Date('2026-11-25T08:40:00.000Z')),
      slaCountdown(due, new Date('2026-11-25T11:15:00.000Z')),
    ]).toEqual([
      { text: 'due in 3 h 20 min', overdue: false, urgent: false },
      { text: 'due in 45 min', overdue: false, urgent: true },
    ]);
  });

  it('says by how much a handover is overdue', () => {
    expect(slaCountdown(due, new Date('2026-11-25T14:00:30.000Z'))).toEqual({
      text: 'overdue by 2 h',
      overdue: true,
      urgent: true,
    });
  });
});

describe('consequenceLabel', () => {
  it("words each reason's consequence", () => {
    const [recycle, disqualify] = [NOT_READY, COMPETITOR];
    expect([
      consequenceLabel(recycle),
      consequenceLabel(disqualify),
      consequenceLabel({ ...recycle, recycleAfterDays: 1 }),
    ]).toEqual(['recycle, back after 60 days', 'disqualify', 'recycle, back after 1 day']);
  });
});

describe('lead and decision wording', () => {
  it("words a signal type with its count and last time on the workspace's clock", () => {
    const signal = { type: 'PRICING_PAGE_VISIT', count: 3, lastAt: '2026-11-24T09:05:00.000Z' };
    expect([recentSignalLabel(signal, 'UTC'), recentSignalLabel(signal, 'Europe/Berlin')]).toEqual([
      'Pricing page visit ×3, last 24 Nov 2026, 09:05',
      'Pricing page visit ×3, last 24 Nov 2026, 10:05',
    ]);
  });

  it('puts title and company together, or whichever is known', () => {
    expect([
      roleAtCompany({ title: 'CTO', companyName: 'Acme' }),
      roleAtCompany({ title: null, companyName: 'Acme' }),
      roleAtCompany({ title: ' ', companyName: null }),
    ]).toEqual(['CTO at Acme', 'Acme', '']);
  });

  it("words a decision with its reason, decider, time on the workspace's clock and SLA", () => {
    const rejected = handover({
      status: 'REJECTED',
      decidedAt: '2026-11-25T13:00:00.000Z',
      decidedBy: { id: 'sam', name: 'Sam Sales' },
      withinSla: false,
      reason: NOT_READY,
    });
    expect([
      decisionLabel(handover(), 'Europe/Berlin'),
      decisionLabel(rejected, 'UTC'),
      decisionLabel(rejected, 'America/Los_Angeles'),
    ]).toEqual([
      'Open',
      'Rejected (Not ready to buy) by Sam Sales 25 Nov 2026, 13:00, after the SLA',
      'Rejected (Not ready to buy) by Sam Sales 25 Nov 2026, 05:00, after the SLA',
    ]);
  });

  it('words times either side of the clocks going back as the wall clock read them', () => {
    // Berlin, 25 Oct 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 happens at 00:30 and at 01:30 UTC.
    const accepted = (decidedAt: string) =>
      decisionLabel(
        handover({ status: 'ACCEPTED', decidedAt, decidedBy: null, withinSla: true }),
        'Europe/Berlin',
      );
    expect(
      [
        '2026-10-24T23:59:00.000Z',
        '2026-10-25T00:30:00.000Z',
        '2026-10-25T01:30:00.000Z',
        '2026-10-25T02:30:00.000Z',
      ].map(accepted),
    ).toEqual([
      'Accepted 25 Oct 2026, 01:59, within the SLA',
      'Accepted 25 Oct 2026, 02:30, within the SLA',
      'Accepted 25 Oct 2026, 02:30, within the SLA',
      'Accepted 25 Oct 2026, 03:30, within the SLA',
    ]);
  });
});

describe('handoverEventDetail', () => {
  it("leaves out the verb the event's label already says, and keeps the rest", () => {
    expect([
      handoverEventDetail('CREATED', 'handed over B/HOT, routed by the agreement'),
      handoverEventDetail('ACCEPTED', 'accepted'),
      handoverEventDetail('REJECTED', 'rejected: Bad fit'),
      handoverEventDetail('REJECTED', 'rejected (Not ready)'),
      handoverEventDetail('REASSIGNED', 'reassigned to Jordan Rep; the due time stays'),
      handoverEventDetail('EXPIRED', 'not decided within the SLA; escalated to the sales managers'),
    ]).toEqual([
      'B/HOT, routed by the agreement',
      '',
      'Bad fit',
      '(Not ready)',
      'to Jordan Rep; the due time stays',
      'not decided within the SLA; escalated to the sales managers',
    ]);
  });
});

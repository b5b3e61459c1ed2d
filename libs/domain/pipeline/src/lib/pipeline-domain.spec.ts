import { calendarDateIn, isCalendarDate } from './calendar-date';
import { bookingRefusal, isQualifiedMeeting, meetingMarkRefusal } from './meetings';
import {
  OpportunityMove,
  amountChangeRefusal,
  amountRefusal,
  checkOpportunityMove,
  isCurrencyCode,
  leadStageFor,
  openRefusal,
} from './opportunities';
import { mayAssignPipelineOwner, pipelineWriteRefusal } from './pipeline-access';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('calendar dates', () => {
  it('accepts real days only', () => {
    expect(
      ['2026-11-25', '2028-02-29', '2026-02-29', '2026-13-01', '2026-1-05', ''].map(isCalendarDate),
    ).toEqual([true, true, false, false, false, false]);
  });

  it('names the day an instant falls on in the workspace time zone', () => {
    const lateEvening = new Date('2026-11-25T23:30:00Z');
    expect(calendarDateIn(lateEvening, 'UTC')).toBe('2026-11-25');
    expect(calendarDateIn(lateEvening, 'Europe/Berlin')).toBe('2026-11-26');
    expect(calendarDateIn(new Date('2026-11-25T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-24');
  });
});

describe('amounts', () => {
  it('takes zero, whole and cent amounts up to the maximum', () => {
    expect([0, 25_000, 1234.56, 100_000_000_000].map((amount) => amountRefusal(amount))).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('refuses non-finite, negative, oversized and sub-cent amounts', () => {
    expect(
      [NaN, Infinity, -Infinity, -0.01, 100_000_000_000.01, 10.005].map((amount) => amountRefusal(amount)),
    ).toEqual(['NOT_FINITE', 'NOT_FINITE', 'NOT_FINITE', 'NEGATIVE', 'TOO_LARGE', 'TOO_PRECISE']);
  });

  it('bounds an amount by another maximum when given one', () => {
    const quota = { max: 999_999_999_999.99 };
    expect([amountRefusal(200_000_000_000, quota), amountRefusal(1_000, { max: 999.99 })]).toEqual([
      null,
      'TOO_LARGE',
    ]);
  });

  it('keeps a closed amount as it closed', () => {
    expect(['NEGOTIATION', 'WON', 'LOST'].map((stage) => amountChangeRefusal(stage as 'WON'))).toEqual([
      null,
      'ALREADY_CLOSED',
      'ALREADY_CLOSED',
    ]);
  });

  it('knows a currency code', () => {
    // Three capital letters that name no currency (XYZ) are none either.
    expect(['USD', 'EUR', 'JPY', 'usd', 'US', 'EURO', 'XYZ'].map(isCurrencyCode)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('openRefusal', () => {
  it('opens on accepted leads without an open opportunity', () => {
    expect(openRefusal('SAL', false)).toBeNull();
    expect(openRefusal('SQL', false)).toBeNull();
  });

  it('refuses a second open opportunity and leads sales have not accepted', () => {
    expect(openRefusal('SQL', true)).toBe('ALREADY_OPEN');
    expect(openRefusal('OPPORTUNITY', false)).toBe('ALREADY_OPEN');
    expect(
      ['LEAD', 'MQL', 'NURTURE', 'DISQUALIFIED', 'WON', 'LOST'].map((s) => openRefusal(s as 'LEAD', false)),
    ).toEqual([
      'LEAD_NOT_ACCEPTED',
      'LEAD_NOT_ACCEPTED',
      'LEAD_NOT_ACCEPTED',
      'LEAD_NOT_ACCEPTED',
      'LEAD_NOT_ACCEPTED',
      'LEAD_NOT_ACCEPTED',
    ]);
  });
});

describe('checkOpportunityMove', () => {
  const move = (overrides: Partial<OpportunityMove>): OpportunityMove => ({
    from: 'DISCOVERY',
    to: 'DEMO',
    closeDate: null,
    lostReason: null,
    openedOn: '2026-11-02',
    today: '2026-11-25',
    ...overrides,
  });

  it('moves forward, one stage or several', () => {
    expect(checkOpportunityMove(move({}))).toBeNull();
    expect(checkOpportunityMove(move({ to: 'NEGOTIATION' }))).toBeNull();
    expect(checkOpportunityMove(move({ from: 'DEMO', to: 'PROOF_OF_CONCEPT' }))).toBeNull();
  });

  it('never moves back or stays', () => {
    expect(checkOpportunityMove(move({ from: 'DEMO', to: 'DISCOVERY' }))).toBe('NOT_FORWARD');
    expect(checkOpportunityMove(move({ from: 'DEMO', to: 'DEMO' }))).toBe('NOT_FORWARD');
  });

  it('closes won with a close date from the opening day to today', () => {
    expect(checkOpportunityMove(move({ to: 'WON', closeDate: '2026-11-02' }))).toBeNull();
    expect(
      checkOpportunityMove(move({ from: 'NEGOTIATION', to: 'WON', closeDate: '2026-11-25' })),
    ).toBeNull();
  });

  it('closes lost with a reason, from any open stage', () => {
    expect(
      checkOpportunityMove(move({ to: 'LOST', closeDate: '2026-11-20', lostReason: 'Budget cut' })),
    ).toBeNull();
  });

  it('refuses to close without a close date, or with one outside the opportunity’s life', () => {
    expect(checkOpportunityMove(move({ to: 'WON' }))).toBe('CLOSE_DATE_REQUIRED');
    expect(checkOpportunityMove(move({ to: 'WON', closeDate: '2026-11-01' }))).toBe(
      'CLOSE_DATE_BEFORE_OPENED',
    );
    expect(checkOpportunityMove(move({ to: 'WON', closeDate: '2026-11-26' }))).toBe('CLOSE_DATE_IN_FUTURE');
  });

  it('needs a lost reason for LOST, and only for LOST', () => {
    expect(checkOpportunityMove(move({ to: 'LOST', closeDate: '2026-11-20' }))).toBe('LOST_REASON_REQUIRED');
    expect(checkOpportunityMove(move({ to: 'LOST', closeDate: '2026-11-20', lostReason: '   ' }))).toBe(
      'LOST_REASON_REQUIRED',
    );
    expect(
      checkOpportunityMove(move({ to: 'LOST', closeDate: '2026-11-20', lostReason: 'x'.repeat(501) })),
    ).toBe('LOST_REASON_TOO_LONG');
    expect(checkOpportunityMove(move({ to: 'WON', closeDate: '2026-11-20', lostReason: 'Budget' }))).toBe(
      'LOST_REASON_ONLY_WHEN_LOST',
    );
  });

  it('refuses a close date on a move that does not close', () => {
    expect(checkOpportunityMove(move({ closeDate: '2026-11-20' }))).toBe('CLOSE_DATE_ONLY_WHEN_CLOSING');
  });

  it('never moves a closed opportunity', () => {
    expect(
      checkOpportunityMove(move({ from: 'WON', to: 'LOST', lostReason: 'x', closeDate: '2026-11-20' })),
    ).toBe('ALREADY_CLOSED');
    expect(checkOpportunityMove(move({ from: 'LOST', to: 'WON', closeDate: '2026-11-20' }))).toBe(
      'ALREADY_CLOSED',
    );
  });

  it('maps opportunity stages to the lead’s lifecycle stage', () => {
    expect(['DISCOVERY', 'NEGOTIATION', 'WON', 'LOST'].map((s) => leadStageFor(s as 'WON'))).toEqual([
      'OPPORTUNITY',
      'OPPORTUNITY',
      'WON',
      'LOST',
    ]);
  });
});

describe('meetings', () => {
  const booked = { status: 'BOOKED' as const, scheduledAt: new Date('2026-11-25T10:00:00Z') };

  it('books within a year either side of now, with bounded title and notes', () => {
    expect(
      bookingRefusal({ scheduledAt: new Date('2026-12-01T10:00:00Z'), title: 'Intro', notes: null }, NOW),
    ).toBeNull();
    expect(
      bookingRefusal({ scheduledAt: new Date('2028-01-01T10:00:00Z'), title: null, notes: null }, NOW),
    ).toBe('OUTSIDE_WINDOW');
    expect(bookingRefusal({ scheduledAt: new Date('invalid'), title: null, notes: null }, NOW)).toBe(
      'OUTSIDE_WINDOW',
    );
    expect(bookingRefusal({ scheduledAt: NOW, title: 'x'.repeat(201), notes: null }, NOW)).toBe(
      'TITLE_TOO_LONG',
    );
    expect(bookingRefusal({ scheduledAt: NOW, title: null, notes: 'x'.repeat(2001) }, NOW)).toBe(
      'NOTES_TOO_LONG',
    );
  });

  it('marks a booked meeting held or missed once its time has come, cancelled at any time', () => {
    expect(meetingMarkRefusal(booked, 'HELD', NOW)).toBeNull();
    expect(meetingMarkRefusal(booked, 'NO_SHOW', NOW)).toBeNull();
    const later = { ...booked, scheduledAt: new Date('2026-11-26T10:00:00Z') };
    expect(meetingMarkRefusal(later, 'HELD', NOW)).toBe('NOT_STARTED');
    expect(meetingMarkRefusal(later, 'NO_SHOW', NOW)).toBe('NOT_STARTED');
    expect(meetingMarkRefusal(later, 'CANCELLED', NOW)).toBeNull();
  });

  it('keeps a marked meeting as marked', () => {
    expect(meetingMarkRefusal({ ...booked, status: 'HELD' }, 'NO_SHOW', NOW)).toBe('ALREADY_MARKED');
    expect(meetingMarkRefusal({ ...booked, status: 'CANCELLED' }, 'HELD', NOW)).toBe('ALREADY_MARKED');
    expect(meetingMarkRefusal(booked, 'BOOKED', NOW)).toBe('NOT_A_MARK');
  });

  it('counts a held meeting as qualified when the lead was accepted by its time', () => {
    const held = { ...booked, status: 'HELD' as const };
    expect(isQualifiedMeeting(held, new Date('2026-11-25T09:00:00Z'))).toBe(true);
    expect(isQualifiedMeeting(held, new Date('2026-11-25T10:00:00Z'))).toBe(true);
    expect(isQualifiedMeeting(held, new Date('2026-11-25T11:00:00Z'))).toBe(false);
    // Booked to the minute: an acceptance within the meeting's minute is by its time, the next minute is not.
    expect(isQualifiedMeeting(held, new Date('2026-11-25T10:00:59.999Z'))).toBe(true);
    expect(isQualifiedMeeting(held, new Date('2026-11-25T10:01:00Z'))).toBe(false);
    expect(isQualifiedMeeting(held, null)).toBe(false);
    expect(isQualifiedMeeting({ ...booked, status: 'NO_SHOW' }, new Date('2026-11-01T00:00:00Z'))).toBe(
      false,
    );
  });
});

describe('pipeline access', () => {
  const rep = { id: 'rep', roles: ['SALES'] as const, approver: false };
  const manager = { id: 'sue', roles: ['SALES'] as const, approver: true };
  const admin = { id: 'ada', roles: ['ADMIN'] as const, approver: false };

  it('lets a rep work their own lead, their own deal on it, and leads no one owns; a manager any', () => {
    expect([
      pipelineWriteRefusal(rep, { lead: 'rep' }),
      pipelineWriteRefusal(rep, { lead: 'other', item: 'rep' }),
      pipelineWriteRefusal(rep, { lead: null }),
      pipelineWriteRefusal(rep, { lead: null, item: null }),
      pipelineWriteRefusal(manager, { lead: 'other', item: 'other' }),
      pipelineWriteRefusal(admin, { lead: 'other' }),
    ]).toEqual([null, null, null, null, null, null]);
  });

  it('keeps a rep off a colleague’s lead and a colleague’s deal, even on a lead no one owns', () => {
    expect([
      pipelineWriteRefusal(rep, { lead: 'other' }),
      pipelineWriteRefusal(rep, { lead: 'other', item: 'other' }),
      pipelineWriteRefusal(rep, { lead: null, item: 'other' }),
    ]).toEqual(['NOT_YOURS', 'NOT_YOURS', 'NOT_YOURS']);
  });

  it('lets only managers name another owner', () => {
    expect([
      mayAssignPipelineOwner(rep, 'rep'),
      mayAssignPipelineOwner(rep, 'other'),
      mayAssignPipelineOwner(manager, 'other'),
    ]).toEqual([true, false, true]);
  });
});

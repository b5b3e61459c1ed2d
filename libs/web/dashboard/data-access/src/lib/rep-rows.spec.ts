import { dashboardAnswer, metric } from '../testing/dashboard';
import type { RepRow } from './dashboard-types';
import { unownedNote } from './rep-rows';

const rep = (overrides: Partial<RepRow>): RepRow => ({
  ownerId: 'r1',
  name: 'Riley Rep',
  revenueWon: 0,
  quota: null,
  attainment: null,
  qualifiedMeetingsHeld: 0,
  callsMade: 0,
  emailsSent: 0,
  meetingsBooked: 0,
  acceptedHandovers: 0,
  ...overrides,
});

const card = (key: string, value: number | null, numerator: number | null = null) =>
  metric({ key, value, numerator });

describe('unownedNote', () => {
  it('says how many facts of each card were on leads no one owns, as the cards less the rows', () => {
    const reps = [
      rep({ callsMade: 15, emailsSent: 60 }),
      rep({ ownerId: 'r2', name: 'Noor Rep', callsMade: 10, emailsSent: 38 }),
    ];
    expect(unownedNote([card('calls-made', 33), card('emails-sent', 106)], reps)).toBe(
      '8 calls and 8 e-mails were on leads no one owns, so the rows add up to less than the cards.',
    );
    expect(unownedNote([card('calls-made', 26), card('emails-sent', 98)], reps)).toBe(
      '1 call was on leads no one owns, so the rows add up to less than the cards.',
    );
  });

  it('names the meetings, handovers and wins no one owns apart from the leads', () => {
    const reps = [
      rep({ qualifiedMeetingsHeld: 3, acceptedHandovers: 4, revenueWon: 1000.25, meetingsBooked: 2 }),
    ];
    const metrics = [
      card('meetings-booked', 5),
      card('qualified-meetings-held', 4),
      card('mql-acceptance-rate', 62.5, 6),
      card('revenue-won', 13000.75),
    ];
    expect(unownedNote(metrics, reps, 'USD')).toBe(
      '3 meetings booked were on leads no one owns, and 1 qualified meeting held, 2 accepted handovers and ' +
        '12,000.50 USD of revenue won had no owner, so the rows add up to less than the cards.',
    );
  });

  it('says nothing when the rows add up to the cards, or a card has no figure', () => {
    const answer = dashboardAnswer();
    expect(unownedNote(answer.outcomes, answer.reps)).toBeNull();
    expect(
      unownedNote(
        [card('revenue-won', 0.1 + 0.2), card('mql-acceptance-rate', null, null), card('calls-made', null)],
        [rep({ revenueWon: 0.3 })],
      ),
    ).toBeNull();
    // Rows adding up to more than a card (answers of two moments) have nothing unowned to name.
    expect(unownedNote([card('calls-made', 2)], [rep({ callsMade: 3 })])).toBeNull();
  });
});

import { MAX_MAIL_ATTEMPTS, nextMailAttempt } from './mail-retry';

const AT = new Date('2026-11-29T09:00:00Z');
const minutesAfter = (date: Date | null) => (date ? (date.getTime() - AT.getTime()) / 60_000 : null);

describe('nextMailAttempt', () => {
  it('waits five times longer after each failure, up to 12 hours', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => minutesAfter(nextMailAttempt(attempts, AT)))).toEqual([
      1, 5, 25, 125, 625,
    ]);
  });

  it('gives up after the last attempt', () => {
    expect(nextMailAttempt(MAX_MAIL_ATTEMPTS, AT)).toBeNull();
    expect(nextMailAttempt(MAX_MAIL_ATTEMPTS + 1, AT)).toBeNull();
  });

  it('spans over half a day, and under a day, from the first attempt to the last', () => {
    let at = 0;
    for (let attempts = 1; attempts < MAX_MAIL_ATTEMPTS; attempts++)
      at += minutesAfter(nextMailAttempt(attempts, AT)) ?? 0;
    expect(at / 60).toBeGreaterThan(12);
    expect(at / 60).toBeLessThan(24);
  });
});

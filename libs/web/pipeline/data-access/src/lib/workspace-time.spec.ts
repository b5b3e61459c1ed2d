import { todayIso, wallMinute, zonedInstant, zonedMinute } from './workspace-time';

describe('workspace time', () => {
  it("names today by the workspace's calendar, not the browser's", () => {
    // 28 Nov 2026, 06:00 UTC is still the 27th in Los Angeles, and already the 28th in Paris.
    const now = new Date('2026-11-28T06:00:00Z');

    expect([
      todayIso(now, 'UTC'),
      todayIso(now, 'America/Los_Angeles'),
      todayIso(now, 'Europe/Paris'),
    ]).toEqual(['2026-11-28', '2026-11-27', '2026-11-28']);
  });

  it("writes an instant on the zone's wall clock, to the minute", () => {
    expect([
      zonedMinute('2026-11-24T17:00:00.000Z', 'UTC'),
      zonedMinute('2026-11-24T17:00:00.000Z', 'America/Los_Angeles'),
      zonedMinute('2026-11-24T23:30:59.999Z', 'Europe/Paris'),
      zonedMinute('2026-07-01T12:00:00.000Z', 'Europe/Paris'),
      zonedMinute('not a time', 'UTC'),
    ]).toEqual([
      '24 Nov 2026, 17:00',
      '24 Nov 2026, 09:00',
      '25 Nov 2026, 00:30',
      '1 Jul 2026, 14:00',
      'not a time',
    ]);
  });

  it("writes an instant as a datetime-local input holds it, on the zone's wall clock", () => {
    const instant = new Date('2026-11-24T17:00:59.999Z');

    expect([
      wallMinute(instant, 'UTC'),
      wallMinute(instant, 'America/Los_Angeles'),
      wallMinute(instant, 'Asia/Kolkata'),
    ]).toEqual(['2026-11-24T17:00', '2026-11-24T09:00', '2026-11-24T22:30']);
  });

  it('writes both instants of a wall-clock time the clocks pass twice alike, and reads it back as the first', () => {
    // Berlin, 25 Oct 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 happens at 00:30 and at 01:30 UTC.
    const first = new Date('2026-10-25T00:30:00.000Z');
    const second = new Date('2026-10-25T01:30:00.000Z');

    expect([wallMinute(first, 'Europe/Berlin'), wallMinute(second, 'Europe/Berlin')]).toEqual([
      '2026-10-25T02:30',
      '2026-10-25T02:30',
    ]);
    expect(zonedInstant(wallMinute(second, 'Europe/Berlin'), 'Europe/Berlin')).toEqual(first);
  });

  it("reads a wall-clock time as the instant it names in the zone, whatever the browser's zone", () => {
    expect([
      zonedInstant('2026-11-24T09:00', 'America/Los_Angeles')?.toISOString(),
      zonedInstant('2026-11-24T09:00', 'Europe/Paris')?.toISOString(),
      zonedInstant('2026-07-01T09:00:30', 'Europe/Paris')?.toISOString(),
      zonedInstant('2026-11-24T09:00', 'UTC')?.toISOString(),
    ]).toEqual([
      '2026-11-24T17:00:00.000Z',
      '2026-11-24T08:00:00.000Z',
      '2026-07-01T07:00:30.000Z',
      '2026-11-24T09:00:00.000Z',
    ]);
  });

  it('takes a time the clocks skipped as an hour later (spring forward)', () => {
    // Los Angeles, 8 Mar 2026: 02:00 PST is followed by 03:00 PDT.
    expect([
      zonedInstant('2026-03-08T01:59', 'America/Los_Angeles')?.toISOString(),
      zonedInstant('2026-03-08T02:30', 'America/Los_Angeles')?.toISOString(),
      zonedInstant('2026-03-08T03:00', 'America/Los_Angeles')?.toISOString(),
    ]).toEqual(['2026-03-08T09:59:00.000Z', '2026-03-08T10:30:00.000Z', '2026-03-08T10:00:00.000Z']);
  });

  it('takes a time the clocks pass twice as the first of the two (fall back)', () => {
    // Paris, 25 Oct 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 happens at 00:30 and at 01:30 UTC.
    expect([
      zonedInstant('2026-10-25T02:30', 'Europe/Paris')?.toISOString(),
      zonedInstant('2026-10-25T03:00', 'Europe/Paris')?.toISOString(),
    ]).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T02:00:00.000Z']);
    expect(zonedMinute('2026-10-25T01:30:00.000Z', 'Europe/Paris')).toBe('25 Oct 2026, 02:30');
  });

  it('finds no instant for what is not a wall-clock time', () => {
    expect(
      ['', '2026-02-30T09:00', '2026-11-24T24:00', '2026-11-24T09:60', '2026-11-24 09:00', '2026-11-24'].map(
        (text) => zonedInstant(text, 'Europe/Paris'),
      ),
    ).toEqual([null, null, null, null, null, null]);
  });
});

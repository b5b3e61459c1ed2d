import { utcMinute, zonedMinute } from './utc-minute';

describe('utcMinute', () => {
  it('reads an ISO instant in UTC, to the minute, as the pages date pipes do', () => {
    expect(utcMinute('2026-11-25T09:05:59.999Z')).toBe('25 Nov 2026, 09:05 UTC');
    expect(utcMinute('2027-01-03T23:59:00Z')).toBe('3 Jan 2027, 23:59 UTC');
  });
});

describe('zonedMinute', () => {
  it("reads an ISO instant on a time zone's wall clock, across a daylight-saving change", () => {
    expect([
      zonedMinute('2026-11-25T09:05:59.999Z', 'UTC'),
      zonedMinute('2026-11-25T01:05:00Z', 'America/Los_Angeles'),
      zonedMinute('2026-10-25T00:30:00Z', 'Europe/Paris'),
      zonedMinute('2026-10-25T01:30:00Z', 'Europe/Paris'),
      zonedMinute('2026-09-01T22:00:00Z', 'Asia/Kolkata'),
      zonedMinute('not a time', 'UTC'),
    ]).toEqual([
      '25 Nov 2026, 09:05',
      '24 Nov 2026, 17:05',
      '25 Oct 2026, 02:30',
      '25 Oct 2026, 02:30',
      '2 Sep 2026, 03:30',
      'not a time',
    ]);
  });
});

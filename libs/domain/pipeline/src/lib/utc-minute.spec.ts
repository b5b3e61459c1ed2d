import { utcMinute } from './utc-minute';

describe('utcMinute', () => {
  it('reads an ISO instant in UTC, to the minute, as the pages date pipes do', () => {
    expect(utcMinute('2026-11-25T09:05:59.999Z')).toBe('25 Nov 2026, 09:05 UTC');
    expect(utcMinute('2027-01-03T23:59:00Z')).toBe('3 Jan 2027, 23:59 UTC');
  });
});

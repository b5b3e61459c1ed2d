import {
  MAX_TREND_POINTS,
  addBuckets,
  bucketIndex,
  bucketLabel,
  bucketStartDate,
  calendarPeriod,
  isTimeZone,
  localDate,
  nextBucketDate,
  periodBuckets,
  periodDays,
  periodWholeMonths,
  startOfLocalDay,
  zoneOffset,
} from './periods';

describe('isTimeZone', () => {
  it('takes canonical IANA names and UTC, not the aliases PostgreSQL refuses', () => {
    expect(['Europe/Berlin', 'America/Los_Angeles', 'UTC'].map(isTimeZone)).toEqual([true, true, true]);
    expect(['US/Pacific-New', 'AET', 'Mars/Olympus', ''].map(isTimeZone)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('days in a time zone', () => {
  it('puts an instant on its local day', () => {
    // 23:30 UTC on 31 October is already 1 November in Berlin (UTC+1) but still 31 October in New York.
    const instant = new Date('2026-10-31T23:30:00Z');
    expect(localDate(instant, 'Europe/Berlin')).toBe('2026-11-01');
    expect(localDate(instant, 'America/New_York')).toBe('2026-10-31');
    expect(localDate(instant, 'UTC')).toBe('2026-10-31');
  });

  it('finds the instant a local day starts, across daylight-saving changes', () => {
    expect(startOfLocalDay('2026-11-01', 'Europe/Berlin').toISOString()).toBe('2026-10-31T23:00:00.000Z');
    // Summer time: Berlin is UTC+2.
    expect(startOfLocalDay('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // The day the clocks go back in New York (1 November 2026) starts in summer time, UTC−4.
    expect(startOfLocalDay('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfLocalDay('2026-11-02', 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfLocalDay('2026-05-17', 'Asia/Kolkata').toISOString()).toBe('2026-05-16T18:30:00.000Z');
  });

  it('reads the zone offset', () => {
    expect(zoneOffset(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(zoneOffset(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000);
  });
});

describe('calendar buckets', () => {
  it('starts weeks on Monday, months on the 1st, quarters on the 1st of Jan, Apr, Jul, Oct', () => {
    // 26 November 2026 is a Thursday.
    expect(bucketStartDate('2026-11-26', 'WEEK')).toBe('2026-11-23');
    expect(bucketStartDate('2026-11-23', 'WEEK')).toBe('2026-11-23');
    expect(bucketStartDate('2026-11-29', 'WEEK')).toBe('2026-11-23');
    expect(bucketStartDate('2027-01-01', 'WEEK')).toBe('2026-12-28');
    expect(bucketStartDate('2026-11-26', 'MONTH')).toBe('2026-11-01');
    expect(bucketStartDate('2026-11-26', 'QUARTER')).toBe('2026-10-01');
    expect(bucketStartDate('2026-03-31', 'QUARTER')).toBe('2026-01-01');
  });

  it('steps to the next bucket across years', () => {
    expect(nextBucketDate('2026-12-28', 'WEEK')).toBe('2027-01-04');
    expect(nextBucketDate('2026-12-01', 'MONTH')).toBe('2027-01-01');
    expect(nextBucketDate('2026-10-01', 'QUARTER')).toBe('2027-01-01');
  });

  it('labels buckets without a locale', () => {
    expect(bucketLabel('2026-11-23', 'WEEK')).toBe('2026-11-23');
    expect(bucketLabel('2026-11-01', 'MONTH')).toBe('2026-11');
    expect(bucketLabel('2026-10-01', 'QUARTER')).toBe('2026-Q4');
  });

  it('covers a period with the local months it touches, starting at local midnights', () => {
    const period = {
      from: new Date('2026-08-31T22:00:00Z'), // 1 September, 00:00 in Berlin
      to: new Date('2026-11-30T23:00:00Z'), // 1 December, 00:00 in Berlin
      timeZone: 'Europe/Berlin',
    };
    const { granularity, buckets } = periodBuckets(period, 'MONTH');
    expect(granularity).toBe('MONTH');
    expect(buckets).toEqual([
      { startDate: '2026-09-01', endDate: '2026-10-01', start: new Date('2026-08-31T22:00:00Z') },
      { startDate: '2026-10-01', endDate: '2026-11-01', start: new Date('2026-09-30T22:00:00Z') },
      { startDate: '2026-11-01', endDate: '2026-12-01', start: new Date('2026-10-31T23:00:00Z') },
    ]);
    expect(bucketIndex(buckets, '2026-08-31')).toBe(-1);
    expect(bucketIndex(buckets, '2026-09-01')).toBe(0);
    expect(bucketIndex(buckets, '2026-10-31')).toBe(1);
    expect(bucketIndex(buckets, '2026-11-30')).toBe(2);
    expect(bucketIndex(buckets, '2026-12-01')).toBe(-1);
  });

  it('coarsens weeks to months, and months to quarters, beyond what a person reads', () => {
    const year = {
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2027-01-01T00:00:00Z'),
      timeZone: 'UTC',
    };
    const weekly = periodBuckets(year, 'WEEK');
    expect(weekly.granularity).toBe('MONTH');
    expect(weekly.buckets).toHaveLength(12);
    const half = { ...year, to: new Date('2026-06-29T00:00:00Z') };
    expect(periodBuckets(half, 'WEEK').buckets).toHaveLength(26);
    const threeYears = { ...year, to: new Date('2029-01-01T00:00:00Z') };
    const monthly = periodBuckets(threeYears, 'MONTH');
    expect(monthly.granularity).toBe('QUARTER');
    expect(monthly.buckets).toHaveLength(12);
    expect(monthly.buckets.length).toBeLessThanOrEqual(MAX_TREND_POINTS);
  });
});

describe('period length', () => {
  it('counts calendar days between local midnights, even across a daylight-saving change', () => {
    const october = {
      from: new Date('2026-09-30T22:00:00Z'),
      to: new Date('2026-10-31T23:00:00Z'),
      timeZone: 'Europe/Berlin',
    };
    expect(periodDays(october)).toBe(31);
    expect(periodWholeMonths(october)).toBe(1);
  });

  it('measures a period that does not start at midnight in elapsed days, with no whole months', () => {
    const custom = {
      from: new Date('2026-11-01T12:00:00Z'),
      to: new Date('2026-11-02T00:00:00Z'),
      timeZone: 'UTC',
    };
    expect(periodDays(custom)).toBe(0.5);
    expect(periodWholeMonths(custom)).toBeNull();
    expect(
      periodWholeMonths({
        from: new Date('2026-11-02T00:00:00Z'),
        to: new Date('2026-12-02T00:00:00Z'),
        timeZone: 'UTC',
      }),
    ).toBeNull();
  });
});

describe('calendar periods for the period picker', () => {
  const now = new Date('2026-11-26T03:00:00Z'); // still 25 November in New York

  it('gives this week, month and quarter between local midnights', () => {
    expect(calendarPeriod(now, 'WEEK', 'America/New_York')).toEqual({
      from: new Date('2026-11-23T05:00:00Z'),
      to: new Date('2026-11-30T05:00:00Z'),
      timeZone: 'America/New_York',
    });
    expect(calendarPeriod(now, 'MONTH', 'America/New_York')).toMatchObject({
      from: new Date('2026-11-01T04:00:00Z'),
      to: new Date('2026-12-01T05:00:00Z'),
    });
    expect(calendarPeriod(now, 'QUARTER', 'Europe/Berlin')).toMatchObject({
      from: new Date('2026-09-30T22:00:00Z'),
      to: new Date('2026-12-31T23:00:00Z'),
    });
  });

  it('steps back and forth across years', () => {
    expect(calendarPeriod(now, 'MONTH', 'UTC', -11)).toMatchObject({
      from: new Date('2025-12-01T00:00:00Z'),
      to: new Date('2026-01-01T00:00:00Z'),
    });
    expect(calendarPeriod(now, 'QUARTER', 'UTC', 1)).toMatchObject({
      from: new Date('2027-01-01T00:00:00Z'),
      to: new Date('2027-04-01T00:00:00Z'),
    });
    expect(calendarPeriod(now, 'WEEK', 'UTC', -1)).toMatchObject({
      from: new Date('2026-11-16T00:00:00Z'),
      to: new Date('2026-11-23T00:00:00Z'),
    });
    expect(addBuckets('2026-01-01', 'QUARTER', -1)).toBe('2025-10-01');
  });
});

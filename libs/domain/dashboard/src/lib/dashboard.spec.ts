import { csvCell, dashboardCsv, toCsv } from './csv';
import { dashboardNumbers, nothingCounted } from './dashboard';
import { drillSources, funnelDrillKey } from './drill';
import { FactCounts, emptyFacts } from './facts';
import { filterProblems } from './filter';
import { metricByKey } from './metrics';
import { metricByKey } from './metrics';
import type { Period } from './periods';
import { EMPLOYEE_BANDS, employeeBandOf } from './segments';
import {
  KpiEntry,
  periodQuota,
  quotaAttainment,
  quotasApply,
  scaledTarget,
  targetGap,
  targetPeriods,
  targetScope,
  targetToDate,
  versionPeriod,
} from './targets';

const utc = (iso: string) => new Date(iso);
const november = { from: utc('2026-11-01T00:00:00Z'), to: utc('2026-12-01T00:00:00Z'), timeZone: 'UTC' };

function day(
  overrides: Partial<Omit<FactCounts, 'entered'>> & { entered?: Partial<FactCounts['entered']> },
): FactCounts {
  const base = emptyFacts();
  return { ...base, ...overrides, entered: { ...base.entered, ...overrides.entered } };
}

describe('quota attainment', () => {
  it("scales a rep's monthly quota to the period as targets scale: by months, each by its own days", () => {
    const quarter = { ...november, from: utc('2026-10-01T00:00:00Z'), to: utc('2027-01-01T00:00:00Z') };
    const fortnight = { from: utc('2026-11-02T00:00:00Z'), to: utc('2026-11-16T00:00:00Z'), timeZone: 'UTC' };
    expect([
      periodQuota(50_000, november),
      periodQuota(50_000, quarter),
      // 14 of November's 30 days.
      periodQuota(30_000, fortnight),
    ]).toEqual([50_000, 150_000, 14_000]);
    expect(periodQuota(null, november)).toBeNull();
  });

  it('is revenue won over the quota, and nothing without a positive quota', () => {
    expect([quotaAttainment(60_000, 50_000), quotaAttainment(0, 50_000)]).toEqual([1.2, 0]);
    expect([quotaAttainment(60_000, null), quotaAttainment(60_000, 0)]).toEqual([null, null]);
  });

  it('is measured under owner and team filters, which pick reps, but not under a segment filter', () => {
    expect([
      quotasApply({}),
      quotasApply({ ownerId: 'a', team: 'East' }),
      quotasApply({ source: 'webinar' }),
      quotasApply({ employeeBand: '1–49', ownerId: 'a' }),
    ]).toEqual([true, true, false, false]);
  });
});

describe('targets', () => {
  const period = (from: string, to: string, timeZone = 'UTC') => ({ from: utc(from), to: utc(to), timeZone });

  it('scales a target to whole months by months, whatever their days', () => {
    expect(targetPeriods(november, 'MONTH')).toBe(1);
    expect(targetPeriods(november, 'QUARTER')).toBe(1 / 3);
    expect(targetPeriods(november, 'WEEK')).toBe(30 / 7);
    const quarter = { ...november, from: utc('2026-10-01T00:00:00Z'), to: utc('2027-01-01T00:00:00Z') };
    expect(scaledTarget({ value: 60, period: 'MONTH' }, 'COUNT', quarter)).toBe(180);
    const february = period('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z');
    expect(scaledTarget({ value: 60, period: 'MONTH' }, 'COUNT', february)).toBe(60);
  });

  it("scales part of a month by that month's own days, and weeks by days over 7", () => {
    const fortnight = period('2026-11-02T00:00:00Z', '2026-11-16T00:00:00Z');
    expect(scaledTarget({ value: 5, period: 'WEEK' }, 'COUNT', fortnight)).toBe(10);
    // 14 of November's 30 days: 30 × 14 / 30; a quarter's target is three months': 90 × 14 / (30 × 3).
    expect(scaledTarget({ value: 30, period: 'MONTH' }, 'COUNT', fortnight)).toBe(14);
    expect(scaledTarget({ value: 90, period: 'QUARTER' }, 'AMOUNT', fortnight)).toBe(14);
    // 7 of November's 30 days and 7 of December's 31: 62 × 7 / 30 + 62 × 7 / 31 = 14.4666… + 14.
    const acrossMonths = period('2026-11-24T00:00:00Z', '2026-12-08T00:00:00Z');
    expect(scaledTarget({ value: 62, period: 'MONTH' }, 'COUNT', acrossMonths)).toBeCloseTo(
      434 / 30 + 14,
      12,
    );
    // 1 October to 16 November: October whole and half of November, 1.5 months, half of a quarter.
    const halfQuarter = period('2026-10-01T00:00:00Z', '2026-11-16T00:00:00Z');
    expect(scaledTarget({ value: 180, period: 'QUARTER' }, 'COUNT', halfQuarter)).toBe(90);
  });

  it('keeps rates and durations as they are, and gives no target without one', () => {
    expect(
      scaledTarget({ value: 90, period: 'MONTH' }, 'RATE', { ...november, to: utc('2027-01-01T00:00:00Z') }),
    ).toBe(90);
    expect(scaledTarget({ value: 30, period: 'QUARTER' }, 'DAYS', november)).toBe(30);
    // A ratio is a level too: 8 calls per qualified meeting is 8 over any period, not 8 a month added up.
    expect(
      scaledTarget({ value: 8, period: 'MONTH' }, 'RATIO', { ...november, to: utc('2027-01-01T00:00:00Z') }),
    ).toBe(8);
    expect(scaledTarget(null, 'COUNT', november)).toBeNull();
  });

  it('measures activity per outcome as a ratio, not a count that adds up', () => {
    expect(['calls-per-qualified-meeting', 'emails-per-sql'].map((key) => metricByKey(key)?.unit)).toEqual([
      'RATIO',
      'RATIO',
    ]);
    expect(
      targetToDate({ value: 8, period: 'MONTH' }, 'RATIO', november, utc('2026-11-10T12:00:00Z')),
    ).toBeNull();
  });

  it("scales a chosen version's targets to the part of the period it was in force", () => {
    const lastDays = versionPeriod(november, {
      effectiveAt: utc('2026-11-28T00:00:00Z'),
      supersededAt: null,
    });
    expect(lastDays).toEqual({ ...november, from: utc('2026-11-28T00:00:00Z') });
    expect(scaledTarget({ value: 30, period: 'MONTH' }, 'COUNT', lastDays as Period)).toBe(3);
    const before = { effectiveAt: utc('2026-01-01T00:00:00Z'), supersededAt: utc('2026-11-28T00:00:00Z') };
    expect(versionPeriod(november, before)).toEqual({ ...november, to: utc('2026-11-28T00:00:00Z') });
    expect(versionPeriod(november, { ...before, supersededAt: utc('2026-11-01T00:00:00Z') })).toBeNull();

    const kpis: KpiEntry[] = [
      { key: 'mqls', name: 'MQLs', definition: '', target: { value: 60, period: 'MONTH' } },
    ];
    const target = (over: Period | null) =>
      dashboardNumbers([], november, 'WEEK', kpis, utc('2026-12-01T00:00:00Z'), over).outcomes.find(
        (metric) => metric.key === 'mqls',
      )?.target;
    expect([target(november), target(null)]).toEqual([60, null]);
    // 3 of November's 30 days: 60 × 3 / 30.
    expect(target(lastDays)).toBe(6);
  });

  it("splits a month's target between two versions so that their shares add up to it", () => {
    const monthly = { value: 60, period: 'MONTH' as const };
    const v1 = { effectiveAt: utc('2026-01-01T00:00:00Z'), supersededAt: utc('2026-11-27T00:00:00Z') };
    const v2 = { effectiveAt: utc('2026-11-27T00:00:00Z'), supersededAt: null };
    const shares = [v1, v2].map((version) =>
      scaledTarget(monthly, 'COUNT', versionPeriod(november, version) as Period),
    );
    // 26 and 4 of November's 30 days: 60 × 26 / 30 and 60 × 4 / 30.
    expect(shares).toEqual([52, 8]);
    expect((shares[0] ?? 0) + (shares[1] ?? 0)).toBe(60);

    // Published at noon: v1 has 26.5 days, v2 3.5.
    const noon = utc('2026-11-27T12:00:00Z');
    const atNoon = [
      versionPeriod(november, { ...v1, supersededAt: noon }),
      versionPeriod(november, { ...v2, effectiveAt: noon }),
    ].map((part) => scaledTarget(monthly, 'COUNT', part as Period));
    expect(atNoon).toEqual([53, 7]);

    // A quarter's target over Q4 split on 16 November: 1.5 months each side, 90 + 90.
    const q4 = period('2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z');
    const split = utc('2026-11-16T00:00:00Z');
    expect(
      [
        { from: q4.from, to: split, timeZone: 'UTC' },
        { from: split, to: q4.to, timeZone: 'UTC' },
      ].map((part) => scaledTarget({ value: 180, period: 'QUARTER' }, 'COUNT', part)),
    ).toEqual([90, 90]);
  });

  it('counts calendar days in the time zone, across a daylight-saving change', () => {
    // New York leaves daylight saving on 1 November 2026: 1 to 27 November local is 26 days of 30.
    const zone = 'America/New_York';
    const first = period('2026-11-01T04:00:00Z', '2026-11-27T05:00:00Z', zone);
    const rest = period('2026-11-27T05:00:00Z', '2026-12-01T05:00:00Z', zone);
    expect([first, rest].map((part) => scaledTarget({ value: 60, period: 'MONTH' }, 'COUNT', part))).toEqual([
      52, 8,
    ]);
  });

  it('measures the gap as value minus target', () => {
    expect(targetGap(45, 60)).toBe(-15);
    expect(targetGap(null, 60)).toBeNull();
    expect(targetGap(3, null)).toBeNull();
  });

  it('holds a segment, owner or team to no target of the whole workspace, but a version to its own', () => {
    expect([
      targetScope({}),
      targetScope({ industry: null, ownerId: null, team: null }),
      targetScope({ industry: 'Software' }),
      targetScope({ campaign: 'Spring' }),
      targetScope({ ownerId: 'a' }),
      targetScope({ team: 'East' }),
    ]).toEqual(['SELECTION', 'SELECTION', 'WORKSPACE', 'WORKSPACE', 'WORKSPACE', 'WORKSPACE']);
    const kpis: KpiEntry[] = [
      { key: 'mqls', name: 'MQLs', definition: '', target: { value: 60, period: 'MONTH' } },
    ];
    const slice = dashboardNumbers(
      [{ date: '2026-11-10', facts: day({ entered: { MQL: 12 } }) }],
      november,
      'MONTH',
      kpis,
      utc('2026-12-01T00:00:00Z'),
      november,
      'WORKSPACE',
    );
    expect(slice.targetScope).toBe('WORKSPACE');
    expect(slice.outcomes.find((metric) => metric.key === 'mqls')).toMatchObject({
      value: 12,
      target: 60,
      targetGap: null,
    });
  });
});

describe('target to date', () => {
  const monthly = { value: 60, period: 'MONTH' as const };

  it('is the part of a count or amount target due by now, counted by days and their elapsed part', () => {
    // 9.5 of November's 30 days.
    expect(targetToDate(monthly, 'COUNT', november, utc('2026-11-10T12:00:00Z'))).toBe(19);
    expect(targetToDate({ value: 7, period: 'WEEK' }, 'AMOUNT', november, utc('2026-11-03T00:00:00Z'))).toBe(
      2,
    );
  });

  it('is null for rates and durations, and once the period has ended', () => {
    const now = utc('2026-11-10T12:00:00Z');
    expect([
      targetToDate(monthly, 'RATE', november, now),
      targetToDate(monthly, 'DAYS', november, now),
      targetToDate(null, 'COUNT', november, now),
      targetToDate(monthly, 'COUNT', november, november.to),
      targetToDate(monthly, 'COUNT', november, utc('2027-01-01T00:00:00Z')),
    ]).toEqual([null, null, null, null, null]);
  });

  it('is 0 until the period begins: none of its target is due yet', () => {
    const before = utc('2026-10-29T12:00:00Z');
    expect([
      targetToDate(monthly, 'COUNT', november, november.from),
      targetToDate(monthly, 'COUNT', november, before),
      targetToDate({ value: 250_000, period: 'QUARTER' }, 'AMOUNT', november, before),
      targetToDate(monthly, 'RATE', november, before),
    ]).toEqual([0, 0, 0, null]);
  });

  it('measures a period not begun against nothing due, not its whole target', () => {
    // A custom period from tomorrow, 30 November to 31 December, seen on 29 November.
    const ahead = { from: utc('2026-11-30T00:00:00Z'), to: utc('2027-01-01T00:00:00Z'), timeZone: 'UTC' };
    const kpis: KpiEntry[] = [{ key: 'mqls', name: 'MQLs', definition: '', target: monthly }];
    const numbers = dashboardNumbers([], ahead, 'WEEK', kpis, utc('2026-11-29T12:00:00Z'));
    expect(numbers.outcomes.find((metric) => metric.key === 'mqls')).toMatchObject({
      value: 0,
      target: 62,
      targetGap: -62,
      targetToDate: 0,
      paceGap: 0,
    });
  });

  it('measures a running period against its pace, and a version over its own days in force', () => {
    const kpis: KpiEntry[] = [
      { key: 'mqls', name: 'MQLs', definition: '', target: monthly },
      { key: 'sla-met', name: 'SLA', definition: '', target: { value: 90, period: 'MONTH' } },
    ];
    const days = [{ date: '2026-11-02', facts: day({ entered: { MQL: 12 }, handoversDue: 2 }) }];
    const now = utc('2026-11-10T12:00:00Z');
    const running = dashboardNumbers(days, november, 'MONTH', kpis, now);
    expect(running.outcomes.find((metric) => metric.key === 'mqls')).toMatchObject({
      value: 12,
      target: 60,
      targetGap: -48,
      targetToDate: 19,
      paceGap: -7,
    });
    expect(running.outcomes.find((metric) => metric.key === 'sla-met')).toMatchObject({
      target: 90,
      targetToDate: null,
      paceGap: null,
    });
    // v2 in force from the 5th: its target is due over the 5th to now, 5.5 days of 30.
    const v2 = versionPeriod(november, { effectiveAt: utc('2026-11-05T00:00:00Z'), supersededAt: null });
    const underV2 = dashboardNumbers(days, november, 'MONTH', kpis, now, v2);
    expect(underV2.outcomes.find((metric) => metric.key === 'mqls')).toMatchObject({
      target: 52,
      targetToDate: 11,
      paceGap: 1,
    });
    const slice = dashboardNumbers(days, november, 'MONTH', kpis, now, november, 'WORKSPACE');
    expect(slice.outcomes.find((metric) => metric.key === 'mqls')).toMatchObject({
      targetToDate: 19,
      paceGap: null,
    });
  });
});

describe('dashboardNumbers', () => {
  const kpis: KpiEntry[] = [
    {
      key: 'mqls',
      name: 'Marketing-qualified leads',
      definition: 'As signed.',
      target: { value: 60, period: 'MONTH' },
    },
    { key: 'sla-met', name: 'SLA', definition: '', target: { value: 90, period: 'MONTH' } },
    { key: 'unknown', name: 'Not a metric', definition: 'x', target: { value: 1, period: 'WEEK' } },
  ];
  const period = { from: utc('2026-10-01T00:00:00Z'), to: utc('2026-12-01T00:00:00Z'), timeZone: 'UTC' };
  const numbers = dashboardNumbers(
    [
      { date: '2026-10-05', facts: day({ entered: { MQL: 20 }, handoversDue: 4, handoversWithinSla: 3 }) },
      { date: '2026-11-10', facts: day({ entered: { MQL: 30 }, handoversDue: 6, handoversWithinSla: 6 }) },
      { date: '2026-11-11', facts: day({ entered: { MQL: 10 } }) },
    ],
    period,
    'MONTH',
    kpis,
    utc('2026-12-01T00:00:00Z'),
  );

  it('totals the period, takes the KPI words and the target scaled to two months', () => {
    const mqls = numbers.outcomes.find((metric) => metric.key === 'mqls');
    expect(mqls).toEqual({
      key: 'mqls',
      name: 'Marketing-qualified leads',
      definition: 'As signed.',
      kind: 'OUTCOME',
      unit: 'COUNT',
      value: 60,
      numerator: null,
      denominator: null,
      target: 120,
      targetGap: -60,
      // The period has ended: the whole target is due.
      targetToDate: null,
      paceGap: null,
      trend: [
        { bucketStart: utc('2026-10-01T00:00:00Z'), value: 20, partial: false, target: 60 },
        { bucketStart: utc('2026-11-01T00:00:00Z'), value: 40, partial: false, target: 60 },
      ],
    });
  });

  it('computes rates per bucket from the bucket’s own parts, and keeps its own definition when the KPI has none', () => {
    const sla = numbers.outcomes.find((metric) => metric.key === 'sla-met');
    expect(sla).toMatchObject({
      name: 'SLA',
      value: 90,
      numerator: 9,
      denominator: 10,
      target: 90,
      targetGap: 0,
    });
    expect(sla?.definition).toMatch(/^Handovers decided within their SLA/);
    expect(sla?.trend.map((point) => point.value)).toEqual([75, 100]);
  });

  it('gives a bucket that has not begun yet no value, not zero, while the period still counts its facts', () => {
    const midOctober = dashboardNumbers(
      [{ date: '2026-10-05', facts: day({ entered: { MQL: 20 } }) }],
      period,
      'MONTH',
      kpis,
      utc('2026-10-15T12:00:00Z'),
    );
    const mqls = midOctober.outcomes.find((metric) => metric.key === 'mqls');
    expect([mqls?.value, mqls?.trend.map((point) => point.value)]).toEqual([20, [20, null]]);
  });

  it('marks the buckets a period only partly counts: one it begins inside, one that has not ended', () => {
    // A quarter beginning on Thursday 1 October: its first week (from Monday 28 September) has four days in it.
    const quarter = { from: utc('2026-10-01T00:00:00Z'), to: utc('2027-01-01T00:00:00Z'), timeZone: 'UTC' };
    const weeks = dashboardNumbers([], quarter, 'WEEK', kpis, utc('2026-11-25T12:00:00Z'));
    const trend = weeks.outcomes[0].trend;
    expect(trend[0]).toMatchObject({ bucketStart: utc('2026-09-28T00:00:00Z'), partial: true });
    expect(trend[1]).toMatchObject({ bucketStart: utc('2026-10-05T00:00:00Z'), partial: false });
    // The week of 23 November is in progress; the weeks after it have not begun (no value) and are partial too.
    const inProgress = trend.findIndex((point) => point.bucketStart.getTime() === Date.parse('2026-11-23'));
    expect(trend.slice(inProgress - 1, inProgress + 2).map((point) => [point.value, point.partial])).toEqual([
      [0, false],
      [0, true],
      [null, true],
    ]);
    // A whole past month, ending where the period ends, is whole.
    expect(numbers.outcomes[0].trend.every((point) => !point.partial)).toBe(true);
  });

  it("gives each bucket the part of a count's target its counted days answer for, and a rate's target as it is", () => {
    // 60 MQLs a month, by week, over a quarter that begins on Thursday 1 October, on Wednesday 25 November at noon.
    const quarter = { from: utc('2026-10-01T00:00:00Z'), to: utc('2027-01-01T00:00:00Z'), timeZone: 'UTC' };
    const now = utc('2026-11-25T12:00:00Z');
    const weeks = dashboardNumbers([], quarter, 'WEEK', kpis, now);
    const targets = (key: string) =>
      weeks.outcomes.find((metric) => metric.key === key)?.trend.map((point) => point.target);
    const mqls = targets('mqls') ?? [];
    // The first week counts 1–4 October: 4/31 of October's 60. A whole week of October: 7/31 of 60.
    expect(mqls[0]).toBeCloseTo((60 * 4) / 31, 10);
    expect(mqls[1]).toBeCloseTo((60 * 7) / 31, 10);
    // The week of 26 October spans two months: 6 of October's 31 days and 1 of November's 30.
    expect(mqls[4]).toBeCloseTo((60 * 6) / 31 + (60 * 1) / 30, 10);
    // This week, Monday 23 November to now: 2.5 of November's 30 days; the weeks not begun have none.
    const inProgress = 8;
    expect(weeks.outcomes[0].trend[inProgress].bucketStart).toEqual(utc('2026-11-23T00:00:00Z'));
    expect(mqls[inProgress]).toBeCloseTo((60 * 2.5) / 30, 10);
    expect(mqls.slice(inProgress + 1).every((target) => target === null)).toBe(true);
    // Whole months add up to the period's target.
    const monthly = dashboardNumbers([], period, 'MONTH', kpis, utc('2026-12-01T00:00:00Z'));
    const byMonth = monthly.outcomes[0].trend.map((point) => point.target ?? 0);
    expect(byMonth.reduce((sum, target) => sum + target, 0)).toBe(monthly.outcomes[0].target);
    // A rate's target is not scaled; a metric without a KPI has none.
    expect(targets('sla-met')?.slice(0, 2)).toEqual([90, 90]);
    expect(targets('sqls')?.every((target) => target === null)).toBe(true);
    // Under a version in force from 25 November, the weeks before it answer for none of its target.
    const v2 = versionPeriod(quarter, { effectiveAt: utc('2026-11-25T00:00:00Z'), supersededAt: null });
    const underV2 = dashboardNumbers([], quarter, 'WEEK', kpis, now, v2).outcomes[0].trend;
    expect(underV2.slice(0, inProgress).every((point) => point.target === null)).toBe(true);
    expect(underV2[inProgress].target).toBeCloseTo((60 * 0.5) / 30, 10);
  });

  it('splits outcomes from activities and builds the funnel from the same facts', () => {
    expect(numbers.outcomes.every((metric) => metric.kind === 'OUTCOME')).toBe(true);
    expect(numbers.activities.map((metric) => metric.key)).toEqual([
      'emails-sent',
      'calls-made',
      'meetings-booked',
      'calls-per-qualified-meeting',
      'emails-per-sql',
    ]);
    expect(numbers.funnel[1]).toEqual({
      stage: 'MQL',
      count: 60,
      conversionFromPrevious: null,
      dropOff: -60,
    });
    expect(numbers.granularity).toBe('MONTH');
  });
});

describe('nothingCounted', () => {
  const empty = dashboardNumbers([], november, 'WEEK', [], utc('2026-12-01T00:00:00Z'));

  it('is true when no fact of the period passes the filters: zeros and no values', () => {
    expect(nothingCounted(empty)).toBe(true);
  });

  it('is false with any fact, even one that shows only in the funnel or the activity', () => {
    const oneLead = dashboardNumbers(
      [{ date: '2026-11-03', facts: day({ entered: { LEAD: 1 } }) }],
      november,
      'WEEK',
      [],
      utc('2026-12-01T00:00:00Z'),
    );
    expect(nothingCounted(oneLead)).toBe(false);
    expect(nothingCounted({ ...empty, activities: [{ value: 1 }] })).toBe(false);
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx', 'plain'].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@cmd",
      "'\tx",
      '"\'\rx"',
      'plain',
    ]);
  });

  it('quotes commas, quotes and line breaks, and writes numbers as numbers, to two decimals', () => {
    expect(
      toCsv([
        ['a,b', 'say "hi"', 'two\nlines'],
        [-15, 0.5, null, true, 61.76470588235294, -0.29411764705882604, -0.001, 1234.5],
      ]),
    ).toBe('"a,b","say ""hi""","two\nlines"\r\n-15,0.5,,true,61.76,-0.29,0,1234.5\r\n');
  });

  it('writes a view: period, filters, metrics and funnel', () => {
    const metric = {
      key: 'mqls',
      name: '=MQLs',
      kind: 'OUTCOME',
      unit: 'COUNT',
      value: 45,
      numerator: null,
      denominator: null,
      target: 60,
      targetGap: -15,
      targetToDate: 20,
      paceGap: 25,
    };
    expect(
      dashboardCsv({
        from: '2026-11-01T00:00:00.000Z',
        to: new Date('2026-12-01T00:00:00.000Z'),
        timeZone: 'UTC',
        filters: { Source: '+webinar', Country: null },
        outcomes: [metric],
        activities: [],
        funnel: [{ stage: 'LEAD', count: 3, conversionFromPrevious: null, dropOff: null }],
      }).split('\r\n'),
    ).toEqual([
      'From,2026-11-01T00:00:00.000Z',
      'To,2026-12-01T00:00:00.000Z',
      'Time zone,UTC',
      "Source,'+webinar",
      '',
      'Metric,Key,Kind,Unit,Value,Target,Gap,Target to date,Gap to date,Numerator,Denominator',
      "'=MQLs,mqls,Outcome,count,45,60,-15,20,25,,",
      '',
      'Stage,Count,Conversion from previous (%),Drop-off',
      'LEAD,3,,',
      '',
    ]);
  });
});

describe('CSV export under a slice', () => {
  it("heads the whole workspace's targets as such and writes no gap to them", () => {
    const lines = dashboardCsv({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      timeZone: 'UTC',
      filters: { Owner: 'Riley Rep' },
      targetScope: 'WORKSPACE',
      outcomes: [
        {
          key: 'mqls',
          name: 'MQLs',
          kind: 'OUTCOME',
          unit: 'COUNT',
          value: 12,
          numerator: null,
          denominator: null,
          target: 60,
          targetGap: -48,
          targetToDate: 20,
          paceGap: -8,
        },
      ],
      activities: [],
      funnel: [],
    }).split('\r\n');
    expect(lines.slice(4, 7)).toEqual([
      '',
      'Metric,Key,Kind,Unit,Value,Workspace target,Gap,Workspace target to date,Gap to date,Numerator,Denominator',
      'MQLs,mqls,Outcome,count,12,60,,20,,,',
    ]);
  });
});

describe('filter', () => {
  const valid = { from: november.from, to: november.to, granularity: 'MONTH' };

  it('accepts a period with any segment', () => {
    expect(
      filterProblems({
        ...valid,
        versionId: '7f1c1c1e-2b7a-4c7e-9d59-8a1f0c0b1a11',
        ownerId: null,
        employeeBand: '50–199',
        country: 'DE',
        team: 'EMEA',
      }),
    ).toEqual([]);
  });

  it('names each problem', () => {
    expect(
      filterProblems({
        from: november.to,
        to: november.from,
        granularity: 'DAY',
        versionId: 'v3',
        ownerId: '1',
        employeeBand: '50-199',
        industry: '',
        team: 'x'.repeat(101),
      }),
    ).toEqual([
      { field: 'to', message: 'must be after from' },
      { field: 'granularity', message: 'must be WEEK, MONTH or QUARTER' },
      { field: 'versionId', message: 'must be a UUID' },
      { field: 'ownerId', message: 'must be a UUID' },
      { field: 'employeeBand', message: 'must be one of 1–49, 50–199, 200–999, 1000+' },
      { field: 'industry', message: 'must be 1 to 200 characters' },
      { field: 'team', message: 'must be 1 to 100 characters' },
    ]);
    expect(filterProblems({ ...valid, team: '' })).toEqual([
      { field: 'team', message: 'must be 1 to 100 characters' },
    ]);
  });

  it('refuses more than three years, and invalid dates', () => {
    expect(filterProblems({ ...valid, to: utc('2029-11-05T00:00:00Z') })).toEqual([
      { field: 'to', message: 'the period may span at most 3 years' },
    ]);
    expect(filterProblems({ ...valid, to: utc('2029-11-01T00:00:00Z') })).toEqual([]);
    expect(filterProblems({ ...valid, from: new Date('nope') })).toEqual([
      { field: 'from', message: 'must be a date and time' },
    ]);
  });
});

describe('segments and drill-down', () => {
  it('bands employee counts', () => {
    expect(EMPLOYEE_BANDS.map((band) => band.label)).toEqual(['1–49', '50–199', '200–999', '1000+']);
    expect([null, 0, 1, 49, 50, 199, 200, 999, 1000, 250_000].map((n) => employeeBandOf(n)?.label)).toEqual([
      undefined,
      undefined,
      '1–49',
      '1–49',
      '50–199',
      '50–199',
      '200–999',
      '200–999',
      '1000+',
      '1000+',
    ]);
  });

  it('names the facts behind each metric and funnel step', () => {
    expect(drillSources('mqls')).toEqual(['ENTERED_MQL']);
    expect(drillSources('sla-met')).toEqual(['HANDOVER_SLA']);
    expect(drillSources('calls-per-qualified-meeting')).toEqual(['CALL_MADE', 'QUALIFIED_MEETING']);
    expect(drillSources(funnelDrillKey('OPPORTUNITY'))).toEqual(['ENTERED_OPPORTUNITY']);
    expect(drillSources('toString')).toBeUndefined();
    expect(drillSources('funnel-LOST')).toBeUndefined();
  });
});

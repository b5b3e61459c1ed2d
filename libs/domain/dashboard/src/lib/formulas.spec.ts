import { FactCounts, addFact, addFacts, emptyFacts, sumFacts } from './facts';
import { daysBetweenInstants, median, percentage, ratio } from './formulas';
import { METRICS, METRIC_KEYS, funnel, metricByKey } from './metrics';

function facts(
  overrides: Partial<Omit<FactCounts, 'entered'>> & { entered?: Partial<FactCounts['entered']> },
): FactCounts {
  const base = emptyFacts();
  return { ...base, ...overrides, entered: { ...base.entered, ...overrides.entered } };
}

const value = (key: string, f: FactCounts) => metricByKey(key)?.compute(f);

describe('median', () => {
  it('is the middle of an odd list, in any order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('is the mean of the two middle values of an even list', () => {
    expect(median([10, 2, 4, 30])).toBe(7);
  });

  it('is null for nothing and the value itself for one', () => {
    expect(median([])).toBeNull();
    expect(median([12.5])).toBe(12.5);
  });

  it('does not reorder its input', () => {
    const days = [3, 1, 2];
    median(days);
    expect(days).toEqual([3, 1, 2]);
  });
});

describe('percentage, ratio and days', () => {
  it('divides, or says null when there is nothing to divide by', () => {
    expect(percentage(3, 4)).toBe(75);
    expect(percentage(0, 0)).toBeNull();
    expect(ratio(9, 4)).toBe(2.25);
    expect(ratio(5, 0)).toBeNull();
  });

  it('counts days and fractions between instants', () => {
    expect(daysBetweenInstants(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-13T12:00:00Z'))).toBe(
      12.5,
    );
  });
});

describe('metric formulas on a hand-counted month', () => {
  // 40 MQLs, 12 SQLs; 18 handovers accepted, 6 rejected; 20 handed over and no longer open, 15 within SLA;
  // 8 qualified meetings; 5 opportunities opened for 50,000.50; 3 won (30,000) and 1 lost; 120 e-mails,
  // 36 calls, 10 meetings booked; wins took 30, 60 and 45 days from first touch and 10, 20, 40 from opening.
  const month = facts({
    entered: { LEAD: 100, MQL: 40, SAL: 18, SQL: 12, OPPORTUNITY: 5, WON: 3 },
    handoversAccepted: 18,
    handoversRejected: 6,
    handoversDue: 20,
    handoversWithinSla: 15,
    qualifiedMeetingsHeld: 8,
    opportunitiesOpened: 5,
    pipelineSourced: 50_000.5,
    opportunitiesWon: 3,
    opportunitiesLost: 1,
    revenueWon: 30_000,
    emailsSent: 120,
    callsMade: 36,
    meetingsBooked: 10,
    salesCycleDays: [30, 60, 45],
    opportunityCycleDays: [10, 20, 40],
  });

  it.each([
    ['mqls', { value: 40, numerator: null, denominator: null }],
    ['mql-acceptance-rate', { value: 75, numerator: 18, denominator: 24 }],
    ['sqls', { value: 12, numerator: null, denominator: null }],
    ['qualified-meetings-held', { value: 8, numerator: null, denominator: null }],
    ['pipeline-sourced', { value: 50_000.5, numerator: null, denominator: 5 }],
    ['revenue-won', { value: 30_000, numerator: null, denominator: 3 }],
    ['close-rate', { value: 75, numerator: 3, denominator: 4 }],
    ['sales-cycle-days', { value: 45, numerator: null, denominator: 3 }],
    ['opportunity-cycle-days', { value: 20, numerator: null, denominator: 3 }],
    ['sla-met', { value: 75, numerator: 15, denominator: 20 }],
    ['emails-sent', { value: 120, numerator: null, denominator: null }],
    ['calls-made', { value: 36, numerator: null, denominator: null }],
    ['meetings-booked', { value: 10, numerator: null, denominator: null }],
    ['calls-per-qualified-meeting', { value: 4.5, numerator: 36, denominator: 8 }],
    ['emails-per-sql', { value: 10, numerator: 120, denominator: 12 }],
  ])('%s', (key, expected) => {
    expect(value(key, month)).toEqual(expected);
  });

  it('gives no rate, ratio or median for an empty period, and zero counts', () => {
    const empty = emptyFacts();
    expect(METRICS.map((metric) => [metric.key, metric.compute(empty).value])).toEqual([
      ['mqls', 0],
      ['mql-acceptance-rate', null],
      ['sqls', 0],
      ['qualified-meetings-held', 0],
      ['pipeline-sourced', 0],
      ['revenue-won', 0],
      ['close-rate', null],
      ['sales-cycle-days', null],
      ['opportunity-cycle-days', null],
      ['sla-met', null],
      ['emails-sent', 0],
      ['calls-made', 0],
      ['meetings-booked', 0],
      ['calls-per-qualified-meeting', null],
      ['emails-per-sql', null],
    ]);
  });

  it('lists outcomes before activities, with unique keys matching the starter catalogue', () => {
    const kinds = METRICS.map((metric) => metric.kind);
    expect(kinds.lastIndexOf('OUTCOME')).toBeLessThan(kinds.indexOf('ACTIVITY'));
    expect(new Set(METRIC_KEYS).size).toBe(METRIC_KEYS.length);
    expect(METRIC_KEYS).toEqual(
      expect.arrayContaining([
        'mqls',
        'sqls',
        'qualified-meetings-held',
        'pipeline-sourced',
        'revenue-won',
        'sla-met',
        'emails-sent',
        'calls-made',
      ]),
    );
  });

  it('walks the funnel with conversion and drop-off per step', () => {
    expect(funnel(month)).toEqual([
      { stage: 'LEAD', count: 100, conversionFromPrevious: null, dropOff: null },
      { stage: 'MQL', count: 40, conversionFromPrevious: 40, dropOff: 60 },
      { stage: 'SAL', count: 18, conversionFromPrevious: 45, dropOff: 22 },
      { stage: 'SQL', count: 12, conversionFromPrevious: (12 * 100) / 18, dropOff: 6 },
      { stage: 'OPPORTUNITY', count: 5, conversionFromPrevious: (5 * 100) / 12, dropOff: 7 },
      { stage: 'WON', count: 3, conversionFromPrevious: 60, dropOff: 2 },
    ]);
  });

  it('shows a flow above the step before as it is: conversion over 100 %, negative drop-off', () => {
    const steps = funnel(facts({ entered: { LEAD: 0, MQL: 2, SAL: 3 } }));
    expect(steps.slice(1, 4)).toEqual([
      { stage: 'MQL', count: 2, conversionFromPrevious: null, dropOff: -2 },
      { stage: 'SAL', count: 3, conversionFromPrevious: 150, dropOff: -1 },
      { stage: 'SQL', count: 0, conversionFromPrevious: 0, dropOff: 3 },
    ]);
  });
});

describe('summing facts', () => {
  it('adds counters, stages, cents exactly and keeps every cycle length', () => {
    const a = facts({ entered: { MQL: 2 }, pipelineSourced: 0.1, salesCycleDays: [3], callsMade: 1 });
    const b = facts({ entered: { MQL: 3 }, pipelineSourced: 0.2, salesCycleDays: [5, 7], callsMade: 4 });
    const total = sumFacts([a, b]);
    expect(total.entered.MQL).toBe(5);
    expect(total.pipelineSourced).toBe(0.3);
    expect(total.callsMade).toBe(5);
    expect(total.salesCycleDays).toEqual([3, 5, 7]);
    // The inputs are left as they were.
    expect(a.salesCycleDays).toEqual([3]);
    expect(addFacts(emptyFacts(), a)).toEqual(a);
  });
});

describe('addFact', () => {
  it('counts each named fact where the formulas read it, with the amounts of openings and wins', () => {
    const f = emptyFacts();
    addFact(f, 'ENTERED_SAL', 2);
    addFact(f, 'HANDOVER_DUE', 5);
    addFact(f, 'OPPORTUNITY_OPENED', 2, 1500.25);
    addFact(f, 'OPPORTUNITY_WON', 1, 999.99);
    addFact(f, 'CALL_MADE', 7);
    addFact(f, 'ENTERED_NURTURE', 3);
    addFact(f, 'SOMETHING_NEW', 1);
    expect(f).toEqual({
      ...emptyFacts(),
      entered: { ...emptyFacts().entered, SAL: 2 },
      handoversDue: 5,
      opportunitiesOpened: 2,
      pipelineSourced: 1500.25,
      opportunitiesWon: 1,
      revenueWon: 999.99,
      callsMade: 7,
    });
  });
});

import {
  cardFigure,
  formatDifference,
  formatMetricValue,
  formatTarget,
  metricParts,
  targetWording,
  unitCurrency,
  withCurrency,
} from './metric-format';

describe('formatMetricValue', () => {
  it('formats each unit as people read it', () => {
    expect([
      formatMetricValue(1204, 'COUNT'),
      formatMetricValue(7.75, 'COUNT'),
      formatMetricValue(62.5, 'RATE'),
      formatMetricValue(125000, 'AMOUNT'),
      formatMetricValue(28, 'DAYS'),
      formatMetricValue(1, 'DAYS'),
      formatMetricValue(null, 'RATE'),
    ]).toEqual(['1,204', '7.8', '62.5%', '125,000', '28 days', '1 day', '—']);
  });

  it('shows an amount’s cents when it has some, as the rows it sums do, and not a sum’s float noise', () => {
    expect([
      formatMetricValue(125000.4, 'AMOUNT'),
      formatMetricValue(30000.05, 'AMOUNT', 'USD'),
      formatMetricValue(0.1 + 0.2, 'AMOUNT'),
      formatMetricValue(1000.000000001, 'AMOUNT'),
    ]).toEqual(['125,000.40', '30,000.05 USD', '0.30', '1,000']);
  });

  it('reads an amount’s target to the whole unit, and other targets as they are', () => {
    expect([
      formatTarget(83333.33, 'AMOUNT', 'USD'),
      formatTarget(40 / 30, 'COUNT'),
      formatTarget(72.5, 'RATE'),
    ]).toEqual(['83,333 USD', '1.3', '72.5%']);
  });

  it('reads a target on a card in whole units for a count too, halves away from zero', () => {
    expect([
      cardFigure(183.9, 'COUNT'),
      cardFigure(0.5, 'COUNT'),
      cardFigure(-0.5, 'COUNT'),
      cardFigure(-65332.5, 'AMOUNT'),
      cardFigure(72.55, 'RATE'),
      cardFigure(30.5, 'DAYS'),
      cardFigure(7.5, 'RATIO'),
    ]).toEqual([184, 1, -1, -65333, 72.55, 30.5, 7.5]);
  });

  it('names the currency of an amount, and of nothing else', () => {
    expect([
      formatMetricValue(739200, 'AMOUNT', 'USD'),
      formatMetricValue(83333, 'AMOUNT', 'EUR'),
      formatMetricValue(null, 'AMOUNT', 'USD'),
      formatMetricValue(1204, 'COUNT', 'USD'),
      formatMetricValue(62.5, 'RATE', 'USD'),
      formatMetricValue(28, 'DAYS', 'USD'),
      formatMetricValue(125000, 'AMOUNT', null),
    ]).toEqual(['739,200 USD', '83,333 EUR', '—', '1,204', '62.5%', '28 days', '125,000']);
    expect([
      unitCurrency('AMOUNT', 'USD'),
      unitCurrency('COUNT', 'USD'),
      unitCurrency('AMOUNT', null),
    ]).toEqual(['USD', null, null]);
  });

  it('heads a column of amounts with their currency', () => {
    expect([withCurrency('Revenue won', 'USD'), withCurrency('Quota', null)]).toEqual([
      'Revenue won (USD)',
      'Quota',
    ]);
  });

  it('words a difference without its sign, rates in percentage points', () => {
    expect([
      formatDifference(-7.5, 'RATE'),
      formatDifference(-2, 'DAYS'),
      formatDifference(3, 'COUNT'),
      formatDifference(-5000, 'AMOUNT', 'USD'),
    ]).toEqual(['7.5 pts', '2 days', '3', '5,000 USD']);
  });
});

describe('targetWording', () => {
  it('says activity per outcome above its target is behind: more calls per meeting is less efficient', () => {
    expect(targetWording({ value: 9.25, target: 8, targetGap: 1.25, unit: 'RATIO' })).toEqual({
      target: 'Target 8',
      gap: '1.3 above target',
      tone: 'behind',
      toneLabel: 'behind target',
    });
  });

  it('says a count above its target is ahead', () => {
    expect(targetWording({ value: 42, target: 40, targetGap: 2, unit: 'COUNT' })).toEqual({
      target: 'Target 40',
      gap: '2 above target',
      tone: 'ahead',
      toneLabel: 'ahead of target',
    });
  });

  it('says a rate below its target is behind, in points', () => {
    expect(targetWording({ value: 62.5, target: 70, targetGap: -7.5, unit: 'RATE' })).toEqual({
      target: 'Target 70%',
      gap: '7.5 pts below target',
      tone: 'behind',
      toneLabel: 'behind target',
    });
  });

  it('names the currency of an amount’s target and gap, read to the whole unit', () => {
    expect(
      targetWording({ value: 78333, target: 83333.4, targetGap: -5000.4, unit: 'AMOUNT' }, 'USD'),
    ).toEqual({
      target: 'Target 83,333 USD',
      gap: '5,000 USD below target',
      tone: 'behind',
      toneLabel: 'behind target',
    });
    expect(targetWording({ value: 42, target: 40, targetGap: 2, unit: 'COUNT' }, 'USD').target).toBe(
      'Target 40',
    );
  });

  it('counts fewer days than the target as ahead: a shorter cycle is better', () => {
    expect(targetWording({ value: 28, target: 30, targetGap: -2, unit: 'DAYS' })).toMatchObject({
      gap: '2 days below target',
      tone: 'ahead',
    });
  });

  it('is on target when the gap rounds to nothing, and says nothing without a target or a value', () => {
    expect(targetWording({ value: 40.01, target: 40, targetGap: 0.01, unit: 'COUNT' })).toMatchObject({
      gap: 'on target',
      tone: 'on-target',
    });
    expect(targetWording({ value: 42, target: null, targetGap: null, unit: 'COUNT' })).toEqual({
      target: null,
      gap: null,
      tone: 'none',
      toneLabel: '',
    });
    expect(targetWording({ value: null, target: 70, targetGap: null, unit: 'RATE' })).toMatchObject({
      target: 'Target 70%',
      gap: null,
      tone: 'none',
    });
  });

  it('measures a count or amount against the part of its target due by now while the period runs', () => {
    const running = {
      value: 12,
      target: 60,
      targetGap: -48,
      targetToDate: 19,
      paceGap: -7,
      unit: 'COUNT',
    } as const;
    expect(targetWording(running)).toEqual({
      target: 'Target 60 (19 due by now)',
      gap: '7 behind pace',
      tone: 'behind',
      toneLabel: 'behind pace',
    });
    expect(
      targetWording(
        {
          value: 30000,
          target: 60000,
          targetGap: -30000,
          targetToDate: 20000,
          paceGap: 10000,
          unit: 'AMOUNT',
        },
        'USD',
      ),
    ).toMatchObject({
      target: 'Target 60,000 USD (20,000 USD due by now)',
      gap: '10,000 USD ahead of pace',
      tone: 'ahead',
    });
    expect(targetWording({ ...running, value: 19, paceGap: 0 })).toMatchObject({
      gap: 'on pace',
      toneLabel: 'on pace',
    });
    // Counts are due in whole leads.
    expect(targetWording({ ...running, value: 79, targetToDate: 54.4, paceGap: 24.6 })).toMatchObject({
      target: 'Target 60 (54 due by now)',
      gap: '25 ahead of pace',
    });
    expect(targetWording({ ...running, value: 54, targetToDate: 54.4, paceGap: -0.4 }).gap).toBe('on pace');
    // Under a slice the pace is not measured either.
    expect(targetWording(running, null, 'WORKSPACE')).toMatchObject({
      target: 'Workspace target 60',
      gap: null,
    });
  });

  it('reads a count’s target and gap in whole units, the gap between the figures shown', () => {
    expect(targetWording({ value: 0, target: 0.5, targetGap: -0.5, unit: 'COUNT' })).toEqual({
      target: 'Target 1',
      gap: '1 below target',
      tone: 'behind',
      toneLabel: 'behind target',
    });
    expect(targetWording({ value: 150, target: 183.9, targetGap: -33.9, unit: 'COUNT' })).toMatchObject({
      target: 'Target 184',
      gap: '34 below target',
    });
    // An amount keeps the cents of its value, and reads its plan to the whole unit, as before.
    expect(
      targetWording({ value: 193000.5, target: 258333.33, targetGap: -65332.83, unit: 'AMOUNT' }, 'USD'),
    ).toMatchObject({ target: 'Target 258,333 USD', gap: '65,333 USD below target' });
  });

  it('owes nothing of the target of a period not begun: nothing due, no gap, no colour of a miss', () => {
    // A custom period from tomorrow: the API says 0 due by now.
    const ahead = {
      value: 0,
      target: 62,
      targetGap: -62,
      targetToDate: 0,
      paceGap: 0,
      unit: 'COUNT',
    } as const;
    expect(targetWording(ahead)).toEqual({
      target: 'Target 62 (0 due by now)',
      gap: 'on pace',
      tone: 'on-target',
      toneLabel: 'on pace',
    });
    expect(
      targetWording(
        { value: 0, target: 258333.33, targetGap: -258333.33, targetToDate: 0, paceGap: 0, unit: 'AMOUNT' },
        'USD',
      ).target,
    ).toBe('Target 258,333 USD (0 USD due by now)');
  });

  it("names the whole workspace's target under a slice, with no gap and no colour", () => {
    const slice = { value: 12, target: 60, targetGap: null, unit: 'COUNT' } as const;
    expect(targetWording(slice, 'USD', 'WORKSPACE')).toEqual({
      target: 'Workspace target 60',
      gap: null,
      tone: 'none',
      toneLabel: '',
    });
    // Even given a gap, it is not measured against a slice.
    expect(targetWording({ ...slice, targetGap: -48 }, 'USD', 'WORKSPACE').gap).toBeNull();
    expect(
      targetWording({ value: 1000, target: 5000, targetGap: null, unit: 'AMOUNT' }, 'USD', 'WORKSPACE')
        .target,
    ).toBe('Workspace target 5,000 USD');
  });
});

describe('metricParts', () => {
  it('says what a rate, a ratio and a median are made of, and nothing for a count or an amount', () => {
    expect(
      [
        { numerator: 25, denominator: 40, unit: 'RATE' },
        { numerator: 310, denominator: 40, unit: 'COUNT' },
        { numerator: null, denominator: 6, unit: 'DAYS' },
        { numerator: null, denominator: 1, unit: 'DAYS' },
        { numerator: null, denominator: null, unit: 'COUNT' },
        { numerator: null, denominator: 3, unit: 'AMOUNT' },
      ].map((metric) => metricParts(metric as Parameters<typeof metricParts>[0])),
    ).toEqual(['25 of 40', '310 ÷ 40', 'median of 6 wins', 'median of 1 win', null, null]);
  });
});

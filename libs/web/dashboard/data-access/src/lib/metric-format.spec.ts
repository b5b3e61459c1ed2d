import { formatDifference, formatMetricValue, targetWording } from './metric-format';

describe('formatMetricValue', () => {
  it('formats each unit as people read it', () => {
    expect([
      formatMetricValue(1204, 'COUNT'),
      formatMetricValue(7.75, 'COUNT'),
      formatMetricValue(62.5, 'RATE'),
      formatMetricValue(125000.4, 'AMOUNT'),
      formatMetricValue(28, 'DAYS'),
      formatMetricValue(1, 'DAYS'),
      formatMetricValue(null, 'RATE'),
    ]).toEqual(['1,204', '7.8', '62.5%', '125,000', '28 days', '1 day', '—']);
  });

  it('words a difference without its sign, rates in percentage points', () => {
    expect([
      formatDifference(-7.5, 'RATE'),
      formatDifference(-2, 'DAYS'),
      formatDifference(3, 'COUNT'),
    ]).toEqual(['7.5 pts', '2 days', '3']);
  });
});

describe('targetWording', () => {
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
});

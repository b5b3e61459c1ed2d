import { funnelStepDefinitions } from '@accord/domain/dashboard';

import { dashboardAnswer, metric } from '../testing/dashboard';
import {
  funnelBars,
  funnelOverNote,
  funnelRows,
  metricTrend,
  targetLine,
  targetTrend,
} from './dashboard-charts';

describe('funnelBars', () => {
  it('draws one bar per stage on the path, in order, named as people say them', () => {
    expect(funnelBars(dashboardAnswer().funnel)).toEqual([
      { name: 'Lead', value: 200 },
      { name: 'MQL', value: 42 },
      { name: 'SAL', value: 25 },
      { name: 'SQL', value: 12 },
      { name: 'Opportunity', value: 8 },
      { name: 'Won', value: 3 },
    ]);
  });

  it('counts a stage the API left out as 0 and leaves stages off the path out', () => {
    const bars = funnelBars([
      { stage: 'LOST', count: 9, conversionFromPrevious: null, dropOff: null },
      { stage: 'MQL', count: 4, conversionFromPrevious: null, dropOff: null },
    ]);

    expect(bars.map((bar) => bar.value)).toEqual([0, 4, 0, 0, 0, 0]);
  });
});

describe('funnelOverNote', () => {
  it('explains the first step that counts more moves than the one before, and says nothing otherwise', () => {
    const steps = dashboardAnswer().funnel;
    const over = steps.map((step) => (step.stage === 'MQL' ? { ...step, count: 300 } : step));
    expect([funnelOverNote(steps, false), funnelOverNote(over, false), funnelOverNote(over, true)]).toEqual([
      null,
      'More leads moved into MQL than into Lead: each step counts the moves made in the period, and these include ' +
        'leads that entered Lead before the period.',
      'More leads moved into MQL than into Lead: each step counts the moves made in the period, and these include ' +
        'leads that entered Lead before the period or under an earlier version.',
    ]);
  });
});

describe('funnelRows', () => {
  it('gives each step its conversion from the one before, its drop-off and its drill-down key', () => {
    expect(funnelRows(dashboardAnswer().funnel).slice(0, 3)).toMatchObject([
      { stage: 'LEAD', label: 'Lead', count: 200, conversion: '—', dropOff: null, drillKey: 'funnel-LEAD' },
      { stage: 'MQL', label: 'MQL', count: 42, conversion: '21%', dropOff: 158, drillKey: 'funnel-MQL' },
      { stage: 'SAL', label: 'SAL', count: 25, conversion: '59.5%', dropOff: 17, drillKey: 'funnel-SAL' },
    ]);
  });

  it('defines each step’s count, conversion and drop-off in the domain’s words, naming its stages', () => {
    const [lead, mql] = funnelRows(dashboardAnswer().funnel);
    expect(lead.definitions).toEqual(funnelStepDefinitions('LEAD'));
    expect(lead.definitions.conversionFromPrevious).toBeNull();
    expect(mql.definitions).toEqual(funnelStepDefinitions('MQL'));
    expect(mql.definitions.conversionFromPrevious).toMatch(/^Moves into MQL ÷ moves into LEAD in the period/);
    expect(mql.definitions.dropOff).toMatch(/^Moves into LEAD minus moves into MQL/);
  });
});

describe('metricTrend', () => {
  it('labels weekly buckets by their Monday in the workspace calendar, in full and for the axis', () => {
    const trend = metricTrend(metric(), 'Europe/Berlin', 'WEEK');

    expect(trend.buckets.map((bucket) => [bucket.label, bucket.tick, bucket.value])).toEqual([
      ['2026-10-26', '26 Oct', 6],
      ['2026-11-02', '2 Nov', 9],
      ['2026-11-09', '9 Nov', 11],
      ['2026-11-16', '16 Nov', 8],
      ['2026-11-23 (partial)', '23 Nov (partial)', 8],
    ]);
    expect(trend.lines.map((line) => [line.name, line.series.map((point) => point.value)])).toEqual([
      ['MQLs', [6, 9, 11, 8, 8]],
    ]);
  });

  it('labels the step the API used (months), marks a partly counted bucket, keeps a bucket without a value as a gap', () => {
    const trend = metricTrend(
      metric({
        trend: [
          { bucketStart: '2026-09-30T22:00:00.000Z', value: 50, partial: false, target: null },
          { bucketStart: '2026-10-31T23:00:00.000Z', value: null, partial: false, target: null },
          { bucketStart: '2026-11-30T23:00:00.000Z', value: 61.5, partial: true, target: null },
        ],
      }),
      'Europe/Berlin',
      'MONTH',
    );

    expect(trend.buckets.map((bucket) => [bucket.label, bucket.value])).toEqual([
      ['2026-10', 50],
      ['2026-11', null],
      ['2026-12 (partial)', 61.5],
    ]);
    expect(trend.lines.map((line) => line.series.map((point) => point.value))).toEqual([[50], [61.5]]);
  });

  it('keeps the latest 26 buckets of a longer trend', () => {
    const trend = Array.from({ length: 30 }, (_, index) => ({
      bucketStart: new Date(Date.UTC(2026, 0, 5 + 7 * index)).toISOString(),
      value: index,
      partial: false,
      target: null,
    }));

    const buckets = metricTrend(metric({ trend }), 'UTC', 'WEEK').buckets;

    expect([buckets.length, buckets[0].label, buckets[0].value, buckets[25].label]).toEqual([
      26,
      '2026-02-02',
      4,
      '2026-07-27',
    ]);
  });
});

describe('targetLine', () => {
  it('draws the target of rates and durations only', () => {
    expect(targetLine({ target: 70, unit: 'RATE' })).toEqual([{ name: 'Target', value: 70 }]);
    expect(targetLine({ target: 30, unit: 'DAYS' })).toEqual([{ name: 'Target', value: 30 }]);
    expect(targetLine({ target: 40, unit: 'COUNT' })).toEqual([]);
    expect(targetLine({ target: null, unit: 'RATE' })).toEqual([]);
  });
});

describe('targetTrend', () => {
  it("draws a count's target as each bucket's share of it, at the metric's points, broken where a bucket has none", () => {
    const lines = targetTrend(metric(), 'Europe/Berlin', 'WEEK');
    const chart = metricTrend(metric(), 'Europe/Berlin', 'WEEK');
    expect(lines).toHaveLength(1);
    expect(lines[0].name).toBe('Target');
    expect(lines[0].series.map((point) => point.name)).toEqual(
      chart.lines[0].series.map((point) => point.name),
    );
    expect(lines[0].series.map((point) => Math.round(point.value * 100) / 100)).toEqual([
      1.33, 9.33, 9.33, 9.33, 4,
    ]);

    const broken = metric({
      trend: metric().trend.map((point, index) => ({ ...point, target: index === 2 ? null : point.target })),
    });
    expect(targetTrend(broken, 'Europe/Berlin', 'WEEK', 'Workspace target').map((line) => line.name)).toEqual(
      ['Workspace target', 'Workspace target 2'],
    );
  });

  it('draws none for rates and durations, whose target is a reference line, nor without a target', () => {
    expect(targetTrend(metric({ unit: 'RATE' }), 'UTC', 'WEEK')).toEqual([]);
    expect(targetTrend(metric({ unit: 'DAYS' }), 'UTC', 'WEEK')).toEqual([]);
    const none = metric({ trend: metric().trend.map((point) => ({ ...point, target: null })) });
    expect(targetTrend(none, 'UTC', 'WEEK')).toEqual([]);
  });
});

import {
  MAX_TREND_TICKS,
  bucketTick,
  countTick,
  funnelChart,
  trendBucketAt,
  trendChart,
  trendGranularity,
} from './charts';

describe('funnelChart', () => {
  it('maps the funnel to bars', () => {
    expect(
      funnelChart([
        { stage: 'LEAD', count: 10 },
        { stage: 'MQL', count: 4 },
      ]),
    ).toEqual([
      { name: 'LEAD', value: 10 },
      { name: 'MQL', value: 4 },
    ]);
  });
});

describe('countTick', () => {
  it('writes whole numbers with thousands separators and nothing between them', () => {
    expect([0, 1, 1250, 0.2, 2.5].map(countTick)).toEqual(['0', '1', '1,250', '', '']);
  });
});

describe('bucketTick', () => {
  it('names a bucket briefly enough for a phone’s axis', () => {
    expect([
      bucketTick('2026-10-26', 'WEEK'),
      bucketTick('2026-11-01', 'MONTH'),
      bucketTick('2026-10-01', 'QUARTER'),
    ]).toEqual(['26 Oct', 'Nov 2026', 'Q4 2026']);
  });
});

describe('trendChart', () => {
  it('gives every bucket its place and label in the workspace calendar, and a lone point its own line', () => {
    const chart = trendChart(
      'MQLs',
      [
        { bucketStart: '2026-09-30T22:00:00.000Z', value: 3 },
        { bucketStart: '2026-10-31T23:00:00.000Z', value: null },
        { bucketStart: new Date('2026-11-30T23:00:00.000Z'), value: 5, partial: true },
        { bucketStart: new Date('2026-12-31T23:00:00.000Z'), value: null },
      ],
      'MONTH',
      'Europe/Berlin',
    );

    expect(chart).toEqual({
      name: 'MQLs',
      buckets: [
        { x: 1.125, label: '2026-10', tick: 'Oct 2026', value: 3 },
        { x: 1.375, label: '2026-11', tick: 'Nov 2026', value: null },
        { x: 1.625, label: '2026-12 (partial)', tick: 'Dec 2026 (partial)', value: 5 },
        { x: 1.875, label: '2027-01', tick: 'Jan 2027', value: null },
      ],
      lines: [
        { name: 'MQLs', series: [{ name: 1.125, value: 3 }] },
        { name: 'MQLs 2', series: [{ name: 1.625, value: 5 }] },
      ],
      xMin: 1,
      xMax: 2,
      ticks: [1.125, 1.375, 1.625, 1.875],
    });
    expect(chart.buckets.map((bucket) => trendBucketAt(chart, bucket.x)?.label)).toEqual([
      '2026-10',
      '2026-11',
      '2026-12 (partial)',
      '2027-01',
    ]);
  });

  it('keeps empty leading buckets on the axis: a period from October whose first wins are in December', () => {
    const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
    const chart = trendChart(
      'Sales cycle',
      months.map((month, index) => ({
        bucketStart: `${month}-01T00:00:00.000Z`,
        value: index < 2 ? null : 20 + index,
      })),
      'MONTH',
      'UTC',
    );

    expect(chart.buckets.map((bucket) => [bucket.label, bucket.value])).toEqual([
      ['2025-10', null],
      ['2025-11', null],
      ['2025-12', 22],
      ['2026-01', 23],
      ['2026-02', 24],
    ]);
    expect(chart.lines).toEqual([
      {
        name: 'Sales cycle',
        series: [
          { name: 1.5, value: 22 },
          { name: 1.7, value: 23 },
          { name: 1.9, value: 24 },
        ],
      },
    ]);
  });

  it('labels a quarter and a single week (This week) that is still in progress', () => {
    expect(
      trendChart('SQLs', [{ bucketStart: '2026-09-30T22:00:00.000Z', value: 3 }], 'QUARTER', 'Europe/Berlin'),
    ).toMatchObject({
      buckets: [{ x: 1.5, label: '2026-Q4', tick: 'Q4 2026', value: 3 }],
      lines: [{ name: 'SQLs', series: [{ name: 1.5, value: 3 }] }],
      ticks: [1.5],
    });
    expect(
      trendChart(
        'Calls',
        [{ bucketStart: '2026-11-23T00:00:00.000Z', value: 7, partial: true }],
        'WEEK',
        'UTC',
      ).buckets,
    ).toEqual([{ x: 1.5, label: '2026-11-23 (partial)', tick: '23 Nov (partial)', value: 7 }]);
  });

  it('draws nothing for a trend without values, and has no ticks without buckets', () => {
    expect(
      trendChart('Calls', [{ bucketStart: '2026-11-23T00:00:00.000Z', value: null }], 'WEEK', 'UTC').lines,
    ).toEqual([]);
    expect(trendChart('Calls', [], 'WEEK', 'UTC')).toMatchObject({ buckets: [], lines: [], ticks: [] });
  });

  it('keeps the latest 26 buckets of a longer trend and names every fourth, counted back from the latest', () => {
    const points = Array.from({ length: 30 }, (_, index) => ({
      bucketStart: new Date(Date.UTC(2026, 0, 5 + 7 * index)),
      value: index,
    }));

    const chart = trendChart('Calls', points, 'WEEK', 'UTC');

    expect([chart.buckets.length, chart.buckets[0].label, chart.buckets[25].label]).toEqual([
      26,
      '2026-02-02',
      '2026-07-27',
    ]);
    expect(chart.lines).toHaveLength(1);
    const named = chart.ticks.map((x) => trendBucketAt(chart, x)?.tick);
    expect(named).toEqual(['9 Feb', '9 Mar', '6 Apr', '4 May', '1 Jun', '29 Jun', '27 Jul']);
    expect(named.length).toBeLessThanOrEqual(MAX_TREND_TICKS);
    expect(trendGranularity(points, 'UTC')).toBe('WEEK');
  });

  it('reads the granularity back from the bucket starts', () => {
    const starts = (a: string, b: string) => [
      { bucketStart: a, value: 1 },
      { bucketStart: b, value: 1 },
    ];
    expect([
      trendGranularity(starts('2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z'), 'UTC'),
      trendGranularity(starts('2026-10-01T00:00:00Z', '2027-01-01T00:00:00Z'), 'UTC'),
      trendGranularity(starts('2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z').slice(1), 'UTC'),
    ]).toEqual(['MONTH', 'QUARTER', 'MONTH']);
  });
});

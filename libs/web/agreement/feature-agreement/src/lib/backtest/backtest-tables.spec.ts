import { type BacktestResult, type LiftRow, wilson } from '@accord/domain/backtest';

import { comparisonRows, gradeLines, inversionText, liftLines, rateCell, verdict } from './backtest-tables';

function arm(mqls: number, won: number, missedWon: number) {
  return {
    versionId: 'x',
    mqls,
    mqlsPerMonth: [],
    averageMqlsPerMonth: mqls / 12,
    ofMqls: {
      observed: mqls,
      unobserved: 0,
      accepted: mqls / 2,
      sql: mqls / 4,
      opportunity: mqls / 5,
      won,
      revenue: won * 1000,
      acceptance: wilson(mqls / 2, mqls),
      win: wilson(won, mqls),
    },
    missed: { accepted: 0, won: missedWon, revenue: missedWon * 1000, sample: [] },
    load: {
      reps: 2,
      meanPerRepPerWeek: 1.25,
      peakPerRepPerWeek: 3,
      peakWeek: '2026-01-05',
      openPerRepWithinSla: 0.25,
      slaHours: { COLD: 72, WARM: 24, HOT: 4 },
      byTemperature: { COLD: 0, WARM: mqls, HOT: 0 },
    },
    calibration: { byGrade: [], byTemperature: [], inversions: [] },
    signalValue: [],
    suggestions: [],
  };
}

describe('backtest tables', () => {
  it('takes each change between the figures as shown, so the three columns agree', () => {
    const draft = arm(120, 10, 0);
    const baseline = arm(96, 12, 0);
    draft.load.meanPerRepPerWeek = 0.15; // shown 0.2 (rounded half up)
    baseline.load.meanPerRepPerWeek = 0.24; // shown 0.2
    draft.load.peakPerRepPerWeek = 6.54; // shown 6.5
    baseline.load.peakPerRepPerWeek = 5.76; // shown 5.8
    const rows = comparisonRows({ draft, baseline } as unknown as BacktestResult, 'USD');
    const row = (label: string) => rows.find((candidate) => candidate.label === label);

    expect([
      row('Handovers per rep per week (mean)'),
      row('Handovers per rep in the busiest week'),
      row('Revenue won from its MQLs'),
    ]).toEqual([
      { label: 'Handovers per rep per week (mean)', draft: '0.2', inForce: '0.2', change: '±0' },
      { label: 'Handovers per rep in the busiest week', draft: '6.5', inForce: '5.8', change: '+0.7' },
      {
        label: 'Revenue won from its MQLs',
        draft: '10,000 USD',
        inForce: '12,000 USD',
        change: '−2,000 USD',
      },
    ]);
  });

  it('sets the draft beside the version in force with signed changes', () => {
    const result = { draft: arm(120, 10, 1), baseline: arm(96, 12, 0) } as unknown as BacktestResult;
    const rows = comparisonRows(result);
    expect(rows[0]).toEqual({
      label: 'MQLs per month (average)',
      draft: '10.0',
      inForce: '8.0',
      change: '+2.0',
    });
    expect(rows.find((row) => row.label === '… won')).toEqual({
      label: '… won',
      draft: '10',
      inForce: '12',
      change: '−2',
    });
    expect(rows.find((row) => row.label === 'Won leads it would have missed')?.change).toBe('+1');
    expect(rows.find((row) => row.label === 'Revenue won from its MQLs')).toMatchObject({
      draft: '10,000',
      inForce: '12,000',
    });
  });

  it('shows a rate with its interval and flags a small sample', () => {
    expect(rateCell(wilson(8, 10))).toEqual({ text: '80% (8/10)', interval: '49%–94.3%', small: true });
    expect(rateCell(wilson(0, 0))).toEqual({ text: '—', interval: 'no cases', small: false });
    expect(rateCell(wilson(40, 100)).small).toBe(false);
    expect(
      gradeLines([
        {
          key: 'A',
          handedOver: 10,
          acceptance: wilson(8, 10),
          sql: wilson(0, 10),
          win: wilson(2, 10),
          meanCycleDays: 40.4,
        },
      ])[0].cycle,
    ).toBe('40 days');
  });

  it('calls a lift evidence only when the intervals part', () => {
    const row = (withWon: number, withoutWon: number, points = 10): LiftRow => ({
      kind: 'CRITERION',
      key: 'k',
      label: 'K',
      points,
      withLeads: 200,
      withoutLeads: 200,
      winWith: wilson(withWon, 200),
      winWithout: wilson(withoutWon, 200),
      winLift: withoutWon === 0 ? null : withWon / 200 / (withoutWon / 200),
      acceptanceWith: wilson(0, 0),
      acceptanceWithout: wilson(0, 0),
      acceptanceLift: null,
    });
    expect(verdict(row(60, 10))).toBe('earns its points');
    expect(verdict(row(20, 22))).toBe('no evidence it predicts wins');
    expect(verdict(row(5, 40))).toBe('works against wins: lower it');
    expect(liftLines([row(60, 10)])[0]).toMatchObject({ points: '+10', lift: '×6', kind: 'Fit criterion' });
  });

  it('words an inversion', () => {
    expect(
      inversionText({
        dimension: 'GRADE',
        metric: 'WIN',
        better: 'A',
        worse: 'B',
        betterRate: 0.1,
        worseRate: 0.2,
        confident: false,
      }),
    ).toBe('A wins less often than B: 10% against 20% (the samples overlap: watch it)');
  });
});

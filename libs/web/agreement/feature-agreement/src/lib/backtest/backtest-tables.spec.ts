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
        hint: 'What its MQLs that won in fact brought in.',
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
      hint: 'Its MQLs that in fact won; only MQLs that were handed over can count.',
    });
    expect(rows.find((row) => row.label === 'Won leads it would have missed')?.change).toBe('+1');
    expect(rows.find((row) => row.label === 'Revenue won from its MQLs')).toMatchObject({
      draft: '10,000',
      inForce: '12,000',
    });
  });

  it('sets the acceptance and win rates of both versions side by side, in percentage points', () => {
    const draft = arm(120, 10, 0);
    const baseline = arm(96, 12, 0);
    // The draft hands over 20 more leads that were never handed over in fact: only 100 have a known outcome.
    draft.ofMqls = {
      ...draft.ofMqls,
      observed: 100,
      unobserved: 20,
      acceptance: wilson(45, 90),
      win: wilson(10, 100),
    };
    baseline.ofMqls = { ...baseline.ofMqls, acceptance: wilson(48, 80), win: wilson(12, 96) };
    const rows = comparisonRows({ draft, baseline } as unknown as BacktestResult);
    const row = (label: string) => rows.find((candidate) => candidate.label === label);

    expect([
      row('… never handed over (outcome unknown)'),
      row('… acceptance rate (accepted ÷ decided)'),
      row('… win rate (won ÷ handed over)'),
    ]).toEqual([
      {
        label: '… never handed over (outcome unknown)',
        draft: '20',
        inForce: '0',
        change: '+20',
        hint: 'Its MQLs that were never in fact handed over: sales never saw them, so whether they would have been accepted or won is unknown.',
      },
      // 45/90 = 50% against 48/80 = 60%; their intervals (40%–60% and 49%–70%) overlap.
      {
        label: '… acceptance rate (accepted ÷ decided)',
        draft: '50% (45/90)',
        inForce: '60% (48/80)',
        change: '−10 pts (could be chance)',
        hint: 'Accepted ÷ accepted or rejected, among its MQLs that were handed over (expired and open ones are left out).',
      },
      // 12/96 = 12.5%.
      {
        label: '… win rate (won ÷ handed over)',
        draft: '10% (10/100)',
        inForce: '12.5% (12/96)',
        change: '−2.5 pts (could be chance)',
        hint: 'Won ÷ its MQLs that were handed over.',
      },
    ]);
  });

  it('writes a rate change plainly when the intervals part, and "±0 pts" when there is none', () => {
    const draft = arm(200, 10, 0);
    const baseline = arm(200, 10, 0);
    draft.ofMqls.acceptance = wilson(180, 200);
    baseline.ofMqls.acceptance = wilson(100, 200);
    draft.ofMqls.win = wilson(0, 0);
    const change = (label: string) =>
      comparisonRows({ draft, baseline } as unknown as BacktestResult).find((row) => row.label === label)
        ?.change;

    // 90% (85%–93%) against 50% (43%–57%); a version with no MQL handed over has no win rate.
    expect([
      change('… acceptance rate (accepted ÷ decided)'),
      change('… win rate (won ÷ handed over)'),
    ]).toEqual(['+40 pts', '—']);
    baseline.ofMqls.acceptance = wilson(180, 200);
    expect(change('… acceptance rate (accepted ÷ decided)')).toBe('±0 pts');
  });

  it('says what the lines that read as contradictory count', () => {
    const rows = comparisonRows({
      draft: arm(120, 10, 1),
      baseline: arm(96, 12, 0),
    } as unknown as BacktestResult);
    const hint = (label: string) => rows.find((candidate) => candidate.label === label)?.hint;

    expect([hint('… accepted by sales'), hint('Accepted leads it would have missed')]).toEqual([
      'Its MQLs that sales in fact accepted; only MQLs that were handed over can count.',
      "Leads sales in fact accepted that the version would never have handed over by the window's end.",
    ]);
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
    expect(liftLines([row(60, 10)])[0]).toMatchObject({
      points: '+10',
      lift: '×6',
      kind: 'Fit criterion',
      added: false,
    });
  });

  it('marks the criteria and signals the version in force does not have', () => {
    const row = (kind: LiftRow['kind'], key: string): LiftRow => ({
      kind,
      key,
      label: key,
      points: 10,
      withLeads: 116,
      withoutLeads: 2000,
      // 1/116 = 0.86% against 42/2000 = 2.1%: a lift of 0.41, the intervals overlapping.
      winWith: wilson(1, 116),
      winWithout: wilson(42, 2000),
      winLift: 1 / 116 / (42 / 2000),
      acceptanceWith: wilson(0, 0),
      acceptanceWithout: wilson(0, 0),
      acceptanceLift: null,
    });
    const draft = [row('CRITERION', 'financial'), row('CRITERION', 'saas'), row('SIGNAL', 'financial')];
    const inForce = [row('CRITERION', 'saas'), row('SIGNAL', 'financial')];

    expect(liftLines(draft, inForce).map(({ label, kind, added }) => ({ label, kind, added }))).toEqual([
      { label: 'financial', kind: 'Fit criterion', added: true },
      { label: 'saas', kind: 'Fit criterion', added: false },
      { label: 'financial', kind: 'Intent signal', added: false },
    ]);
    expect(liftLines(draft, inForce)[0]).toMatchObject({
      winWith: { text: '0.9% (1/116)' },
      winWithout: { text: '2.1% (42/2000)' },
      lift: '×0.41',
      verdict: 'no evidence it predicts wins',
    });
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

import { type AgreementDocument, parseAgreementDocument, starterAgreement } from '@accord/domain/agreement';
import type { LeadFacts } from '@accord/domain/scoring';
import { prepareScoring, prepareVersion } from '@accord/domain/scoring';

import { BacktestAccumulator, type BacktestState, emptyBacktest } from './accumulator';
import { monthOf, monthsBetween, monthsIn, weekOf } from './calendar';
import type { HistoricalLead, RecordedOutcome } from './model';
import { firstHandover } from './point-in-time';
import { backtestResult, inversions } from './result';
import { wilson } from './wilson';

const REPS = ['0b6f1c9e-3a52-4c1e-9d7a-2f4e8b1c6a90', '1c7a2d0f-4b63-4d2f-8e8b-3a5f9c2d7b01'];
const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

/**
 * Two criteria that add up to 100 (so the fit score is the sum of what matched), two signal types, and a
 * matrix where A hands over when WARM or HOT and B only when HOT; C and D never.
 */
function document(bHot: 'MQL' | 'NURTURE'): AgreementDocument {
  const starter = starterAgreement(REPS);
  const parsed = parseAgreementDocument({
    ...starter,
    fit: {
      criteria: [
        {
          key: 'big',
          label: '100+ employees',
          field: 'employeeCount',
          condition: { kind: 'RANGE', min: 100, max: null },
          points: 60,
        },
        {
          key: 'vp',
          label: 'VP',
          field: 'seniority',
          condition: { kind: 'ANY_OF', values: ['VP'] },
          points: 40,
        },
      ],
      grades: { A: 80, B: 50, C: 30 },
    },
    intent: {
      signals: [
        { type: 'DEMO_REQUEST', label: 'Demo request', weight: 60, cap: 1, halfLifeDays: 30 },
        { type: 'EMAIL_CLICK', label: 'E-mail click', weight: 20, cap: 5, halfLifeDays: 30 },
      ],
      temperature: { warm: 30, hot: 60 },
    },
    handover: {
      ...starter.handover,
      matrix: {
        A: { COLD: 'NURTURE', WARM: 'MQL', HOT: 'FAST_TRACK' },
        B: { COLD: 'NURTURE', WARM: 'NURTURE', HOT: bHot },
        C: { COLD: 'NURTURE', WARM: 'NURTURE', HOT: 'NURTURE' },
        D: { COLD: 'NURTURE', WARM: 'NURTURE', HOT: 'NURTURE' },
      },
      slaHours: { COLD: 72, WARM: 48, HOT: 24 },
    },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.document;
}

const DRAFT = { id: 'draft', document: document('MQL') };
const BASELINE = { id: 'in-force', document: document('NURTURE') };
const WINDOW = { from: Date.parse('2025-01-01T00:00:00Z'), to: Date.parse('2025-03-01T00:00:00Z') };

function facts(big: boolean, vp: boolean): LeadFacts {
  return {
    employeeCount: big ? 500 : 20,
    annualRevenue: null,
    industry: null,
    country: null,
    technologies: [],
    seniority: vp ? 'VP' : 'MANAGER',
    department: null,
    emailDomain: 'acme.com',
    title: null,
    budgetAuthority: null,
  };
}

const NOTHING: RecordedOutcome = {
  decision: null,
  rejectionReason: null,
  sql: false,
  opportunity: false,
  won: false,
  revenue: 0,
  wonAt: null,
};

function lead(id: string, values: Partial<HistoricalLead> & { big: boolean; vp: boolean }): HistoricalLead {
  const { big, vp, ...rest } = values;
  return {
    id,
    facts: facts(big, vp),
    source: 'webinar',
    createdAt: at('2025-01-01'),
    signals: {},
    handedOverAt: null,
    outcome: NOTHING,
    // Handed over, sales hold it; never handed over, marketing nurtures it.
    stage: rest.handedOverAt ? 'SAL' : 'NURTURE',
    recycleUntil: null,
    ...rest,
  };
}

/** Five leads in the window and one created after it; every figure below is worked out by hand. */
const HISTORY: HistoricalLead[] = [
  // A (100): a demo request makes it HOT on 10 Jan; handed over then, accepted, won 1,000 on 9 Feb.
  lead('l1', {
    big: true,
    vp: true,
    signals: { DEMO_REQUEST: [at('2025-01-10')] },
    handedOverAt: at('2025-01-10'),
    outcome: {
      decision: 'ACCEPTED',
      rejectionReason: null,
      sql: true,
      opportunity: true,
      won: true,
      revenue: 1000,
      wonAt: at('2025-02-09'),
    },
  }),
  // B (60): HOT on 5 Feb; handed over then and accepted. The draft hands B/HOT over, the version in force does not.
  lead('l2', {
    big: true,
    vp: false,
    signals: { DEMO_REQUEST: [at('2025-02-05')] },
    handedOverAt: at('2025-02-05'),
    outcome: { ...NOTHING, decision: 'ACCEPTED' },
  }),
  // C (40): no version hands it over; in fact it was, and rejected as not in the ICP.
  lead('l3', {
    big: false,
    vp: true,
    handedOverAt: at('2025-01-20'),
    outcome: { ...NOTHING, decision: 'REJECTED', rejectionReason: 'not-icp' },
  }),
  // B: a click (20, COLD) in the window; its demo request comes after the window and must not count.
  lead('l4', {
    big: true,
    vp: false,
    signals: { EMAIL_CLICK: [at('2025-01-15')], DEMO_REQUEST: [at('2025-03-10')] },
  }),
  // A, created 1 Feb, HOT on 2 Feb: both versions hand it over, but it never was — no observed outcome.
  lead('l5', {
    big: true,
    vp: true,
    createdAt: at('2025-02-01'),
    signals: { DEMO_REQUEST: [at('2025-02-02')] },
  }),
  // Created after the window: read, not counted.
  lead('l6', {
    big: true,
    vp: true,
    createdAt: at('2025-03-05'),
    signals: { DEMO_REQUEST: [at('2025-03-05')] },
  }),
];

function run(batches: HistoricalLead[][]): BacktestState {
  let state = emptyBacktest(WINDOW, DRAFT, BASELINE);
  for (const batch of batches) {
    // Saved and loaded between batches, as a background run does.
    state = JSON.parse(JSON.stringify(state)) as BacktestState;
    new BacktestAccumulator(state, DRAFT, BASELINE).add(batch);
  }
  return state;
}

describe('wilson', () => {
  it('gives the 95% score interval and flags small samples', () => {
    const rate = wilson(8, 10);
    expect(rate.rate).toBe(0.8);
    expect(rate.low).toBeCloseTo(0.4902, 4);
    expect(rate.high).toBeCloseTo(0.9433, 4);
    expect(rate.small).toBe(true);
    expect(wilson(0, 0)).toEqual({ successes: 0, n: 0, rate: null, low: null, high: null, small: true });
    expect(wilson(30, 100).small).toBe(false);
    expect(() => wilson(3, 2)).toThrow(RangeError);
  });
});

describe('calendar', () => {
  it('names UTC months and Monday-started weeks', () => {
    expect(monthOf(at('2025-02-28'))).toBe('2025-02');
    expect(weekOf(at('2025-01-10'))).toBe('2025-01-06');
    expect(weekOf(at('2025-02-02'))).toBe('2025-01-27');
    expect(weekOf(at('2025-02-03'))).toBe('2025-02-03');
    expect(monthsBetween(WINDOW.from, WINDOW.to)).toEqual(['2025-01', '2025-02']);
  });

  it('counts the months a window spans by the share of each month inside it, for averages per month', () => {
    expect(monthsIn(WINDOW.from, WINDOW.to)).toBe(2);
    // A year from 28 November touches 13 months: 3 of November's 30 days, 11 whole months, 27 of the next 30.
    expect(monthsIn(at('2025-11-28'), at('2026-11-28'))).toBeCloseTo(3 / 30 + 11 + 27 / 30, 12);
    expect(monthsIn(at('2025-01-01'), at('2025-01-08'))).toBe(1);
  });
});

describe('firstHandover (point in time)', () => {
  const score = prepareScoring(DRAFT.document);
  const version = prepareVersion(DRAFT.document);

  it('hands over at the first signal that crosses, never with a signal from after the moment', () => {
    const l4 = HISTORY[3];
    expect(firstHandover(version, l4, WINDOW.to)).toBeNull();
    const later = firstHandover(version, l4, at('2025-04-01'));
    expect(later?.at).toBe(at('2025-03-10'));
    expect(later?.scores).toMatchObject({ grade: 'B', temperature: 'HOT', outcome: 'MQL' });
  });

  it('scores at the recorded handover with the signals of that moment only, decayed to it', () => {
    // A demo request 30 days (one half-life) before the recorded handover: 60 → 30, WARM.
    const decayed = lead('d', {
      big: true,
      vp: false,
      createdAt: at('2025-01-01'),
      signals: { DEMO_REQUEST: [at('2025-01-02')] },
      handedOverAt: at('2025-02-01'),
    });
    const scores = score(decayed.facts, decayed.signals, at('2025-02-01'));
    expect(scores.intentScore).toBeCloseTo(30, 10);
    expect(scores.temperature).toBe('WARM');
    // At the signal itself it was HOT: B/HOT is an MQL under the draft on 2 January.
    expect(firstHandover(version, decayed, WINDOW.to)?.at).toBe(at('2025-01-02'));
  });
});

describe('BacktestAccumulator', () => {
  it('computes every figure of a small history by hand', () => {
    const result = backtestResult(run([HISTORY]), DRAFT.document, BASELINE.document);
    const weeks = 59 / 7;

    expect(result.leadsRead).toBe(6);
    expect(result.leadsInWindow).toBe(5);
    expect(result.recorded).toEqual({
      mqls: 3,
      mqlsPerMonth: [
        { month: '2025-01', count: 2 },
        { month: '2025-02', count: 1 },
      ],
      ofMqls: {
        observed: 3,
        unobserved: 0,
        accepted: 2,
        sql: 1,
        opportunity: 1,
        won: 1,
        revenue: 1000,
        acceptance: wilson(2, 3),
        win: wilson(1, 3),
      },
    });

    const draft = result.draft;
    expect(draft.mqls).toBe(3);
    expect(draft.mqlsPerMonth).toEqual([
      { month: '2025-01', count: 1 },
      { month: '2025-02', count: 2 },
    ]);
    expect(draft.averageMqlsPerMonth).toBe(1.5);
    expect(draft.ofMqls).toEqual({
      observed: 2,
      unobserved: 1,
      accepted: 2,
      sql: 1,
      opportunity: 1,
      won: 1,
      revenue: 1000,
      acceptance: wilson(2, 2),
      win: wilson(1, 2),
    });
    expect(draft.missed).toEqual({ accepted: 0, won: 0, revenue: 0, sample: [] });
    expect(draft.load.reps).toBe(2);
    expect(draft.load.meanPerRepPerWeek).toBeCloseTo(3 / weeks / 2, 12);
    expect(draft.load.peakPerRepPerWeek).toBe(0.5);
    expect(draft.load.peakWeek).toBe('2025-01-06');
    expect(draft.load.byTemperature).toEqual({ COLD: 0, WARM: 0, HOT: 3 });
    expect(draft.load.openPerRepWithinSla).toBeCloseTo((3 / weeks / 2) * (24 / 168), 12);

    const baseline = result.baseline;
    expect(baseline.mqls).toBe(2);
    expect(baseline.mqlsPerMonth).toEqual([
      { month: '2025-01', count: 1 },
      { month: '2025-02', count: 1 },
    ]);
    expect(baseline.ofMqls).toMatchObject({ observed: 1, unobserved: 1, accepted: 1, won: 1, revenue: 1000 });
    expect(baseline.missed).toEqual({ accepted: 1, won: 0, revenue: 0, sample: ['l2'] });
  });

  it('grades handed-over leads at their handover moment for calibration', () => {
    const { calibration } = backtestResult(run([HISTORY]), DRAFT.document, BASELINE.document).draft;
    expect(calibration.byGrade).toEqual([
      {
        key: 'A',
        handedOver: 1,
        acceptance: wilson(1, 1),
        sql: wilson(1, 1),
        win: wilson(1, 1),
        meanCycleDays: 39,
      },
      {
        key: 'B',
        handedOver: 1,
        acceptance: wilson(1, 1),
        sql: wilson(0, 1),
        win: wilson(0, 1),
        meanCycleDays: null,
      },
      {
        key: 'C',
        handedOver: 1,
        acceptance: wilson(0, 1),
        sql: wilson(0, 1),
        win: wilson(0, 1),
        meanCycleDays: null,
      },
      {
        key: 'D',
        handedOver: 0,
        acceptance: wilson(0, 0),
        sql: wilson(0, 0),
        win: wilson(0, 0),
        meanCycleDays: null,
      },
    ]);
    expect(
      calibration.byTemperature.map((row) => [row.key, row.handedOver, row.acceptance.rate, row.win.rate]),
    ).toEqual([
      ['HOT', 2, 1, 0.5],
      ['WARM', 0, null, null],
      ['COLD', 1, 0, 0],
    ]);
    // B wins 0 of 1 and C 0 of 1: no better grade converts worse than a lesser one here.
    expect(calibration.inversions).toEqual([]);
  });

  it('measures each criterion and signal by the leads with and without it, point in time', () => {
    const { signalValue } = backtestResult(run([HISTORY]), DRAFT.document, BASELINE.document).draft;
    const row = (key: string) => signalValue.find((item) => item.key === key);
    // big: l1, l2, l4, l5 (1 won of 4) against l3 (0 of 1).
    expect(row('big')).toMatchObject({
      withLeads: 4,
      withoutLeads: 1,
      winWith: wilson(1, 4),
      winWithout: wilson(0, 1),
      winLift: null,
      acceptanceWith: wilson(2, 2),
      acceptanceWithout: wilson(0, 1),
      acceptanceLift: null,
    });
    // vp: l1, l3, l5 (1 of 3) against l2, l4 (0 of 2); acceptance 1 of 2 decided against 1 of 1.
    expect(row('vp')).toMatchObject({
      withLeads: 3,
      withoutLeads: 2,
      acceptanceWith: wilson(1, 2),
      acceptanceWithout: wilson(1, 1),
      acceptanceLift: 0.5,
    });
    // l4's demo request came after the window's end: it is counted without one.
    expect(row('DEMO_REQUEST')).toMatchObject({ withLeads: 3, withoutLeads: 2, winWith: wilson(1, 3) });
    expect(row('EMAIL_CLICK')).toMatchObject({ withLeads: 1, withoutLeads: 4 });
  });

  it('gives the same figures whether the history comes in one batch or several, saved between', () => {
    const whole = backtestResult(run([HISTORY]), DRAFT.document, BASELINE.document);
    const split = backtestResult(
      run([HISTORY.slice(0, 2), HISTORY.slice(2, 3), HISTORY.slice(3)]),
      DRAFT.document,
      BASELINE.document,
    );
    expect(split).toEqual(whole);
  });

  it('refuses a saved state that belongs to other versions', () => {
    const state = emptyBacktest(WINDOW, DRAFT, BASELINE);
    expect(() => new BacktestAccumulator(state, BASELINE, DRAFT)).toThrow('other versions');
  });

  it('turns rejections clustering on a criterion into suggested edits', () => {
    const rejected = (id: string, big: boolean, vp: boolean, reason: string) =>
      lead(id, {
        big,
        vp,
        handedOverAt: at('2025-01-20'),
        outcome: { ...NOTHING, decision: 'REJECTED', rejectionReason: reason },
      });
    const leads = [
      ...Array.from({ length: 10 }, (_, i) => rejected(`v${i}`, false, true, 'not-icp')),
      ...Array.from({ length: 2 }, (_, i) => rejected(`w${i}`, false, true, 'not-ready')),
      ...Array.from({ length: 9 }, (_, i) => rejected(`b${i}`, true, false, 'not-ready')),
      rejected('n', true, false, 'no-budget'),
    ];
    const { suggestions } = backtestResult(run([leads]), DRAFT.document, BASELINE.document).draft;
    expect(suggestions.map((s) => [s.kind, s.key, s.reasonKey, s.rejections, s.of])).toEqual([
      ['CRITERION', 'vp', 'not-icp', 10, 12],
      ['CRITERION', 'big', 'not-ready', 9, 10],
    ]);
    expect(suggestions[0].text).toBe(
      '10 of 12 rejected leads meeting "VP" were rejected as "Outside our ideal customer profile" (83% against 45% of all rejections): lower its 40 points, or narrow it.',
    );
  });
});

describe('inversions', () => {
  it('flags a better grade converting worse, confidently only when the intervals part', () => {
    const row = (key: string, won: number, n: number) => ({
      key,
      handedOver: n,
      acceptance: wilson(0, 0),
      sql: wilson(0, 0),
      win: wilson(won, n),
      meanCycleDays: null,
    });
    expect(inversions('GRADE', [row('A', 2, 10), row('B', 5, 10)])).toEqual([
      {
        dimension: 'GRADE',
        metric: 'WIN',
        better: 'A',
        worse: 'B',
        betterRate: 0.2,
        worseRate: 0.5,
        confident: false,
      },
    ]);
    expect(inversions('GRADE', [row('A', 10, 200), row('B', 100, 200)])[0].confident).toBe(true);
  });
});

describe('what publishing would do today', () => {
  const hot = { DEMO_REQUEST: [at('2025-02-28')], EMAIL_CLICK: [at('2025-02-28')] };
  // Half a day before the window's end (the run's "now"): a demo request is 59.3, with a click 79.1 — HOT.
  const TODAY: HistoricalLead[] = [
    // B/HOT: the draft hands it over, the version in force does not.
    lead('p1', { big: true, vp: false, signals: hot }),
    // A/COLD (a click, 20): neither.
    lead('p2', { big: true, vp: true, signals: { EMAIL_CLICK: [at('2025-02-28')] } }),
    // A/WARM (a demo request a whole day old, 58.6): both.
    lead('p3', { big: true, vp: true, signals: { DEMO_REQUEST: [at('2025-02-27')] } }),
    // A/HOT but recycled until after today: neither.
    lead('p4', { big: true, vp: true, signals: hot, recycleUntil: at('2025-03-15') }),
    // A/HOT, but sales hold it.
    lead('p5', { big: true, vp: true, signals: hot, handedOverAt: at('2025-02-28') }),
    // A/HOT, rejected before the window and recycled until a date now past: both, though it is no history here.
    lead('p6', {
      big: true,
      vp: true,
      createdAt: at('2024-10-01'),
      signals: hot,
      handedOverAt: at('2024-11-01'),
      outcome: { ...NOTHING, decision: 'REJECTED', rejectionReason: 'not-icp' },
      stage: 'NURTURE',
      recycleUntil: at('2025-02-15'),
    }),
    // Created after the window: not there when the run began.
    lead('p7', { big: true, vp: true, createdAt: at('2025-03-05'), signals: hot }),
  ];

  it("counts the nurtured leads each version would make MQLs at once, by temperature, and the reps' share", () => {
    const result = backtestResult(
      run([TODAY.slice(0, 3), TODAY.slice(3)]),
      DRAFT.document,
      BASELINE.document,
    );
    expect(result.draft.onPublish).toEqual({
      handovers: 3,
      perRep: 1.5,
      byTemperature: { COLD: 0, WARM: 1, HOT: 2 },
    });
    expect(result.baseline.onPublish).toEqual({
      handovers: 2,
      perRep: 1,
      byTemperature: { COLD: 0, WARM: 1, HOT: 1 },
    });
    // p6 is counted for today only: handed over before the window, it is not the window's history.
    expect(result.leadsInWindow).toBe(5);
  });

  it('says nothing of it for a run saved before it was counted, rather than half a count', () => {
    const state = emptyBacktest(WINDOW, DRAFT, BASELINE);
    delete state.draft.onPublish;
    delete state.baseline.onPublish;
    new BacktestAccumulator(state, DRAFT, BASELINE).add(TODAY);
    const result = backtestResult(state, DRAFT.document, BASELINE.document);
    expect([result.draft.onPublish, result.baseline.onPublish]).toEqual([null, null]);
  });
});

import { type BacktestResult, type Rate, wilson } from '@accord/domain/backtest';

import { backtestHeadline, compareRates } from './backtest-headline';

/** The part of a backtest result the headline reads; the rest of an arm does not matter to it. */
function result(
  draft: { mqls: number; unobserved: number; acceptance: Rate; win: Rate },
  inForce: { mqls: number; unobserved: number; acceptance: Rate; win: Rate },
): BacktestResult {
  const arm = ({ mqls, unobserved, acceptance, win }: typeof draft) => ({
    mqls,
    ofMqls: { observed: mqls - unobserved, unobserved, acceptance, win },
  });
  return { draft: arm(draft), baseline: arm(inForce) } as unknown as BacktestResult;
}

describe('compareRates', () => {
  it('takes the change between the percentages as shown, so that it agrees with them', () => {
    // 1/3 shows 33.3% and 1/6 shows 16.7%: 16.6 points apart as shown, though 16.67 apart unrounded.
    expect(compareRates(wilson(1, 3), wilson(1, 6))).toEqual({
      draft: wilson(1, 3),
      inForce: wilson(1, 6),
      draftPercent: 33.3,
      inForcePercent: 16.7,
      changePoints: 16.6,
      clear: false,
    });
  });

  it('calls a change clear only when the two 95% intervals do not overlap', () => {
    // 90/100 has the interval 82.6%–94.5%, 50/100 has 40.4%–59.6%; 52/100 has 42.3%–61.5%, overlapping 50/100's.
    expect(compareRates(wilson(90, 100), wilson(50, 100))).toMatchObject({ changePoints: 40, clear: true });
    expect(compareRates(wilson(50, 100), wilson(90, 100))).toMatchObject({ changePoints: -40, clear: true });
    expect(compareRates(wilson(52, 100), wilson(50, 100))).toMatchObject({ changePoints: 2, clear: false });
  });

  it('has no change when either version has no cases', () => {
    expect(compareRates(wilson(0, 0), wilson(5, 10))).toEqual({
      draft: wilson(0, 0),
      inForce: wilson(5, 10),
      draftPercent: null,
      inForcePercent: 50,
      changePoints: null,
      clear: false,
    });
  });
});

describe('backtestHeadline', () => {
  it('compares the rates and says that all the extra MQLs have an unknown outcome', () => {
    // The demo's case: 84 more MQLs, none of them ever handed over; one accepted lead the draft hands over
    // before the window begins, so it is not among its MQLs.
    const headline = backtestHeadline(
      result(
        { mqls: 690, unobserved: 84, acceptance: wilson(120, 300), win: wilson(30, 606) },
        { mqls: 606, unobserved: 0, acceptance: wilson(121, 300), win: wilson(30, 606) },
      ),
    );

    expect(headline).toEqual({
      acceptance: {
        draft: wilson(120, 300),
        inForce: wilson(121, 300),
        draftPercent: 40,
        inForcePercent: 40.3,
        changePoints: -0.3,
        clear: false,
      },
      // 30/606 = 4.95% shows 5%.
      win: {
        draft: wilson(30, 606),
        inForce: wilson(30, 606),
        draftPercent: 5,
        inForcePercent: 5,
        changePoints: 0,
        clear: false,
      },
      unknown: {
        draft: { mqls: 690, unknown: 84 },
        inForce: { mqls: 606, unknown: 0 },
        extra: 84,
        extraUnknown: 84,
      },
    });
  });

  it.each([
    // 94 more MQLs; 50 − 20 = 30 more of them unknown than under the version in force.
    ['the rise in unknown outcomes', { mqls: 700, unobserved: 50 }, { mqls: 606, unobserved: 20 }, 94, 30],
    // 14 more MQLs but 30 more unknown: it also drops 16 that were handed over. All 14 extra are unknown.
    ['no more than the extra MQLs', { mqls: 620, unobserved: 30 }, { mqls: 606, unobserved: 0 }, 14, 14],
    ['none when the draft has fewer MQLs', { mqls: 500, unobserved: 10 }, { mqls: 606, unobserved: 0 }, 0, 0],
    [
      'none when the extra MQLs were handed over',
      { mqls: 650, unobserved: 5 },
      { mqls: 606, unobserved: 5 },
      44,
      0,
    ],
  ])('counts as extra MQLs of unknown outcome %s', (_, draft, inForce, extra, extraUnknown) => {
    const rates = { acceptance: wilson(1, 2), win: wilson(1, 2) };
    const { unknown } = backtestHeadline(result({ ...draft, ...rates }, { ...inForce, ...rates }));

    expect(unknown).toEqual({
      draft: { mqls: draft.mqls, unknown: draft.unobserved },
      inForce: { mqls: inForce.mqls, unknown: inForce.unobserved },
      extra,
      extraUnknown,
    });
  });
});

import type { BacktestResult, Rate } from '@accord/domain/backtest';

/** One rate of the MQLs each version hands over: the draft beside the version in force. */
export interface RateComparison {
  draft: Rate;
  inForce: Rate;
  /** Each rate in percent, rounded to the one decimal the page shows; null when it has no cases. */
  draftPercent: number | null;
  inForcePercent: number | null;
  /** Draft minus in force in percentage points, between the percentages as shown; null when either is null. */
  changePoints: number | null;
  /** Both rates are known and their 95% intervals do not overlap: the change is not a sampling accident. */
  clear: boolean;
}

/** The MQLs whose outcome is unknown because they were never handed over in fact, so sales never saw them. */
export interface UnknownOutcomes {
  draft: { mqls: number; unknown: number };
  inForce: { mqls: number; unknown: number };
  /** How many more MQLs the draft has than the version in force; 0 when it has no more. */
  extra: number;
  /** How many of those extra MQLs have no known outcome: the rise in unknown outcomes, at most `extra`. */
  extraUnknown: number;
}

/** What the backtest's headline compares beyond counts: rates, and how much of the draft's gain is unknown. */
export interface BacktestHeadline {
  /** Accepted ÷ accepted or rejected, among each version's MQLs that were handed over in fact. */
  acceptance: RateComparison;
  /** Won ÷ each version's MQLs that were handed over in fact. */
  win: RateComparison;
  unknown: UnknownOutcomes;
}

/** A rate in percent to one decimal: 1/3 → 33.3. */
function shownPercent(rate: Rate): number | null {
  return rate.rate === null ? null : Math.round(rate.rate * 1000) / 10;
}

/**
 * The draft's rate beside the version in force's. The change is taken between the percentages as shown, so that
 * it always agrees with the two figures beside it.
 */
export function compareRates(draft: Rate, inForce: Rate): RateComparison {
  const draftPercent = shownPercent(draft);
  const inForcePercent = shownPercent(inForce);
  const known = draftPercent !== null && inForcePercent !== null;
  const apart = (draft.low ?? 0) > (inForce.high ?? 1) || (draft.high ?? 1) < (inForce.low ?? 0);
  return {
    draft,
    inForce,
    draftPercent,
    inForcePercent,
    changePoints: known ? Math.round((draftPercent - inForcePercent) * 10) / 10 : null,
    clear: known && apart,
  };
}

/**
 * The rates of both versions' MQLs and the outcomes nobody knows. A backtest's outcome counts (accepted, won,
 * revenue) only cover MQLs that were in fact handed over: extra MQLs that never were add nothing to them, which
 * reads as "worthless" unless the page says how many there are.
 */
export function backtestHeadline(result: BacktestResult): BacktestHeadline {
  const { draft, baseline } = result;
  const extra = Math.max(0, draft.mqls - baseline.mqls);
  const moreUnknown = draft.ofMqls.unobserved - baseline.ofMqls.unobserved;
  return {
    acceptance: compareRates(draft.ofMqls.acceptance, baseline.ofMqls.acceptance),
    win: compareRates(draft.ofMqls.win, baseline.ofMqls.win),
    unknown: {
      draft: { mqls: draft.mqls, unknown: draft.ofMqls.unobserved },
      inForce: { mqls: baseline.mqls, unknown: baseline.ofMqls.unobserved },
      extra,
      extraUnknown: Math.min(extra, Math.max(0, moreUnknown)),
    },
  };
}

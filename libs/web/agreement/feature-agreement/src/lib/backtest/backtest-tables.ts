import type { ArmResult, BacktestResult, Inversion, LiftRow, Rate, RateRow } from '@accord/domain/backtest';
import { type RateComparison, backtestHeadline } from '@accord/web/agreement/data-access';

/** One line of the draft-against-in-force table. */
export interface ComparisonRow {
  label: string;
  draft: string;
  inForce: string;
  /** Draft minus in force as shown, signed. */
  change: string;
  /** What the line counts, for readers who wonder (shown as the label's tooltip). */
  hint?: string;
}

/** A rate as shown: the percentage, its 95% interval, and whether the sample is too small to act on. */
export interface RateCell {
  text: string;
  interval: string;
  small: boolean;
}

export interface GradeLine {
  key: string;
  handedOver: number;
  acceptance: RateCell;
  win: RateCell;
  cycle: string;
}

export interface LiftLine {
  kind: string;
  label: string;
  points: string;
  withLeads: number;
  winWith: RateCell;
  winWithout: RateCell;
  lift: string;
  verdict: string;
  /** Not in the version in force: a criterion or signal the draft adds. */
  added: boolean;
}

/** How a figure is shown: rounded to what the table prints, then written. */
interface Figure {
  round: (value: number) => number;
  format: (value: number) => string;
}

const COUNT: Figure = {
  round: Math.round,
  format: (value) => Math.round(value).toLocaleString('en-US'),
};
const DECIMAL: Figure = {
  round: (value) => Math.round(value * 10) / 10,
  format: (value) => value.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
};

/** Whole amounts, in the workspace's currency when it is known: "12,000 USD", as the dashboard writes them. */
function money(currency: string | null): Figure {
  return {
    round: Math.round,
    format: (value) => {
      const amount = value.toLocaleString('en-US', { maximumFractionDigits: 0 });
      return currency ? `${amount} ${currency}` : amount;
    },
  };
}

const percent = (value: number) => `${(value * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;

function signed(value: number, format: (value: number) => string): string {
  if (value === 0) return '±0';
  return value > 0 ? `+${format(value)}` : `−${format(-value)}`;
}

export function rateCell(rate: Rate): RateCell {
  // "No cases" says all a "small sample" note would: the cell shows one or the other, never both.
  if (rate.rate === null) return { text: '—', interval: 'no cases', small: false };
  return {
    text: `${percent(rate.rate)} (${rate.successes}/${rate.n})`,
    interval: `${percent(rate.low ?? 0)}–${percent(rate.high ?? 0)}`,
    small: rate.small,
  };
}

/** What the lines that are easy to misread count. */
const HINTS = {
  observed: 'Its MQLs that were in fact handed over to sales, so what became of them is known.',
  unobserved:
    'Its MQLs that were never in fact handed over: sales never saw them, so whether they would have been accepted or won is unknown.',
  accepted: 'Its MQLs that sales in fact accepted; only MQLs that were handed over can count.',
  acceptance:
    'Accepted ÷ accepted or rejected, among its MQLs that were handed over (expired and open ones are left out).',
  won: 'Its MQLs that in fact won; only MQLs that were handed over can count.',
  win: 'Won ÷ its MQLs that were handed over.',
  revenue: 'What its MQLs that won in fact brought in.',
  missedAccepted:
    "Leads sales in fact accepted that the version would never have handed over by the window's end.",
  missedWon: "Leads in fact won that the version would never have handed over by the window's end.",
  missedRevenue: 'What the wins it would have missed brought in.',
};

/** A rate as the table shows it: "40.3% (121/300)". */
function rateText(percent: number | null, rate: Rate): string {
  if (percent === null) return '—';
  return `${percent.toLocaleString('en-US', { maximumFractionDigits: 1 })}% (${rate.successes}/${rate.n})`;
}

/** A change of rate in percentage points, marked when the two 95% intervals overlap. */
function pointsText(comparison: RateComparison): string {
  const { changePoints } = comparison;
  if (changePoints === null) return '—';
  const change = `${signed(changePoints, (value) => value.toLocaleString('en-US', { maximumFractionDigits: 1 }))} pts`;
  return comparison.clear || changePoints === 0 ? change : `${change} (could be chance)`;
}

function rateLine(label: string, comparison: RateComparison, hint: string): ComparisonRow {
  return {
    label,
    draft: rateText(comparison.draftPercent, comparison.draft),
    inForce: rateText(comparison.inForcePercent, comparison.inForce),
    change: pointsText(comparison),
    hint,
  };
}

/**
 * The table approvers read: what the draft would have produced beside the version in force, same window. The
 * change is taken between the figures as shown, so that it always agrees with the two columns beside it.
 */
export function comparisonRows(result: BacktestResult, currency: string | null = null): ComparisonRow[] {
  const { draft, baseline } = result;
  const line = (
    label: string,
    pick: (arm: ArmResult) => number,
    figure: Figure,
    hint?: string,
  ): ComparisonRow => {
    const [shownDraft, shownInForce] = [figure.round(pick(draft)), figure.round(pick(baseline))];
    return {
      label,
      draft: figure.format(shownDraft),
      inForce: figure.format(shownInForce),
      change: signed(figure.round(shownDraft - shownInForce), figure.format),
      hint,
    };
  };
  const amount = money(currency);
  const rates = backtestHeadline(result);
  return [
    line('MQLs per month (average)', (arm) => arm.averageMqlsPerMonth, DECIMAL),
    line('MQLs in the window', (arm) => arm.mqls, COUNT),
    line('… handed over in fact (outcome known)', (arm) => arm.ofMqls.observed, COUNT, HINTS.observed),
    line('… never handed over (outcome unknown)', (arm) => arm.ofMqls.unobserved, COUNT, HINTS.unobserved),
    line('… accepted by sales', (arm) => arm.ofMqls.accepted, COUNT, HINTS.accepted),
    rateLine('… acceptance rate (accepted ÷ decided)', rates.acceptance, HINTS.acceptance),
    line('… became SQL', (arm) => arm.ofMqls.sql, COUNT),
    line('… became opportunities', (arm) => arm.ofMqls.opportunity, COUNT),
    line('… won', (arm) => arm.ofMqls.won, COUNT, HINTS.won),
    rateLine('… win rate (won ÷ handed over)', rates.win, HINTS.win),
    line('Revenue won from its MQLs', (arm) => arm.ofMqls.revenue, amount, HINTS.revenue),
    line('Accepted leads it would have missed', (arm) => arm.missed.accepted, COUNT, HINTS.missedAccepted),
    line('Won leads it would have missed', (arm) => arm.missed.won, COUNT, HINTS.missedWon),
    line(
      'Revenue of the wins it would have missed',
      (arm) => arm.missed.revenue,
      amount,
      HINTS.missedRevenue,
    ),
    line('Handovers per rep per week (mean)', (arm) => arm.load.meanPerRepPerWeek, DECIMAL),
    line('Handovers per rep in the busiest week', (arm) => arm.load.peakPerRepPerWeek, DECIMAL),
    line('Open decisions per rep within the SLA', (arm) => arm.load.openPerRepWithinSla, DECIMAL),
  ];
}

export function gradeLines(rows: readonly RateRow[]): GradeLine[] {
  return rows.map((row) => ({
    key: row.key,
    handedOver: row.handedOver,
    acceptance: rateCell(row.acceptance),
    win: rateCell(row.win),
    cycle: row.meanCycleDays === null ? '—' : `${Math.round(row.meanCycleDays)} days`,
  }));
}

/** What a lift says, in words: only an interval clear of the other counts as evidence. */
export function verdict(row: LiftRow): string {
  const { winWith, winWithout } = row;
  if (winWith.rate === null || winWithout.rate === null || winWith.small || winWithout.small)
    return 'too few leads to tell';
  if ((winWith.low ?? 0) > (winWithout.high ?? 1))
    return row.points > 0 ? 'earns its points' : 'predicts wins: make it positive';
  if ((winWith.high ?? 1) < (winWithout.low ?? 0))
    return row.points > 0 ? 'works against wins: lower it' : 'earns its penalty';
  return row.points > 0 ? 'no evidence it predicts wins' : 'no evidence either way';
}

/**
 * What each criterion and signal was worth. Given the version in force's rows, a draft's criteria and signals
 * that it does not have are marked as added: those are the ones nobody has evidence for yet.
 */
export function liftLines(rows: readonly LiftRow[], inForce?: readonly LiftRow[]): LiftLine[] {
  const known = new Set(inForce?.map((row) => `${row.kind}:${row.key}`));
  return rows.map((row) => ({
    kind: row.kind === 'CRITERION' ? 'Fit criterion' : 'Intent signal',
    label: row.label,
    points: row.kind === 'CRITERION' ? signed(row.points, String) : `weight ${row.points}`,
    withLeads: row.withLeads,
    winWith: rateCell(row.winWith),
    winWithout: rateCell(row.winWithout),
    lift:
      row.winLift === null ? '—' : `×${row.winLift.toLocaleString('en-US', { maximumFractionDigits: 2 })}`,
    verdict: verdict(row),
    added: inForce !== undefined && !known.has(`${row.kind}:${row.key}`),
  }));
}

export function inversionText(inversion: Inversion): string {
  const what = inversion.metric === 'WIN' ? 'wins' : 'is accepted';
  const sure = inversion.confident ? '' : ' (the samples overlap: watch it)';
  return `${inversion.better} ${what} less often than ${inversion.worse}: ${percent(inversion.betterRate)} against ${percent(inversion.worseRate)}${sure}`;
}

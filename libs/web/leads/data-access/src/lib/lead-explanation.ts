import { isActivitySignalType } from '@accord/domain/agreement';
import { intentContributionLabel, signedPoints, wholePoints } from '@accord/domain/scoring';
import type { LeadQuery } from '@accord/web/shared/data-access';

import { typeLabel } from './lead-wording';

type LeadDetail = LeadQuery['lead'];
type Explanation = NonNullable<LeadDetail['explanation']>;
type Contribution = Explanation['fit'][number];

/** How a signal counted: intent moves the score, activity is diagnostics only, the rest the version ignores. */
export type SignalKind = 'INTENT' | 'ACTIVITY' | 'NOT_SCORED';

export const SIGNAL_KIND_LABELS: Readonly<Record<SignalKind, string>> = {
  INTENT: 'Intent',
  ACTIVITY: 'Activity',
  NOT_SCORED: 'Not scored',
};

/** One contribution of the explanation as a line to read: "+20 · 200–1,000 employees". */
export interface ContributionLine {
  key: string;
  points: string;
  label: string;
  negative: boolean;
}

export interface TimelineEntry {
  externalId: string;
  type: string;
  label: string;
  occurredAt: string;
  source: string | null;
  kind: SignalKind;
  kindLabel: string;
}

/** The summary's own words (domain code), plus the signals over the cap, which the page has room for. */
function intentLabel(item: Contribution): string {
  const label = intentContributionLabel({
    label: item.label,
    counted: item.counted ?? 0,
    decayed: item.decayed ?? false,
  });
  return item.overCap ? `${label} (${item.overCap} more over the cap)` : label;
}

/** A side of the explanation: its lines, and the clamp's points ("kept within 0–100"), or null without one. */
export interface ContributionSide {
  lines: ContributionLine[];
  adjustment: string | null;
}

/**
 * The fit and intent contributions, largest first as the API gives them, with their signed whole points — which,
 * with the clamp's, add up to the whole score shown beside them (see wholePoints).
 */
export function contributionLines(explanation: Explanation): {
  fit: ContributionSide;
  intent: ContributionSide;
} {
  const side = (
    items: readonly Contribution[],
    adjustment: number,
    label: (item: Contribution) => string,
  ) => {
    const whole = wholePoints([...items.map((item) => item.contribution), adjustment]);
    return {
      lines: items.map((item, index) => ({
        key: item.key,
        points: signedPoints(item.contribution, whole[index]),
        label: label(item),
        negative: item.contribution < 0,
      })),
      adjustment: adjustment === 0 ? null : signedPoints(adjustment, whole[items.length]),
    };
  };
  return {
    fit: side(explanation.fit, explanation.fitAdjustment, (item) => item.label),
    intent: side(explanation.intent, explanation.intentAdjustment, intentLabel),
  };
}

/**
 * Why the fit lines' points differ from the agreement's, or null when none does: fit is scaled so that the best
 * possible lead scores 100, so under criteria whose best points add up to 95 a criterion of +25 reads +26. The
 * example is a line that reads differently; where the scaling changes no line (a +10 reading +10), nothing is said.
 * Read off the explanation itself (each line holds the agreement's points and what they counted), so it holds for
 * the version that scored the lead, not the one in force now; the editor's live preview reads it off its evaluation.
 */
export function fitScaleNote(explanation: {
  fit: readonly Pick<Contribution, 'label' | 'points' | 'contribution'>[];
  fitAdjustment: number;
}): string | null {
  const { fit, fitAdjustment } = explanation;
  const shown = wholePoints([...fit.map((item) => item.contribution), fitAdjustment]);
  const index = fit.findIndex((item, at) => item.points !== 0 && shown[at] !== item.points);
  if (index === -1) return null;
  const line = fit[index];
  const factor = line.contribution / line.points;
  const best = Math.round((100 / factor) * 10) / 10;
  return (
    `Fit points are scaled so that the best possible lead scores 100: the agreement's best criteria add up to ` +
    `${best.toLocaleString('en-US')}, so each point counts ×${factor.toFixed(2)} ` +
    `(${line.label}: ${signedPoints(line.points)} in the agreement, ${signedPoints(line.contribution, shown[index])} here).`
  );
}

/**
 * Whether a signal of this type counted as intent or activity under the version that scored the lead.
 * Activity is decided by the agreement's fixed vocabulary, as the scoring engine decides it; intent by the
 * types the explanation counted; anything else (a type the version does not know) did not score.
 */
export function signalKind(type: string, explanation: Explanation | null): SignalKind {
  if (isActivitySignalType(type)) return 'ACTIVITY';
  if (explanation?.intent.some((item) => item.key === type)) return 'INTENT';
  return 'NOT_SCORED';
}

/** The lead's signals, newest first, each with its label and how it counted. */
export function signalTimeline(detail: Pick<LeadDetail, 'signals' | 'explanation'>): TimelineEntry[] {
  const labels = new Map(detail.explanation?.intent.map((item) => [item.key, item.label]) ?? []);
  return [...detail.signals]
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt))
    .map((signal) => {
      const kind = signalKind(signal.type, detail.explanation);
      return {
        externalId: signal.externalId,
        type: signal.type,
        label: labels.get(signal.type) ?? typeLabel(signal.type),
        occurredAt: signal.occurredAt,
        source: signal.source,
        kind,
        kindLabel: SIGNAL_KIND_LABELS[kind],
      };
    });
}

/** Stage changes, newest first. */
export function transitionsNewestFirst(transitions: LeadDetail['transitions']): LeadDetail['transitions'] {
  return [...transitions].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

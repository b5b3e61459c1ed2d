import type { MatrixOutcome } from '@accord/domain/agreement';

/** Where a lead is on the shared funnel; NURTURE and DISQUALIFIED are off the path. */
export const LIFECYCLE_STAGES = [
  'LEAD',
  'MQL',
  'SAL',
  'SQL',
  'OPPORTUNITY',
  'WON',
  'LOST',
  'NURTURE',
  'DISQUALIFIED',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** How people read each stage, in the web app and in the timeline's one-line summaries alike. */
export const LIFECYCLE_STAGE_LABELS: Readonly<Record<LifecycleStage, string>> = {
  LEAD: 'Lead',
  MQL: 'MQL',
  SAL: 'SAL (accepted)',
  SQL: 'SQL',
  OPPORTUNITY: 'Opportunity',
  WON: 'Won',
  LOST: 'Lost',
  NURTURE: 'Nurture',
  DISQUALIFIED: 'Disqualified',
};

/**
 * The stage a fresh evaluation moves a lead to, or null when it stays. Scoring only moves leads marketing still
 * owns (LEAD, or NURTURE once any recycling period has passed): into MQL when the matrix hands them over, and
 * a new LEAD into NURTURE when it does not. From MQL on, sales decide.
 */
export function stageAfterEvaluation(
  current: LifecycleStage,
  outcome: MatrixOutcome,
  recycleUntil: Date | null,
  now: Date,
): LifecycleStage | null {
  const handsOver = outcome === 'MQL' || outcome === 'FAST_TRACK';
  if (current === 'LEAD') return handsOver ? 'MQL' : 'NURTURE';
  if (current === 'NURTURE' && handsOver && !(recycleUntil && recycleUntil > now)) return 'MQL';
  return null;
}

import { type RescoreProgress, type ScoringStatus, rescoreProgress } from '@accord/web/leads/data-access';

import { formatInstant, formatNumber } from '../shared/wording';

/**
 * The rescore line of a published version's page: while its leads are rescored (or after that failed), the
 * progress as the leads pages word it; once done, how many leads it rescored and when, a line that stays, so the
 * page does not fall silent on "queued". Null when the latest run was under another version.
 */
export function rescoreLine(
  status: ScoringStatus | null,
  versionNumber: number,
  timeZone?: string,
): RescoreProgress | null {
  const run = status?.latestRun;
  if (!run || run.versionNumber !== versionNumber) return null;
  if (run.status !== 'DONE') return rescoreProgress(status);
  const leads = `${formatNumber(run.processed)} ${run.processed === 1 ? 'lead' : 'leads'}`;
  const when = run.finishedAt === null ? '' : ` on ${formatInstant(run.finishedAt, timeZone)}`;
  return {
    active: false,
    failed: false,
    percent: 100,
    text: `Rescored ${leads} under v${versionNumber}${when}.`,
  };
}

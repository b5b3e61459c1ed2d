import type { RejectionFeedbackQuery } from '@accord/web/shared/data-access';

export type RejectionFeedbackEntry = RejectionFeedbackQuery['rejectionFeedback'][number];

/** The windows the feedback can cover, in days back from today, and how each reads ("the last 90 days"). */
export const FEEDBACK_WINDOWS = [
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '12 months' },
] as const;
export type FeedbackDays = (typeof FEEDBACK_WINDOWS)[number]['days'];

/** The window shown first: a quarter's worth, enough rejections to see a pattern, recent enough to act on. */
export const FEEDBACK_DAYS: FeedbackDays = 90;

/** Rejections of one source or campaign, one count per reason (in the table's column order). */
export interface FeedbackGroupRow {
  group: string;
  counts: number[];
  total: number;
}

/** Rejections as a table: reasons across, sources or campaigns down, most rejected first. */
export interface FeedbackTable {
  reasons: { key: string; label: string; total: number }[];
  rows: FeedbackGroupRow[];
}

/** How a lead without a source or campaign is listed. */
export const NO_GROUP = 'None given';

/** Pivots the API's (group, reason, count) entries; reasons and groups most counted first, then by name. */
export function feedbackTable(entries: readonly RejectionFeedbackEntry[]): FeedbackTable {
  const reasons = new Map<string, { key: string; label: string; total: number }>();
  const groups = new Map<string, Map<string, number>>();
  for (const entry of entries) {
    const reason = reasons.get(entry.reasonKey) ?? {
      key: entry.reasonKey,
      label: entry.reasonLabel,
      total: 0,
    };
    reason.total += entry.count;
    reasons.set(entry.reasonKey, reason);
    const group = entry.group?.trim() || NO_GROUP;
    const counts = groups.get(group) ?? new Map<string, number>();
    counts.set(entry.reasonKey, (counts.get(entry.reasonKey) ?? 0) + entry.count);
    groups.set(group, counts);
  }
  const columns = [...reasons.values()].sort(
    (a, b) => b.total - a.total || a.label.localeCompare(b.label, 'en'),
  );
  const rows = [...groups.entries()].map(([group, counts]) => {
    const row = columns.map((reason) => counts.get(reason.key) ?? 0);
    return { group, counts: row, total: row.reduce((sum, count) => sum + count, 0) };
  });
  rows.sort((a, b) => b.total - a.total || a.group.localeCompare(b.group, 'en'));
  return { reasons: columns, rows };
}

/** The start of the feedback window: midnight UTC, `days` days before `now`. */
export function feedbackSince(now: Date, days: number = FEEDBACK_DAYS): string {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days));
  return start.toISOString();
}

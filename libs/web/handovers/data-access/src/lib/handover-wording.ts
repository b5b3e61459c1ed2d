import { signalTypeLabel } from '@accord/domain/agreement';
import {
  type HandoverEventKind,
  type HandoverFieldsFragment,
  type HandoverStatus,
  type RejectionReasonFieldsFragment,
  zonedMinute,
} from '@accord/web/shared/data-access';

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** Under this much time left, a handover is urgent and shows in red. */
export const URGENT_MS = 60 * MINUTE_MS;

/** "2 d 4 h", "3 h 20 min", "45 min", "less than a minute": whole minutes, the two largest units. */
export function durationWords(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / DAY_MINUTES);
  const hours = Math.floor((minutes % DAY_MINUTES) / HOUR_MINUTES);
  const rest = minutes % HOUR_MINUTES;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** Where a handover stands against its SLA at `now`. */
export interface SlaCountdown {
  /** "due in 3 h 20 min" or "overdue by 2 h". */
  text: string;
  overdue: boolean;
  /** Overdue, or due within the hour: shown in red. */
  urgent: boolean;
}

export function slaCountdown(dueAt: string, now: Date): SlaCountdown {
  const left = Date.parse(dueAt) - now.getTime();
  const overdue = left <= 0;
  return {
    text: overdue ? `overdue by ${durationWords(left)}` : `due in ${durationWords(left)}`,
    overdue,
    urgent: overdue || left < URGENT_MS,
  };
}

/**
 * Where an undecided handover stands: its countdown, and for one past its due time that the expiry job took, that
 * it went to the sales managers — the owner still decides it, late, and should know it is no longer theirs alone.
 */
export function undecidedTiming(
  handover: Pick<HandoverFieldsFragment, 'status' | 'dueAt'>,
  now: Date,
): SlaCountdown {
  const countdown = slaCountdown(handover.dueAt, now);
  if (handover.status !== 'EXPIRED') return countdown;
  return { ...countdown, text: `expired, ${countdown.text}; escalated to the sales managers` };
}

/** What rejecting with this reason does to the lead: "recycle, back after 60 days" or "disqualify". */
export function consequenceLabel(reason: RejectionReasonFieldsFragment): string {
  switch (reason.consequence) {
    case 'RECYCLE':
      return reason.recycleAfterDays === null
        ? 'recycle to nurture'
        : `recycle, back after ${reason.recycleAfterDays} ${reason.recycleAfterDays === 1 ? 'day' : 'days'}`;
    case 'DISQUALIFY':
      return 'disqualify';
  }
}

export const HANDOVER_STATUS_LABELS: Readonly<Record<HandoverStatus, string>> = {
  OPEN: 'Open',
  EXPIRED: 'Expired',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
};

export const HANDOVER_EVENT_LABELS: Readonly<Record<HandoverEventKind, string>> = {
  CREATED: 'Handed over',
  REASSIGNED: 'Reassigned',
  EXPIRED: 'Expired',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
};

/**
 * An event's line as its label begins it: "Handed over B/HOT, routed by the agreement", "Accepted", "Rejected: Bad
 * fit". The API's detail opens with the same verb ("handed over B/HOT, …", "accepted"), recorded as it was said
 * when it happened, so it is left out after the label rather than read twice.
 */
export function handoverEventDetail(kind: HandoverEventKind, detail: string): string {
  const label = HANDOVER_EVENT_LABELS[kind];
  const text = detail.trim();
  if (!text.toLowerCase().startsWith(label.toLowerCase())) return text;
  return text
    .slice(label.length)
    .replace(/^[\s:;,—-]+/, '')
    .trim();
}

/**
 * "Pricing page ×3, last 24 Nov 2026, 10:00": the time on the workspace's clock, `timeZone`, which the page names
 * once rather than every line.
 */
export function recentSignalLabel(
  signal: { type: string; count: number; lastAt: string },
  timeZone: string,
): string {
  return `${signalTypeLabel(signal.type)} ×${signal.count}, last ${zonedMinute(signal.lastAt, timeZone)}`;
}

/** The person's name, or their e-mail when no name is known. */
export function handoverLeadName(lead: Pick<HandoverFieldsFragment['lead'], 'name' | 'email'>): string {
  return lead.name?.trim() || lead.email;
}

/** "VP Operations at Acme", "Acme", "VP Operations" or "". */
export function roleAtCompany(lead: Pick<HandoverFieldsFragment['lead'], 'title' | 'companyName'>): string {
  const parts = [lead.title, lead.companyName].filter((part): part is string => !!part?.trim());
  return parts.join(' at ');
}

/**
 * How a decided handover fared: "Accepted by Sam Sales 25 Nov 2026, 10:05, within the SLA", the time on the
 * workspace's clock, `timeZone`, which the page names once.
 */
export function decisionLabel(
  handover: Pick<HandoverFieldsFragment, 'status' | 'decidedAt' | 'decidedBy' | 'withinSla' | 'reason'>,
  timeZone: string,
): string {
  if (handover.decidedAt === null) return HANDOVER_STATUS_LABELS[handover.status];
  const by = handover.decidedBy ? ` by ${handover.decidedBy.name}` : '';
  const reason = handover.reason ? ` (${handover.reason.label})` : '';
  const sla = handover.withinSla ? 'within the SLA' : 'after the SLA';
  return `${HANDOVER_STATUS_LABELS[handover.status]}${reason}${by} ${zonedMinute(handover.decidedAt, timeZone)}, ${sla}`;
}

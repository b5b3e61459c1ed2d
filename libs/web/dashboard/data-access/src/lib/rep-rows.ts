import type { DashboardMetric, RepRow } from './dashboard-types';
import { formatMetricValue } from './metric-format';

/** A rep's outcomes beside their activity volume (calls, e-mails and meetings booked together). */
export interface RepView extends RepRow {
  activities: number;
}

/** The reps by revenue won, most first (then by name): outcomes lead, activity explains. */
export function repRows(reps: readonly RepRow[]): RepView[] {
  return reps
    .map((rep) => ({ ...rep, activities: rep.callsMade + rep.emailsSent + rep.meetingsBooked }))
    .sort((a, b) => b.revenueWon - a.revenueWon || a.name.localeCompare(b.name, 'en'));
}

type RepFigure =
  | 'revenueWon'
  | 'qualifiedMeetingsHeld'
  | 'acceptedHandovers'
  | 'callsMade'
  | 'emailsSent'
  | 'meetingsBooked';

/**
 * Each rep column beside the card that counts the same facts for everyone, and what the facts no one is credited
 * with are: activity is credited to the lead's owner, the rest to the meeting's, handover's or opportunity's.
 */
const CREDITED: readonly {
  column: RepFigure;
  metric: string;
  /** The card's numerator (the acceptance rate's accepted handovers) rather than its value. */
  numerator?: true;
  on: 'lead' | 'own';
  words: (figure: string, one: boolean) => string;
}[] = [
  {
    column: 'callsMade',
    metric: 'calls-made',
    on: 'lead',
    words: (n, one) => `${n} ${one ? 'call' : 'calls'}`,
  },
  {
    column: 'emailsSent',
    metric: 'emails-sent',
    on: 'lead',
    words: (n, one) => `${n} ${one ? 'e-mail' : 'e-mails'}`,
  },
  {
    column: 'meetingsBooked',
    metric: 'meetings-booked',
    on: 'lead',
    words: (n, one) => `${n} ${one ? 'meeting' : 'meetings'} booked`,
  },
  {
    column: 'qualifiedMeetingsHeld',
    metric: 'qualified-meetings-held',
    on: 'own',
    words: (n, one) => `${n} qualified ${one ? 'meeting' : 'meetings'} held`,
  },
  {
    column: 'acceptedHandovers',
    metric: 'mql-acceptance-rate',
    numerator: true,
    on: 'own',
    words: (n, one) => `${n} accepted ${one ? 'handover' : 'handovers'}`,
  },
  { column: 'revenueWon', metric: 'revenue-won', on: 'own', words: (n) => `${n} of revenue won` },
];

/** "a", "a and b", "a, b and c". */
function listed(parts: readonly string[]): string {
  return parts.length < 2
    ? parts.join('')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Why the rep table adds up to less than the cards, when it does: the facts on leads, meetings, handovers or
 * opportunities no one owns are counted on the cards but credited to no rep ("8 calls and 8 e-mails were on leads
 * no one owns, so the rows add up to less than the cards."). Each is a card's figure less the column's sum; null
 * when every fact is in a row. `metrics` are the dashboard's (a card not among them is not compared).
 */
export function unownedNote(
  metrics: readonly Pick<DashboardMetric, 'key' | 'value' | 'numerator'>[],
  reps: readonly RepRow[],
  currency?: string | null,
): string | null {
  const left: Record<'lead' | 'own', { words: string; one: boolean }[]> = { lead: [], own: [] };
  for (const credited of CREDITED) {
    const card = metrics.find((metric) => metric.key === credited.metric);
    const total = credited.numerator ? card?.numerator : card?.value;
    if (total === null || total === undefined) continue;
    const rest = total - reps.reduce((sum, rep) => sum + rep[credited.column], 0);
    const amount = credited.column === 'revenueWon';
    // Amounts are summed in floating point: less than half a cent is nothing.
    if (rest < (amount ? 0.005 : 0.5)) continue;
    const figure = formatMetricValue(rest, amount ? 'AMOUNT' : 'COUNT', amount ? currency : null);
    left[credited.on].push({ words: credited.words(figure, figure === '1'), one: figure === '1' });
  }
  const { lead, own } = left;
  const clauses = [
    lead.length > 0 &&
      `${listed(lead.map((part) => part.words))} ${lead.length === 1 && lead[0].one ? 'was' : 'were'} on leads no one owns`,
    own.length > 0 && `${listed(own.map((part) => part.words))} had no owner`,
  ].filter((clause) => clause !== false);
  return clauses.length === 0
    ? null
    : `${clauses.join(', and ')}, so the rows add up to less than the cards.`;
}

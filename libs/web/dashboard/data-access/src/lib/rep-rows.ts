import type { RepRow } from './dashboard-types';

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

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "25 Nov 2026, 09:05 UTC" — as the pages' `date: 'd MMM y, HH:mm' : 'UTC'` pipes write it. Handovers, keys and
 * webhook deliveries are compared across a team, its time zones and receivers' logs, so their times read in UTC.
 */
export function utcMinute(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}, ${iso.slice(11, 16)} UTC`;
}

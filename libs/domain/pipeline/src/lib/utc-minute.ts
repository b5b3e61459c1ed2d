const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "25 Nov 2026, 09:05 UTC". For times compared with machines' logs — API keys' last use, webhook deliveries — which
 * keep UTC; times people read together (leads, handovers, imports) read on the workspace's clock, the team's
 * shared zone, with `zonedMinute`.
 */
export function utcMinute(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}, ${iso.slice(11, 16)} UTC`;
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/**
 * "25 Nov 2026, 01:05": an instant on a time zone's wall clock, written as `utcMinute` writes UTC but without naming
 * the zone (the page or the sentence names it once); the text as given when it is not an instant.
 */
export function zonedMinute(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const part = Object.fromEntries(
    wallClock(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${Number(part['day'])} ${MONTHS[Number(part['month']) - 1]} ${part['year']}, ${part['hour']}:${part['minute']}`;
}

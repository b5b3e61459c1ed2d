/** A day of a backtest's window as every date of the app reads, "25 Nov 2026", on the workspace's clock. */
export function windowDay(iso: string, timeZone: string): string {
  const format = { day: 'numeric', month: 'short', year: 'numeric', timeZone } as const;
  return new Intl.DateTimeFormat('en-GB', format).format(new Date(iso));
}

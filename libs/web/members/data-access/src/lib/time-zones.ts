/**
 * The IANA time zones a workspace may choose, sorted: the browser's list, plus UTC (which browsers leave out of
 * it) and the workspace's current zone, so that the choice always shows what is saved.
 */
export function timeZoneChoices(
  current: string | null,
  supported: readonly string[] = browserTimeZones(),
): string[] {
  const zones = new Set(supported);
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b, 'en'));
}

function browserTimeZones(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

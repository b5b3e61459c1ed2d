import { zoneOffset } from '@accord/domain/dashboard';
import { type CalendarDate, calendarDateIn } from '@accord/domain/pipeline';

// Written in the domain, where the API's timeline writes its times the same way.
export { zonedMinute } from '@accord/domain/pipeline';

const DAY_MS = 86_400_000;

/** A wall-clock time as a `datetime-local` input writes it: "2026-11-28T09:00", seconds optional. */
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Today in the workspace's time zone, "2026-11-28": the day the API checks a close date against. */
export function todayIso(now: Date, timeZone: string): CalendarDate {
  return calendarDateIn(now, timeZone);
}

/**
 * "2026-11-28T09:05": an instant on the time zone's wall clock, to the minute, as a `datetime-local` input holds it
 * (`zonedInstant` reads it back). A form that takes a time in the workspace's zone starts from this, not the browser's.
 */
export function wallMinute(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffset(instant, timeZone)).toISOString().slice(0, 16);
}

/**
 * The instant a wall-clock time names in a time zone, or null for no such time ("2026-02-30T09:00"). Around a
 * daylight-saving change it reads as `Temporal`'s "compatible" choice does: a time the clocks skipped (02:30 when
 * they jump from 02:00 to 03:00) is taken an hour later, and a time they pass twice is the first of the two.
 */
export function zonedInstant(wallTime: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00'] = match;
  const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  // Date.UTC rolls "30 Feb" or "24:00" over into the next day: such a time is not a real one.
  if (new Date(wall).toISOString().slice(0, 19) !== `${year}-${month}-${day}T${hour}:${minute}:${second}`) {
    return null;
  }
  // A zone changes its offset at most once within a day either side, so the instant uses one of these two.
  const before = zoneOffset(new Date(wall - DAY_MS), timeZone);
  const after = zoneOffset(new Date(wall + DAY_MS), timeZone);
  const fits = [wall - before, wall - after].filter(
    (instant) => zoneOffset(new Date(instant), timeZone) === wall - instant,
  );
  return new Date(fits.length === 0 ? wall - before : Math.min(...fits));
}

/** A meeting is booked, then held, missed or cancelled; the last three are final. */
export const MEETING_STATUSES = ['BOOKED', 'HELD', 'NO_SHOW', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MAX_MEETING_TITLE_LENGTH = 200;
export const MAX_MEETING_NOTES_LENGTH = 2_000;
/** How far from now a meeting may be booked, either way: past meetings are recorded after the fact. */
export const MEETING_BOOKING_WINDOW_DAYS = 366;

const DAY_MS = 86_400_000;

export type BookingRefusal = 'OUTSIDE_WINDOW' | 'TITLE_TOO_LONG' | 'NOTES_TOO_LONG';

export function bookingRefusal(
  booking: { scheduledAt: Date; title: string | null; notes: string | null },
  now: Date,
): BookingRefusal | null {
  const distance = Math.abs(booking.scheduledAt.getTime() - now.getTime());
  if (!(distance <= MEETING_BOOKING_WINDOW_DAYS * DAY_MS)) return 'OUTSIDE_WINDOW';
  if ((booking.title?.length ?? 0) > MAX_MEETING_TITLE_LENGTH) return 'TITLE_TOO_LONG';
  if ((booking.notes?.length ?? 0) > MAX_MEETING_NOTES_LENGTH) return 'NOTES_TOO_LONG';
  return null;
}

export type MeetingMarkRefusal = 'ALREADY_MARKED' | 'NOT_A_MARK' | 'NOT_STARTED';

/**
 * Null when a booked meeting may be marked `to`: HELD or NO_SHOW once its time has come, CANCELLED at any time.
 * A marked meeting stays as marked.
 */
export function meetingMarkRefusal(
  meeting: { status: MeetingStatus; scheduledAt: Date },
  to: MeetingStatus,
  now: Date,
): MeetingMarkRefusal | null {
  if (to === 'BOOKED') return 'NOT_A_MARK';
  if (meeting.status !== 'BOOKED') return 'ALREADY_MARKED';
  if (to !== 'CANCELLED' && meeting.scheduledAt > now) return 'NOT_STARTED';
  return null;
}

const MINUTE_MS = 60_000;

/**
 * A "qualified meeting held": held, with a lead sales had accepted (its first move to SAL) by the time the
 * meeting took place. A meeting held before the handover was accepted is activity, not an outcome. Meetings are
 * booked to the minute, so an acceptance within the meeting's minute is by its time: a rep who accepts at 10:40:30
 * and books the call they are starting "at 10:40" holds a qualified meeting.
 */
export function isQualifiedMeeting(
  meeting: { status: MeetingStatus; scheduledAt: Date },
  acceptedAt: Date | null,
): boolean {
  if (meeting.status !== 'HELD' || acceptedAt === null) return false;
  return Math.floor(acceptedAt.getTime() / MINUTE_MS) * MINUTE_MS <= meeting.scheduledAt.getTime();
}

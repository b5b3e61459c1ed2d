import { z } from 'zod';

import { type InputIssue, formatPath, inputIssue, signalType, text } from '@accord/domain/agreement';

import { asciiDomain } from './domains';

/** Signals older than this are almost certainly a unit or parsing mistake, not history. */
export const EARLIEST_SIGNAL = new Date('2000-01-01T00:00:00Z');
/** Clocks drift; a signal may claim to be at most this far ahead of the server. */
export const FUTURE_TOLERANCE_MS = 24 * 3600_000;
/** The longest signal type, as the agreement's type names allow. */
export const MAX_SIGNAL_TYPE_LENGTH = 50;

/** RFC 3339's date-time (ISO 8601 with a time zone): "T" and "Z" in either case, seconds optional. */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

const NOT_AN_INSTANT = 'must be an ISO 8601 date-time with a time zone, such as 2026-11-25T09:00:00Z';

/** Days in a month of the Gregorian calendar, which repeats every 400 years (so year 1 is not read as 1901). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
}

/**
 * The instant a date-time names, or why it names none: "2026-02-30" or "T24:00" are refused rather than rolled
 * over to the next day, with one problem each.
 */
function readInstant(value: string): Date | string {
  const match = ISO_INSTANT.exec(value);
  if (!match) return NOT_AN_INSTANT;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const [second, zoneHour, zoneMinute] = match.slice(6).map((part) => Number(part ?? 0));
  const real =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneHour <= 23 &&
    zoneMinute <= 59;
  return real ? new Date(value.toUpperCase()) : 'is not a real date and time';
}

/**
 * U+FFFD is what bytes that are not UTF-8 decode to: two ids that differed only in such bytes would be stored as
 * one, so text holding it is refused (as imports refuse it) rather than taken as the sender's.
 */
const eventText = (max: number) =>
  text(max).refine(
    (value) => !value.includes('\uFFFD'),
    'holds U+FFFD (�), what bytes that are not UTF-8 read as: send the text as UTF-8',
  );

/** The agreement's type names, with a wrong kind of value and an over-long one each said plainly, once. */
const eventType = z
  .string({
    error: (issue) =>
      issue.input === undefined ? 'is required' : 'must be a type name such as PRICING_PAGE_VISIT',
  })
  .trim()
  .max(MAX_SIGNAL_TYPE_LENGTH, {
    error: `must be at most ${MAX_SIGNAL_TYPE_LENGTH} characters`,
    abort: true,
  })
  .pipe(signalType);

const leadReference = z
  .strictObject({
    id: z.uuid({ error: 'must be a lead id' }).optional(),
    email: eventText(254).toLowerCase().optional(),
    // Compared with the leads' domains as they are kept: an internationalised name in its ASCII form.
    companyDomain: eventText(253)
      .transform((value) => asciiDomain(value) ?? value.toLowerCase())
      .optional(),
  })
  .refine((ref) => ref.id || ref.email || ref.companyDomain, 'needs an id, an email or a companyDomain');

export const signalEventSchema = z.strictObject({
  /** The sender's id for this event: a re-sent event with the same id is stored once. */
  externalId: eventText(200),
  type: eventType,
  occurredAt: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : 'must be an ISO 8601 date-time such as 2026-11-25T09:00:00Z',
    })
    .transform((value, context) => {
      const instant = readInstant(value);
      if (instant instanceof Date) return instant;
      context.issues.push({ code: 'custom', message: instant, input: value });
      return z.NEVER;
    }),
  lead: leadReference,
  source: eventText(100).nullable().optional(),
});

export interface SignalEvent {
  externalId: string;
  type: string;
  occurredAt: Date;
  lead: { id?: string; email?: string; companyDomain?: string };
  source: string | null;
}

export type SignalParseResult = { ok: true; signal: SignalEvent } | { ok: false; issues: InputIssue[] };

/** The schema's issues, each unknown field named by its own path ("lead.phone") rather than its parent's. */
function eventIssues(issues: readonly z.core.$ZodIssue[]): InputIssue[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'is not a known field' }))
      : [inputIssue(issue)],
  );
}

/** Validates one incoming signal against the clock: no time before 2000 and none more than a day ahead. */
export function parseSignalEvent(input: unknown, now: Date): SignalParseResult {
  const parsed = signalEventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: eventIssues(parsed.error.issues) };
  const { occurredAt } = parsed.data;
  if (occurredAt < EARLIEST_SIGNAL)
    return { ok: false, issues: [{ path: 'occurredAt', message: 'must not be before 2000-01-01' }] };
  if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return {
      ok: false,
      issues: [{ path: 'occurredAt', message: 'must not be more than a day in the future' }],
    };
  }
  return {
    ok: true,
    signal: {
      externalId: parsed.data.externalId,
      type: parsed.data.type,
      occurredAt,
      lead: parsed.data.lead,
      source: parsed.data.source ?? null,
    },
  };
}

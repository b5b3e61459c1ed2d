import { z } from 'zod';

import { type InputIssue, inputIssue, signalType, text } from '@accord/domain/agreement';

/** Signals older than this are almost certainly a unit or parsing mistake, not history. */
export const EARLIEST_SIGNAL = new Date('2000-01-01T00:00:00Z');
/** Clocks drift; a signal may claim to be at most this far ahead of the server. */
export const FUTURE_TOLERANCE_MS = 24 * 3600_000;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar instant: "2026-02-30" or "25:00" are refused rather than rolled over. */
function isRealInstant(value: string): boolean {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return false;
  const [date] = value.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return (
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day
  );
}

const leadReference = z
  .strictObject({
    id: z.uuid({ error: 'must be a lead id' }).optional(),
    email: text(254).toLowerCase().optional(),
    companyDomain: text(253).toLowerCase().optional(),
  })
  .refine((ref) => ref.id || ref.email || ref.companyDomain, 'needs an id, an email or a companyDomain');

export const signalEventSchema = z.strictObject({
  /** The sender's id for this event: a re-sent event with the same id is stored once. */
  externalId: text(200),
  type: signalType,
  occurredAt: z
    .string({ error: 'must be an ISO 8601 date-time such as 2026-11-25T09:00:00Z' })
    .regex(ISO_INSTANT, 'must be an ISO 8601 date-time with a time zone, such as 2026-11-25T09:00:00Z')
    .refine(isRealInstant, 'is not a real date and time'),
  lead: leadReference,
  source: text(100).nullable().optional(),
});

export interface SignalEvent {
  externalId: string;
  type: string;
  occurredAt: Date;
  lead: { id?: string; email?: string; companyDomain?: string };
  source: string | null;
}

export type SignalParseResult = { ok: true; signal: SignalEvent } | { ok: false; issues: InputIssue[] };

/** Validates one incoming signal against the clock: no time before 2000 and none more than a day ahead. */
export function parseSignalEvent(input: unknown, now: Date): SignalParseResult {
  const parsed = signalEventSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(inputIssue) };
  const occurredAt = new Date(parsed.data.occurredAt);
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

import type { AgreementDocument, Temperature } from '@accord/domain/agreement';

const HOUR_MS = 3_600_000;

/** When sales must have decided: the SLA hours for the lead's temperature after it was handed over. */
export function handoverDueAt(
  handedOverAt: Date,
  temperature: Temperature,
  slaHours: AgreementDocument['handover']['slaHours'],
): Date {
  return new Date(handedOverAt.getTime() + slaHours[temperature] * HOUR_MS);
}

/** A decision counts for the sales side of the SLA when it was taken by the due time. */
export function decidedWithinSla(decidedAt: Date, dueAt: Date): boolean {
  return decidedAt.getTime() <= dueAt.getTime();
}

/** A handover nobody decided by its due time expires (and is escalated); a decided one never does. */
export function isOverdue(handover: { decidedAt: Date | null; dueAt: Date }, now: Date): boolean {
  return handover.decidedAt === null && handover.dueAt.getTime() < now.getTime();
}

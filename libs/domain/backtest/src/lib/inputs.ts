import type { AgreementDocument } from '@accord/domain/agreement';

/**
 * What a backtest reads of a version: how leads are scored (fit, intent), when and how fast they are handed over
 * (the matrix, the SLA hours), the SQL checklist and the rejection reasons. Its name, description, KPI targets,
 * routing and effective date change nothing it computed.
 */
function backtestInputs(document: AgreementDocument) {
  return {
    fit: document.fit,
    intent: document.intent,
    matrix: document.handover.matrix,
    slaHours: document.handover.slaHours,
    sql: document.sql,
    rejectionReasons: document.rejectionReasons,
  };
}

/** JSON with every object's keys in order: stored documents (jsonb) come back with their keys reordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whether a backtest run on `ran` still answers for `now`: true when every part it reads is the same, so a
 * send-back (a new revision, the same document) or a changed KPI target does not make its results stale.
 */
export function sameBacktestInputs(ran: AgreementDocument, now: AgreementDocument): boolean {
  return canonical(backtestInputs(ran)) === canonical(backtestInputs(now));
}

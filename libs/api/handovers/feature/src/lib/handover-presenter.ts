import type { PublishedVersion } from '@accord/api/agreements/data-access';
import type { QueueRow } from '@accord/api/handovers/data-access';
import type { RejectionReason } from '@accord/domain/agreement';

import { Handover, HandoverLead, RecentSignal, RejectionReasonOption } from './models/handover.model';

const RECENT_SIGNAL_TYPES = 5;

function reasonOption(reason: RejectionReason): RejectionReasonOption {
  return {
    key: reason.key,
    label: reason.label,
    consequence: reason.consequence,
    recycleAfterDays: reason.recycleAfterDays,
  };
}

/** The lead's signal types, most recent first, with how many of each its summary holds. */
export function recentSignals(summary: Record<string, number[]>): RecentSignal[] {
  return Object.entries(summary)
    .filter(([, times]) => times.length > 0)
    .map(([type, times]) => ({ type, count: times.length, lastAt: new Date(times[0]) }))
    .sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime())
    .slice(0, RECENT_SIGNAL_TYPES);
}

function leadName(lead: QueueRow['lead']): string | null {
  return [lead.firstName, lead.lastName].filter(Boolean).join(' ') || null;
}

/** A queue row as the API shows it, under the (published, unchanging) version it was handed over by. */
export function presentHandover(
  { handover, lead, ownerName, decidedByName }: QueueRow,
  version: PublishedVersion,
): Handover {
  const reasons = version.document.rejectionReasons;
  const reason = handover.reasonKey
    ? (reasons.find((candidate) => candidate.key === handover.reasonKey) ?? null)
    : null;
  const presentedLead: HandoverLead = {
    id: handover.leadId,
    email: lead.email,
    name: leadName(lead),
    title: lead.title,
    companyName: lead.companyName,
    country: lead.country,
    source: lead.source,
    campaign: lead.campaign,
    stage: lead.stage,
    recentSignals: recentSignals(lead.signalSummary),
  };
  return {
    id: handover.id,
    lead: presentedLead,
    owner: handover.ownerId ? { id: handover.ownerId, name: ownerName ?? '' } : null,
    status: handover.status,
    grade: handover.grade,
    temperature: handover.temperature,
    outcome: handover.outcome,
    fitScore: handover.fitScore,
    intentScore: handover.intentScore,
    explanation: handover.explanation,
    versionId: handover.versionId,
    versionNumber: version.number,
    handedOverAt: handover.handedOverAt,
    dueAt: handover.dueAt,
    expiredAt: handover.expiredAt,
    decidedAt: handover.decidedAt,
    decidedBy: handover.decidedBy ? { id: handover.decidedBy, name: decidedByName ?? '' } : null,
    withinSla: handover.withinSla,
    // Versions never change, so the reason a handover was rejected with is always in its version.
    reason: reason ? reasonOption(reason) : null,
    note: handover.note,
    rejectionReasons: reasons.map(reasonOption),
  };
}

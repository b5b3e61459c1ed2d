import type { LeadFieldsFragment } from '@accord/web/shared/data-access';

import { STAGE_LABELS, TEMPERATURE_LABELS, leadName, wholeScore } from './lead-wording';

/** A member a lead can be owned by, as far as the signed-in member may know them. */
export interface Owner {
  id: string;
  name: string;
}

/** One line of the leads table, already worded for display. */
export interface LeadRow {
  id: string;
  name: string;
  email: string;
  company: string;
  /** "82 · A", or "Not scored" before any version is in force. */
  fit: string;
  intent: string;
  stage: string;
  owner: string;
  version: string;
}

const NOT_SCORED = 'Not scored';

/**
 * Who owns a lead, in words, from the members known (the workspace's colleagues): an owner not among them — the
 * list not read yet, or not readable — reads "Another member" rather than a bare id.
 */
export function ownerLabel(ownerId: string | null, owners: readonly Owner[], selfId: string | null): string {
  if (ownerId === null) return 'Unassigned';
  const known = owners.find((owner) => owner.id === ownerId);
  if (ownerId === selfId) return known ? `${known.name} (you)` : 'You';
  return known?.name ?? 'Another member';
}

export function toLeadRow(
  lead: LeadFieldsFragment,
  owners: readonly Owner[],
  selfId: string | null,
): LeadRow {
  const evaluation = lead.evaluation;
  return {
    id: lead.id,
    name: leadName(lead),
    email: lead.email,
    company: lead.companyName ?? lead.companyDomain ?? '—',
    fit: evaluation ? `${wholeScore(evaluation.fitScore)} · ${evaluation.grade}` : NOT_SCORED,
    intent: evaluation
      ? `${wholeScore(evaluation.intentScore)} · ${TEMPERATURE_LABELS[evaluation.temperature]}`
      : NOT_SCORED,
    stage: STAGE_LABELS[lead.stage],
    owner: ownerLabel(lead.ownerId, owners, selfId),
    version: evaluation ? `v${evaluation.versionNumber}` : '—',
  };
}

import type { RejectionReason } from '@accord/domain/agreement';
import type { LifecycleStage } from '@accord/domain/leads';
import { type Role, isSalesManager } from '@accord/domain/workspace';

/** OPEN and EXPIRED await a decision (an expired one can still be decided, late); the other two are final. */
export const HANDOVER_STATUSES = ['OPEN', 'EXPIRED', 'ACCEPTED', 'REJECTED'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export function isUndecided(status: HandoverStatus): boolean {
  return status === 'OPEN' || status === 'EXPIRED';
}

export const NOTE_MAX_LENGTH = 2000;

/**
 * What a note may hold: like any multi-line comment, tabs and line breaks lay it out, but no other control
 * character (BEL, ESC's terminal sequences, NUL) — the note is sent to webhook receivers as it is.
 */
export const NOTE_TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/u; // eslint-disable-line no-control-regex

export type Decision = { kind: 'ACCEPT' } | { kind: 'REJECT'; reasonKey: string; note: string | null };

export type DecisionError =
  'ALREADY_DECIDED' | 'NOT_YOURS' | 'UNKNOWN_REASON' | 'NOTE_TOO_LONG' | 'NOTE_HAS_CONTROL_CHARACTERS';

export interface HandoverActor {
  id: string;
  roles: readonly Role[];
  approver: boolean;
}

// Sales managers (admins and the members who sign for sales) see the whole team's queue, decide and reassign any
// handover; the rule is the workspace's, shared with the pipeline's.
export { isSalesManager };

/** Why this actor may not take this decision on this handover, or null when they may. */
export function checkDecision(
  handover: { status: HandoverStatus; ownerId: string | null },
  actor: HandoverActor,
  decision: Decision,
  reasons: readonly RejectionReason[],
): DecisionError | null {
  if (!isUndecided(handover.status)) return 'ALREADY_DECIDED';
  if (handover.ownerId !== actor.id && !isSalesManager(actor)) return 'NOT_YOURS';
  if (decision.kind === 'REJECT') {
    if (!reasons.some((reason) => reason.key === decision.reasonKey)) return 'UNKNOWN_REASON';
    if (decision.note && decision.note.length > NOTE_MAX_LENGTH) return 'NOTE_TOO_LONG';
    if (decision.note && !NOTE_TEXT.test(decision.note)) return 'NOTE_HAS_CONTROL_CHARACTERS';
  }
  return null;
}

export interface DecisionOutcome {
  status: 'ACCEPTED' | 'REJECTED';
  /** Where the lead goes: accepted by sales, back to marketing's nurture, or out. */
  stage: Extract<LifecycleStage, 'SAL' | 'NURTURE' | 'DISQUALIFIED'>;
  /** For a recycled lead, when it may be handed over again. */
  recycleUntil: Date | null;
  reason: RejectionReason | null;
}

const DAY_MS = 86_400_000;

/** What a (checked) decision does: the reason's consequence applies from the moment of the decision. */
export function decisionOutcome(
  decision: Decision,
  reasons: readonly RejectionReason[],
  decidedAt: Date,
): DecisionOutcome {
  if (decision.kind === 'ACCEPT')
    return { status: 'ACCEPTED', stage: 'SAL', recycleUntil: null, reason: null };
  const reason = reasons.find((candidate) => candidate.key === decision.reasonKey);
  if (!reason) throw new Error(`unknown rejection reason ${decision.reasonKey}`);
  if (reason.consequence === 'DISQUALIFY')
    return { status: 'REJECTED', stage: 'DISQUALIFIED', recycleUntil: null, reason };
  const days = reason.recycleAfterDays ?? 0;
  return {
    status: 'REJECTED',
    stage: 'NURTURE',
    recycleUntil: new Date(decidedAt.getTime() + days * DAY_MS),
    reason,
  };
}

export type ReassignError = 'ALREADY_DECIDED' | 'NOT_A_MANAGER' | 'SAME_OWNER';

/** Only managers move a handover to someone else; its due time stays (reassigning keeps the clock). */
export function checkReassign(
  handover: { status: HandoverStatus; ownerId: string | null },
  actor: HandoverActor,
  toOwnerId: string,
): ReassignError | null {
  if (!isUndecided(handover.status)) return 'ALREADY_DECIDED';
  if (!isSalesManager(actor)) return 'NOT_A_MANAGER';
  if (handover.ownerId === toOwnerId) return 'SAME_OWNER';
  return null;
}

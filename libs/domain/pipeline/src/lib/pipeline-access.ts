import { type Role, isSalesManager } from '@accord/domain/workspace';

export interface PipelineActor {
  id: string;
  roles: readonly Role[];
  approver: boolean;
}

/**
 * Why this actor may not write this part of a lead's pipeline (book or mark a meeting, open, move or re-price an
 * opportunity), or null when they may. Sales managers work any lead. Other sales members work what is theirs —
 * the lead they own, or the meeting or opportunity they own on it — and leads no one owns yet, which anyone in
 * sales may pick up; a colleague's deal is not theirs to close or re-price. `owners` are the lead's owner and, for
 * a meeting or an opportunity, that one's.
 */
export function pipelineWriteRefusal(
  actor: PipelineActor,
  owners: { lead: string | null; item?: string | null },
): 'NOT_YOURS' | null {
  if (isSalesManager(actor)) return null;
  if (owners.lead === actor.id || owners.item === actor.id) return null;
  if (owners.lead === null && (owners.item === undefined || owners.item === null)) return null;
  return 'NOT_YOURS';
}

/**
 * Whether this actor may make someone else the owner of a meeting or opportunity: sales managers only; others
 * book and open in their own name.
 */
export function mayAssignPipelineOwner(actor: PipelineActor, ownerId: string): boolean {
  return ownerId === actor.id || isSalesManager(actor);
}

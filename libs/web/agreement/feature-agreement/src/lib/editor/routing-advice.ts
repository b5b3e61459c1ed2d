import type { RoutableMember } from '@accord/web/agreement/data-access';

/** What the editor knows about routing beyond the document's own rules. */
export interface RoutingState {
  /** The workspace's active sales members; null when they could not be read. */
  candidates: readonly RoutableMember[] | null;
  /** Routed members who are not active sales members (they block saving). */
  routingIssues: number;
  /** Problems that block proposing only (an empty team). */
  proposalIssues: number;
  /** Whether the reader may open Members to fix it themselves. */
  admin: boolean;
}

/**
 * Why leads cannot go to anyone yet and what to do about it, in words; null when routing is fine. A new workspace's
 * starter draft routes to no one until sales members join: it can be saved, not proposed.
 */
export function routingAdvice(state: RoutingState): string | null {
  const noSales = state.candidates !== null && state.candidates.length === 0;
  if (noSales && (state.routingIssues > 0 || state.proposalIssues > 0)) {
    const next = state.admin
      ? 'invite sales members on Members (or give someone the Sales role there)'
      : 'ask an admin to invite sales members';
    return (
      'No one in this workspace is an active sales member yet, so leads cannot be routed to anyone. ' +
      `You can save this draft; to propose it, ${next}, then add them under Routing.`
    );
  }
  if (state.routingIssues > 0) {
    // A deactivated member has the Sales role still: only removing them helps, so the role is offered for the others.
    const next = state.admin
      ? 'give one who is active the Sales role on Members'
      : 'ask an admin to give one who is active the Sales role';
    return (
      'Routing names people who are not active sales members: remove them under Routing (a deactivated member can ' +
      `only be removed), or ${next}.`
    );
  }
  if (state.proposalIssues > 0) {
    return 'Choose at least one sales member under Routing to receive leads before proposing.';
  }
  return null;
}

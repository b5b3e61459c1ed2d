import type { HandoverScope, HandoverView } from '@accord/web/shared/data-access';

const VIEWS: readonly HandoverView[] = ['UNDECIDED', 'EXPIRED', 'DECIDED'];
const MANAGER_SCOPES: readonly HandoverScope[] = ['MINE', 'TEAM', 'UNASSIGNED'];

/**
 * Which queue the page opens with, from its link's `?view=…&scope=…` — the managers' escalation e-mail links
 * `?scope=TEAM&view=EXPIRED`. A value the page does not know reads as its default (my open handovers), and so does
 * a scope only managers may read, for anyone else.
 */
export function queueOpening(
  params: { view?: string; scope?: string },
  manager: boolean,
): { scope: HandoverScope; view: HandoverView } {
  const view = VIEWS.find((known) => known === params.view) ?? 'UNDECIDED';
  const scope = (manager && MANAGER_SCOPES.find((known) => known === params.scope)) || 'MINE';
  return { scope, view };
}

/**
 * The query parameters that keep a queue in the page's URL, so a reload or the browser's back and forward show it
 * again: only what differs from the default (my open handovers), which the plain link shows.
 */
export function queueParams(queue: { scope: HandoverScope; view: HandoverView }): {
  scope: HandoverScope | null;
  view: HandoverView | null;
} {
  return {
    scope: queue.scope === 'MINE' ? null : queue.scope,
    view: queue.view === 'UNDECIDED' ? null : queue.view,
  };
}

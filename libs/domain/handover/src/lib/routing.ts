import type { Routing } from '@accord/domain/agreement';

/**
 * Where each pool's round robin stands: the position in the pool's configured list of the member who got the
 * last lead, by pool key. Stored per workspace, so turns carry on across batches, restarts and replicas.
 */
export type RoutingCursors = Readonly<Record<string, number>>;

export interface Routed {
  /** One per lead, in order: the member it goes to, or null when no member of its pools is active. */
  ownerIds: (string | null)[];
  cursors: RoutingCursors;
}

interface Pool {
  key: string;
  memberIds: readonly string[];
}

const EVERYONE_POOL = 'round-robin';
const FALLBACK_POOL = 'fallback';

/** The pools a lead may go to, first choice first: its territory's team, then the fallback team. */
function poolsFor(routing: Routing, country: string | null): Pool[] {
  if (routing.mode === 'ROUND_ROBIN') return [{ key: EVERYONE_POOL, memberIds: routing.memberIds }];
  const code = country?.toUpperCase() ?? null;
  const territory = code
    ? routing.territories.find((candidate) =>
        candidate.countries.some((entry) => entry.toUpperCase() === code),
      )
    : undefined;
  const fallback = { key: FALLBACK_POOL, memberIds: routing.fallbackMemberIds };
  return territory
    ? [{ key: `territory:${territory.key}`, memberIds: territory.memberIds }, fallback]
    : [fallback];
}

/**
 * Routes leads in order by the agreement's rule: each pool hands leads to its members in turn, skipping members
 * who are no longer active (the agreement may name someone who has since left); a territory whose team has no
 * active member passes its leads to the fallback team.
 */
export function routeLeads(
  routing: Routing,
  leads: readonly { country: string | null }[],
  cursors: RoutingCursors,
  activeMemberIds: ReadonlySet<string>,
): Routed {
  const next: Record<string, number> = { ...cursors };
  const ownerIds = leads.map((lead) => {
    for (const pool of poolsFor(routing, lead.country)) {
      const size = pool.memberIds.length;
      const last = next[pool.key] ?? -1;
      for (let step = 1; step <= size; step += 1) {
        const position = (((last + step) % size) + size) % size;
        const memberId = pool.memberIds[position];
        if (activeMemberIds.has(memberId)) {
          next[pool.key] = position;
          return memberId;
        }
      }
    }
    return null;
  });
  return { ownerIds, cursors: next };
}

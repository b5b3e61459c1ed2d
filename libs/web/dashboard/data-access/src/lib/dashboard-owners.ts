import type { Colleague } from '@accord/web/shared/data-access';

/** A member the dashboard can be filtered by. */
export interface OwnerChoice {
  id: string;
  name: string;
}

/**
 * Whom the owner filter offers: every active or invited member of the workspace (the `colleagues` list, by name;
 * an import gives reps leads and deals before they first sign in) — or, until
 * that list is read or if it cannot be, the reps seen on the dashboard so far. A chosen owner who is not offered
 * (deactivated, or from a shared link) stays listed, named if anyone knows their name, so the choice shows.
 */
export function ownerChoices(
  colleagues: readonly Colleague[] | null,
  seenReps: ReadonlyMap<string, string>,
  chosenId: string | null,
): OwnerChoice[] {
  const choices =
    colleagues === null
      ? [...seenReps.entries()]
          .map(([id, name]) => ({ id, name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'en'))
      : colleagues
          .filter((colleague) => colleague.status !== 'DEACTIVATED')
          .map(({ id, name }) => ({ id, name }));
  if (chosenId === null || choices.some((choice) => choice.id === chosenId)) return choices;
  const name =
    colleagues?.find((colleague) => colleague.id === chosenId)?.name ??
    seenReps.get(chosenId) ??
    'Another member';
  return [...choices, { id: chosenId, name }];
}

/**
 * The teams the team filter offers: each team a member of the workspace is in (deactivated members too, whose
 * facts still count for their team), sorted; a chosen team nobody is in any more stays listed first.
 */
export function teamChoices(colleagues: readonly Colleague[] | null, chosen: string | null): string[] {
  const teams = new Set<string>();
  for (const colleague of colleagues ?? []) {
    // As stored: the filter compares the team exactly.
    if (colleague.team?.trim()) teams.add(colleague.team);
  }
  const sorted = [...teams].sort((a, b) => a.localeCompare(b, 'en'));
  return chosen !== null && !teams.has(chosen) ? [chosen, ...sorted] : sorted;
}

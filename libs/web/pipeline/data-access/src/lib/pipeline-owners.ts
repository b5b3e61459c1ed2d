import { type Signal, computed, inject } from '@angular/core';

import { type Role, isSalesManager } from '@accord/domain/workspace';
import { AuthStore, type Colleague, activeColleagues } from '@accord/web/shared/data-access';

/** A member a meeting or an opportunity can be booked in the name of. */
export interface OwnerChoice {
  id: string;
  name: string;
}

/**
 * The members a sales manager may book a meeting or open an opportunity in the name of — the active sales
 * members and themself — or null when the member books in their own name only.
 */
export function ownerChoices(
  member: { id: string; name: string; roles: readonly Role[]; approver: boolean } | null,
  colleagues: readonly Colleague[] | null,
): OwnerChoice[] | null {
  if (member === null || !isSalesManager(member)) return null;
  const sales = activeColleagues(colleagues ?? [], 'SALES');
  return sales.some((choice) => choice.id === member.id)
    ? sales
    : [{ id: member.id, name: member.name }, ...sales];
}

/**
 * Whom the form names first: the lead's owner when they are among the choices — a manager working a rep's lead
 * books for the rep, whose meeting and deal they are (the dashboard credits the owner) — else the member.
 */
export function initialOwner(
  choices: readonly OwnerChoice[] | null,
  leadOwner: string | null,
  memberId: string | null,
): string | null {
  if (choices !== null && leadOwner !== null && choices.some((choice) => choice.id === leadOwner))
    return leadOwner;
  return memberId;
}

export interface PipelineOwners {
  /** Null: the member books in their own name, and the forms offer no choice. */
  choices: Signal<OwnerChoice[] | null>;
  initial: Signal<string | null>;
}

/**
 * The owner choice of the lead page's meeting and opportunity forms, from the colleagues the page has read (its
 * LeadOwnersStore: one read for the owner field and both forms).
 */
export function injectPipelineOwners(
  leadOwner: () => string | null,
  colleagues: () => readonly Colleague[] | null,
): PipelineOwners {
  const auth = inject(AuthStore);
  const choices = computed(() => ownerChoices(auth.member(), colleagues()));
  const initial = computed(() => initialOwner(choices(), leadOwner(), auth.member()?.id ?? null));
  return { choices, initial };
}

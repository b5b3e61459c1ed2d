import { DestroyRef, Injectable, inject } from '@angular/core';

import { type Confirm, mayLeave } from '@accord/web/shared/ui';

/**
 * A page's sections that hold edits not yet saved (the lead's fields, the checklist, a meeting being booked), so
 * that leaving the page asks first. The page provides it; each section tracks itself with trackUnsavedEdits.
 */
@Injectable()
export class UnsavedEdits {
  private readonly sources = new Set<() => boolean>();

  add(unsaved: () => boolean): () => void {
    this.sources.add(unsaved);
    return () => this.sources.delete(unsaved);
  }

  /** Whether any section holds unsaved edits now (asked when the member leaves, not tracked). */
  any(): boolean {
    return [...this.sources].some((unsaved) => unsaved());
  }

  /** Leaving is fine when nothing is unsaved, or when the member says so. */
  mayLeave(confirm?: Confirm): boolean {
    return mayLeave(this.any(), 'You have unsaved changes on this lead. Leave and lose them?', confirm);
  }
}

/**
 * Counts `unsaved` among the page's unsaved edits while the calling component lives; does nothing where no page
 * provides UnsavedEdits (the new-lead dialog shares the lead form). Call it in an injection context.
 */
export function trackUnsavedEdits(unsaved: () => boolean): void {
  const edits = inject(UnsavedEdits, { optional: true });
  if (!edits) return;
  inject(DestroyRef).onDestroy(edits.add(unsaved));
}

import { type Signal, computed, inject } from '@angular/core';

import { AuthStore } from './auth.store';

/**
 * The workspace's time zone, the team's shared clock, in which the pages take and show the times people read (a
 * close date's "today", a meeting's day, when a signal happened). UTC, the workspaces' default, until the session
 * knows it. Call it in an injection context.
 */
export function injectWorkspaceTimeZone(): Signal<string> {
  const auth = inject(AuthStore);
  return computed(() => auth.workspace()?.timeZone ?? 'UTC');
}

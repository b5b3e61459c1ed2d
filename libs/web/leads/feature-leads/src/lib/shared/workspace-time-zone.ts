import { type Signal, computed, inject } from '@angular/core';

import { AuthStore } from '@accord/web/shared/data-access';

/**
 * The workspace's time zone, in which the lead page's pipeline sections take and show times, as the API checks
 * them (a close date's "today", a meeting's day). UTC, the workspaces' default, until the session knows it.
 * Call it in an injection context.
 */
export function injectWorkspaceTimeZone(): Signal<string> {
  const auth = inject(AuthStore);
  return computed(() => auth.workspace()?.timeZone ?? 'UTC');
}

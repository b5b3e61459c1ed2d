/**
 * Has the browser ask before the tab is reloaded or closed, when `unsaved` says edits would be lost; for a page's
 * `(window:beforeunload)` host listener (leaving within the app is asked by the route's canDeactivate).
 */
export function askBeforeUnload(event: BeforeUnloadEvent, unsaved: boolean): void {
  if (!unsaved) return;
  event.preventDefault();
  // Browsers that predate preventDefault() here ask only when returnValue is set.
  event.returnValue = true;
}

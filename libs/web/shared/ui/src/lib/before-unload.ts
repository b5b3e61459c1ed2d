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

/** Asks the member a yes/no question; the browser's own dialog unless a test gives its answer. */
export type Confirm = (message: string) => boolean;

const browserConfirm: Confirm = (message) => window.confirm(message);

/**
 * Whether leaving a page (a route's canDeactivate) may go ahead: nothing unsaved would be lost, or the member says
 * so when asked `question`.
 */
export function mayLeave(unsaved: boolean, question: string, confirm: Confirm = browserConfirm): boolean {
  return !unsaved || confirm(question);
}

import { postGraphql } from '../api/post-graphql';
import { ViewerDocument } from '../generated/session-operations';
import { AuthStore } from './auth.store';

/** The restore under way per store, so that the app's start and the route guard share one request. */
const restoring = new WeakMap<AuthStore, Promise<boolean>>();

/**
 * Loads who the stored token belongs to; false (and the token forgotten) when it is no longer good. It runs before
 * the signed-in part of the app (and Apollo with it) has loaded, so it posts the query itself.
 */
export function restoreSession(store: AuthStore): Promise<boolean> {
  const token = store.token();
  if (token === null) return Promise.resolve(false);
  if (store.viewer() !== null) return Promise.resolve(true);
  let pending = restoring.get(store);
  if (pending === undefined) {
    pending = askWhoIsSignedIn(store, token).finally(() => restoring.delete(store));
    restoring.set(store, pending);
  }
  return pending;
}

async function askWhoIsSignedIn(store: AuthStore, token: string): Promise<boolean> {
  try {
    const { viewer } = await postGraphql(ViewerDocument, {}, token);
    store.setViewer(viewer);
    return true;
  } catch {
    store.clear();
    return false;
  }
}

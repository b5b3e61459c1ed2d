import { toApiError } from '../api/api-error';
import { postGraphql } from '../api/post-graphql';
import { ViewerDocument } from '../generated/session-operations';
import { AuthStore } from './auth.store';

/**
 * Where a stored session stands: good, gone (no token, or one the API refused), or unknown because the API could
 * not say — unreachable, restarting, or busy — in which case the token is kept for the next try.
 */
export type SessionState = 'signed-in' | 'signed-out' | 'unknown';

/** The restore under way per store, so that the app's start and the route guard share one request. */
const restoring = new WeakMap<AuthStore, Promise<SessionState>>();

/**
 * Loads who the stored token belongs to. It runs before the signed-in part of the app (and Apollo with it) has
 * loaded, so it posts the query itself.
 */
export function restoreSession(store: AuthStore): Promise<SessionState> {
  const token = store.token();
  if (token === null) return Promise.resolve('signed-out');
  if (store.viewer() !== null) return Promise.resolve('signed-in');
  let pending = restoring.get(store);
  if (pending === undefined) {
    pending = askWhoIsSignedIn(store, token).finally(() => restoring.delete(store));
    restoring.set(store, pending);
  }
  return pending;
}

async function askWhoIsSignedIn(store: AuthStore, token: string): Promise<SessionState> {
  try {
    const { viewer } = await postGraphql(ViewerDocument, {}, token);
    store.setViewer(viewer);
    return 'signed-in';
  } catch (error) {
    // Only the API's refusal ends the session: a restart or a dropped connection while the page loads must not
    // sign anyone out.
    if (toApiError(error).code !== 'UNAUTHENTICATED') return 'unknown';
    store.clear();
    return 'signed-out';
  }
}

import { postGraphql } from '../api/post-graphql';
import { ViewerDocument } from '../generated/session-operations';
import { AuthStore } from './auth.store';

/**
 * Loads who the stored token belongs to; false (and the token forgotten) when it is no longer good. It runs before
 * the signed-in part of the app (and Apollo with it) has loaded, so it posts the query itself.
 */
export async function restoreSession(store: AuthStore): Promise<boolean> {
  const token = store.token();
  if (token === null) return false;
  if (store.viewer() !== null) return true;
  try {
    const { viewer } = await postGraphql(ViewerDocument, {}, token);
    store.setViewer(viewer);
    return true;
  } catch {
    store.clear();
    return false;
  }
}

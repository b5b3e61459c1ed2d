import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { Feature, canUse } from '@accord/domain/workspace';

import { AuthStore, featurePath } from './auth.store';
import { RedirectNotice, featureRefusal } from './redirect-notice';
import { restoreSession } from './restore-session';

/**
 * Lets signed-in members through (restoring a stored session first); sends others to sign in, with the page they
 * asked for, to go on to it afterwards — and, when the API could not say who they are, with a way to try again.
 */
export const authGuard: CanActivateFn = async (_route, { url }) => {
  const router = inject(Router);
  const session = await restoreSession(inject(AuthStore));
  if (session === 'signed-in') return true;
  return router.createUrlTree(['/sign-in'], {
    queryParams: {
      returnUrl: url === '/' ? undefined : url,
      unreachable: session === 'unknown' ? 1 : undefined,
    },
  });
};

/** Navigation state of a sign-out: it opens the sign-in page while the session still holds. */
export const SIGNING_OUT = 'accordSigningOut';

/** Keeps signed-in members away from the sign-in and sign-up pages, except on their way out. */
export const guestGuard: CanActivateFn = async () => {
  const router = inject(Router);
  if (router.currentNavigation()?.extras.state?.[SIGNING_OUT]) return true;
  const session = await restoreSession(inject(AuthStore));
  return session !== 'signed-in' || router.parseUrl('/');
};

/** Opens a feature only to the roles FEATURE_ACCESS lists for it; others land on their home page, told why. */
export function featureGuard(feature: Feature): CanActivateFn {
  return () => {
    const store = inject(AuthStore);
    if (canUse(store.roles(), feature)) return true;
    const home = store.homePath();
    if (home === featurePath(feature)) return false;
    return inject(RedirectNotice).redirect(
      home,
      `${featureRefusal(feature)} You are on your home page instead.`,
    );
  };
}

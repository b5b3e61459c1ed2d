import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { Feature, canUse } from '@accord/domain/workspace';

import { AuthStore, featurePath } from './auth.store';
import { restoreSession } from './restore-session';

/** Lets signed-in members through (restoring a stored session first); sends others to sign in. */
export const authGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const restored = await restoreSession(inject(AuthStore));
  return restored || router.parseUrl('/sign-in');
};

/** Keeps signed-in members away from the sign-in and sign-up pages. */
export const guestGuard: CanActivateFn = () => {
  const store = inject(AuthStore);
  return store.token() === null || inject(Router).parseUrl('/');
};

/** Opens a feature only to the roles FEATURE_ACCESS lists for it; others land on their home page. */
export function featureGuard(feature: Feature): CanActivateFn {
  return () => {
    const store = inject(AuthStore);
    if (canUse(store.roles(), feature)) return true;
    const home = store.homePath();
    return home === featurePath(feature) ? false : inject(Router).parseUrl(home);
  };
}

import { CanDeactivateFn, Routes } from '@angular/router';

import { ApiKeysPage } from './api-keys.page';

/** Leaving while a new key's secret is on screen (the browser's Back, a link) asks first: it is shown once. */
export const newSecretGuard: CanDeactivateFn<ApiKeysPage> = (page) => page.canLeave();

/** The API keys feature's routes, mounted under `/api-keys` by the app. */
export const apiKeysRoutes: Routes = [{ path: '', component: ApiKeysPage, canDeactivate: [newSecretGuard] }];

import { Routes } from '@angular/router';

import { ApiKeysPage } from './api-keys.page';

/** The API keys feature's routes, mounted under `/api-keys` by the app. */
export const apiKeysRoutes: Routes = [{ path: '', component: ApiKeysPage }];

import { Routes } from '@angular/router';

import { WebhooksPage } from './webhooks.page';

/** The webhooks feature's routes, mounted under `/webhooks` by the app. */
export const webhooksRoutes: Routes = [{ path: '', component: WebhooksPage }];

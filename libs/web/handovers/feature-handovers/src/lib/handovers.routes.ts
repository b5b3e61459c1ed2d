import { Routes } from '@angular/router';

import { HandoverQueuePage } from './handover-queue.page';

/** The handover queue's routes, mounted under `/handovers` by the app. */
export const handoversRoutes: Routes = [{ path: '', component: HandoverQueuePage }];

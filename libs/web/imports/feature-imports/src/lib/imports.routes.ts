import { Routes } from '@angular/router';

import { ImportsPage } from './imports.page';

/** The imports feature's routes, mounted under `/imports` by the app. */
export const importsRoutes: Routes = [{ path: '', component: ImportsPage }];

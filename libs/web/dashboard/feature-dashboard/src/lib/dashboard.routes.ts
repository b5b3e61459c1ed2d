import { Routes } from '@angular/router';

import { DashboardPage } from './dashboard.page';
import { DashboardRowsPage } from './rows/dashboard-rows.page';

// The charts animate, and provideAnimationsAsync fetches the animation engine only when the first chart renders —
// after the page's data arrived, one more round trip before anything is drawn. Fetch it with the page instead.
void import('@angular/animations/browser');

/** The dashboard's routes, mounted under `/dashboard` by the app. */
export const dashboardRoutes: Routes = [
  { path: '', component: DashboardPage },
  { path: 'rows/:metric', component: DashboardRowsPage, title: 'Rows behind a figure · Accord' },
];

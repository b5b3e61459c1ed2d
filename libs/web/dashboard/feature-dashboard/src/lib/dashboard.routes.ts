import { Routes } from '@angular/router';

import { DashboardPage } from './dashboard.page';
import { DashboardRowsPage } from './rows/dashboard-rows.page';

/** The dashboard's routes, mounted under `/dashboard` by the app. */
export const dashboardRoutes: Routes = [
  { path: '', component: DashboardPage },
  { path: 'rows/:metric', component: DashboardRowsPage, title: 'Rows behind a figure · Accord' },
];

import { Routes } from '@angular/router';

import { LeadPage } from './detail/lead.page';
import { LeadsPage } from './list/leads.page';

/** The leads feature's routes, mounted under `/leads` by the app. */
export const leadsRoutes: Routes = [
  { path: '', component: LeadsPage },
  { path: ':id', component: LeadPage },
];

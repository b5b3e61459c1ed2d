import { Routes } from '@angular/router';

import { MembersPage } from './members.page';

/** The members feature's routes, mounted under `/members` by the app. */
export const membersRoutes: Routes = [{ path: '', component: MembersPage }];

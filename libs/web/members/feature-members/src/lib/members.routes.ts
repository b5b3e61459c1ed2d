import { CanDeactivateFn, Routes } from '@angular/router';

import { MembersPage } from './members.page';

/** Leaving with workspace settings typed but not saved asks first. */
export const unsavedSettingsGuard: CanDeactivateFn<MembersPage> = (page) => page.canLeave();

/** The members feature's routes, mounted under `/members` by the app. */
export const membersRoutes: Routes = [
  { path: '', component: MembersPage, canDeactivate: [unsavedSettingsGuard] },
];

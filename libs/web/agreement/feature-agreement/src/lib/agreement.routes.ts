import { inject } from '@angular/core';
import { CanActivateFn, CanDeactivateFn, Router, Routes } from '@angular/router';

import { canEditAgreement } from '@accord/domain/agreement';
import { AuthStore, RedirectNotice } from '@accord/web/shared/data-access';

import { AgreementEditorPage } from './editor/agreement-editor.page';
import { AgreementOverviewPage } from './overview/agreement-overview.page';
import { AgreementVersionPage } from './review/agreement-version.page';

/** Only marketing and admins reach the editor; others read the version instead, told why. */
export const agreementEditorGuard: CanActivateFn = (route) => {
  if (canEditAgreement(inject(AuthStore).roles())) return true;
  return inject(RedirectNotice).redirect(
    inject(Router).createUrlTree(['/agreement/versions', route.paramMap.get('id')]),
    'Marketing and admins edit the agreement. Here is the version to read.',
  );
};

export const unsavedAgreementGuard: CanDeactivateFn<AgreementEditorPage> = (page) => page.canLeave();

/** The agreement feature's routes, mounted under `/agreement` by the app. */
export const agreementRoutes: Routes = [
  { path: '', component: AgreementOverviewPage },
  { path: 'versions/:id', component: AgreementVersionPage },
  {
    path: 'versions/:id/edit',
    component: AgreementEditorPage,
    canActivate: [agreementEditorGuard],
    canDeactivate: [unsavedAgreementGuard],
  },
];

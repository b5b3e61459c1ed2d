import { inject } from '@angular/core';
import { CanDeactivateFn, Routes } from '@angular/router';

import { hasAnyRole } from '@accord/domain/workspace';
import { AuthStore, RedirectNotice } from '@accord/web/shared/data-access';

import { LeadPage } from './detail/lead.page';
import { RejectionFeedbackPage } from './feedback/rejection-feedback.page';
import { LeadsPage } from './list/leads.page';
import { LeadValuesPage } from './values/lead-values.page';

/** Rejection feedback is for marketing (and admins); others go back to the leads, told why. */
const feedbackReaders = () =>
  hasAnyRole(inject(AuthStore).roles(), ['ADMIN', 'MARKETING']) ||
  inject(RedirectNotice).redirect(
    '/leads',
    'Rejection feedback is for marketing and admins. Here are the leads.',
  );

/** Leaving a lead with unsaved edits asks first. */
export const unsavedLeadGuard: CanDeactivateFn<LeadPage> = (page) => page.canLeave();

/** The leads feature's routes, mounted under `/leads` by the app. */
export const leadsRoutes: Routes = [
  { path: '', component: LeadsPage },
  {
    path: 'rejection-feedback',
    component: RejectionFeedbackPage,
    title: 'Rejection feedback · Accord',
    canActivate: [feedbackReaders],
  },
  { path: 'values', component: LeadValuesPage, title: 'Sources, campaigns and industries · Accord' },
  { path: ':id', component: LeadPage, canDeactivate: [unsavedLeadGuard] },
];

import { Type, inject } from '@angular/core';
import { Route, Router, Routes } from '@angular/router';

import { FEATURE_ACCESS, Feature, FeatureAccess } from '@accord/domain/workspace';
import {
  AuthStore,
  RedirectNotice,
  authGuard,
  featureGuard,
  guestGuard,
} from '@accord/web/shared/data-access/session';

type PageLoader = () => Promise<Type<unknown>>;

const placeholderPage: PageLoader = () => import('@accord/web/shell/feature').then((m) => m.PlaceholderPage);

/** Built features; every other entry of FEATURE_ACCESS shows the placeholder page. */
const featurePages: Partial<Record<Feature, Route['loadChildren']>> = {
  DASHBOARD: () => import('@accord/web/dashboard/feature-dashboard').then((m) => m.dashboardRoutes),
  AGREEMENT: () => import('@accord/web/agreement/feature-agreement').then((m) => m.agreementRoutes),
  LEADS: () => import('@accord/web/leads/feature-leads').then((m) => m.leadsRoutes),
  HANDOVERS: () => import('@accord/web/handovers/feature-handovers').then((m) => m.handoversRoutes),
  MEMBERS: () => import('@accord/web/members/feature-members').then((m) => m.membersRoutes),
  API_KEYS: () => import('@accord/web/api-keys/feature-api-keys').then((m) => m.apiKeysRoutes),
  WEBHOOKS: () => import('@accord/web/webhooks/feature-webhooks').then((m) => m.webhooksRoutes),
  IMPORTS: () => import('@accord/web/imports/feature-imports').then((m) => m.importsRoutes),
};

/** One lazy route per feature, guarded by the same role table the API uses. */
export function featureRoute(access: FeatureAccess): Route {
  const route: Route = {
    path: access.path,
    title: `${access.label} · Accord`,
    canActivate: [featureGuard(access.feature)],
  };
  const children = access.placeholder ? undefined : featurePages[access.feature];
  return children
    ? { ...route, loadChildren: children }
    : { ...route, loadComponent: placeholderPage, data: { label: access.label } };
}

/** The feature pages, inside the shell. */
export const signedInPages: Routes = [
  ...FEATURE_ACCESS.map(featureRoute),
  {
    path: 'account',
    title: 'Your account · Accord',
    loadComponent: () => import('@accord/web/shell/feature').then((m) => m.AccountPage),
  },
  // These two are guards, not redirects: redirects run before the shell's guard has restored the session, when
  // the member's roles, and so their home page, are not known yet (a rep was sent to the dashboard).
  // The site's root opens the member's home page.
  { path: '', pathMatch: 'full', canActivate: [() => homeUrl()], children: [] },
  // An address that names no page goes home, saying so: silently, a mistyped or stale link looked broken.
  {
    path: '**',
    canActivate: [
      (_route: unknown, { url }: { url: string }) =>
        inject(RedirectNotice).redirect(
          homeUrl(),
          `There is no page at ${url}. You are on your home page instead.`,
        ),
    ],
    children: [],
  },
];

/** The signed-in member's home page, for their roles. */
function homeUrl() {
  return inject(Router).parseUrl(inject(AuthStore).homePath());
}

export const appRoutes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in · Accord',
    canActivate: [guestGuard],
    loadComponent: () => import('@accord/web/auth/feature-sign-in').then((m) => m.SignInPage),
  },
  {
    path: 'sign-up',
    title: 'Create a workspace · Accord',
    canActivate: [guestGuard],
    loadComponent: () => import('@accord/web/auth/feature-sign-up').then((m) => m.SignUpPage),
  },
  {
    path: 'accept-invitation',
    title: 'Join your workspace · Accord',
    loadComponent: () =>
      import('@accord/web/auth/feature-accept-invitation').then((m) => m.AcceptInvitationPage),
  },
  {
    path: 'forgot-password',
    title: 'Reset your password · Accord',
    canActivate: [guestGuard],
    loadComponent: () => import('@accord/web/auth/feature-password-reset').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · Accord',
    loadComponent: () => import('@accord/web/auth/feature-password-reset').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'verify-email',
    title: 'Confirm your e-mail address · Accord',
    loadComponent: () => import('@accord/web/auth/feature-sign-up').then((m) => m.VerifyEmailPage),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadChildren: () => import('@accord/web/shell/feature').then((m) => m.withShell(signedInPages)),
  },
];

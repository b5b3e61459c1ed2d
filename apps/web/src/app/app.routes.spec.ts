import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { FEATURE_ACCESS } from '@accord/domain/workspace';
import { AuthStore, RedirectNotice } from '@accord/web/shared/data-access/session';

import { appRoutes, featureRoute, signedInPages } from './app.routes';

describe('app routes', () => {
  it('mounts one guarded route per feature under the shell, in the table’s order', () => {
    const shell = appRoutes.find((route) => route.path === '');

    expect(shell?.canActivate?.length).toBe(1);
    expect(shell?.loadChildren).toBeDefined();
    expect(signedInPages.slice(0, FEATURE_ACCESS.length).map((route) => route.path)).toEqual(
      FEATURE_ACCESS.map((access) => access.path),
    );
    // Each feature has its own guard; the member's own account and the fallback are behind the shell's alone.
    expect(
      signedInPages.every(
        (route) =>
          route.path === '**' ||
          route.path === '' ||
          route.path === 'account' ||
          route.canActivate?.length === 1,
      ),
    ).toBe(true);
  });

  /** The shell's pages as the app mounts them, behind a guard that restores the session as `authGuard` does. */
  function signedInAs(roles: ('EXECUTIVE' | 'SALES')[]): Router {
    const home = signedInPages.filter((route) => route.path === '' || route.path === '**');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: '',
            // Restored only once the guard runs, after the router has matched the address.
            canActivate: [
              async () => {
                await Promise.resolve();
                TestBed.inject(AuthStore).setViewer({
                  member: {
                    id: 'm1',
                    email: 'eve@acme.test',
                    name: 'Eve',
                    roles,
                    approver: false,
                    status: 'ACTIVE',
                  },
                  workspace: { id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
                });
                return true;
              },
            ],
            children: [{ path: 'dashboard', children: [] }, { path: 'handovers', children: [] }, ...home],
          },
        ]),
      ],
    });
    return TestBed.inject(Router);
  }

  it('sends an address that names no page home, saying so', async () => {
    const router = signedInAs(['EXECUTIVE']);

    await router.navigateByUrl('/nonexistent/page');

    expect(router.url).toBe('/dashboard');
    expect(TestBed.inject(RedirectNotice).note()).toEqual({
      message: 'There is no page at /nonexistent/page. You are on your home page instead.',
      url: '/dashboard',
    });
  });

  it("opens the site's root on the member's own home page, once the session says whose, without a notice", async () => {
    const router = signedInAs(['SALES']);

    await router.navigateByUrl('/');

    expect(router.url).toBe('/handovers');
    expect(TestBed.inject(RedirectNotice).note()).toBeNull();
    await router.navigateByUrl('/nope');
    expect(router.url).toBe('/handovers');
    expect(TestBed.inject(RedirectNotice).note()?.message).toBe(
      'There is no page at /nope. You are on your home page instead.',
    );
  });

  it('opens every member their own account page, lazily', async () => {
    const account = signedInPages.find((route) => route.path === 'account');

    expect(account?.canActivate).toBeUndefined();
    expect(((await account?.loadComponent?.()) as { name: string }).name).toBe('AccountPage');
  });

  it('shows the placeholder, labelled, for features still to come', () => {
    const imports = FEATURE_ACCESS.find((access) => access.feature === 'IMPORTS')!;

    const route = featureRoute({ ...imports, placeholder: true });

    expect(route.data).toEqual({ label: 'Imports' });
    expect(route.loadComponent).toBeDefined();
    expect(route.loadChildren).toBeUndefined();
  });

  it('loads the agreement feature lazily', () => {
    const agreement = FEATURE_ACCESS.find((access) => access.feature === 'AGREEMENT')!;

    const route = featureRoute(agreement);

    expect(route.loadChildren).toBeDefined();
    expect(route.loadComponent).toBeUndefined();
    expect(route.title).toBe('Lead agreement · Accord');
  });

  it('loads the members feature lazily', () => {
    const members = FEATURE_ACCESS.find((access) => access.feature === 'MEMBERS')!;

    const route = featureRoute(members);

    expect(route.loadChildren).toBeDefined();
    expect(route.title).toBe('Members · Accord');
  });

  it('loads the leads, imports, API keys and webhooks features lazily', () => {
    const lazy = (['LEADS', 'IMPORTS', 'API_KEYS', 'WEBHOOKS'] as const).map((feature) =>
      featureRoute(FEATURE_ACCESS.find((access) => access.feature === feature)!),
    );

    expect(lazy.map((route) => [route.path, route.title, route.loadChildren !== undefined])).toEqual([
      ['leads', 'Leads · Accord', true],
      ['imports', 'Imports · Accord', true],
      ['api-keys', 'API keys · Accord', true],
      ['webhooks', 'Webhooks · Accord', true],
    ]);
  });

  it('loads the handover queue lazily', () => {
    const handovers = FEATURE_ACCESS.find((access) => access.feature === 'HANDOVERS')!;

    const route = featureRoute(handovers);

    expect([route.path, route.title, route.loadChildren !== undefined]).toEqual([
      'handovers',
      'Handover queue · Accord',
      true,
    ]);
  });

  it('loads the funnel dashboard lazily, charts and all', () => {
    const dashboard = FEATURE_ACCESS.find((access) => access.feature === 'DASHBOARD')!;

    const route = featureRoute(dashboard);

    expect([route.path, route.title, route.loadChildren !== undefined]).toEqual([
      'dashboard',
      'Funnel dashboard · Accord',
      true,
    ]);
  });

  it('opens the password reset and confirmation pages signed out, lazily: asking for a link to guests only, the links to anyone', async () => {
    const pages = appRoutes.filter((route) =>
      ['forgot-password', 'reset-password', 'verify-email'].includes(route.path ?? ''),
    );

    expect(
      await Promise.all(
        pages.map(async (route) => [
          route.path,
          route.title,
          route.canActivate?.length ?? 0,
          ((await route.loadComponent?.()) as { name: string }).name,
        ]),
      ),
    ).toEqual([
      ['forgot-password', 'Reset your password · Accord', 1, 'ForgotPasswordPage'],
      ['reset-password', 'Choose a new password · Accord', 0, 'ResetPasswordPage'],
      ['verify-email', 'Confirm your e-mail address · Accord', 0, 'VerifyEmailPage'],
    ]);
  });
});

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen } from '@testing-library/angular';

import type { Role } from '@accord/domain/workspace';
import { AuthStore, featureGuard } from '@accord/web/shared/data-access/session';

import { RedirectNoticeComponent } from './redirect-notice.component';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

async function renderNotice(roles: Role[]) {
  const { fixture } = await render(RedirectNoticeComponent, {
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      provideRouter([
        { path: 'members', component: StubPage, canActivate: [featureGuard('MEMBERS')] },
        { path: '**', component: StubPage },
      ]),
    ],
  });
  TestBed.inject(AuthStore).setViewer({
    member: { id: 'm1', email: 'eve@acme.test', name: 'Eve', roles, approver: false, status: 'ACTIVE' },
    workspace: { id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
  });
  const router = TestBed.inject(Router);
  const go = async (url: string) => {
    await router.navigateByUrl(url);
    await fixture.whenStable();
  };
  return { router, go };
}

describe('RedirectNoticeComponent', () => {
  it('says why a page the member may not open brought them home, on that page only', async () => {
    const { router, go } = await renderNotice(['EXECUTIVE']);

    await go('/members');

    expect(router.url).toBe('/dashboard');
    expect(screen.getByRole('status').textContent?.trim()).toBe(
      'Members is for admins. You are on your home page instead.',
    );
    await go('/agreement');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('goes when dismissed', async () => {
    const { go } = await renderNotice(['EXECUTIVE']);
    await go('/members');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await go('/dashboard');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says nothing to a member the page is open to', async () => {
    const { router, go } = await renderNotice(['ADMIN']);
    await go('/members');
    expect(router.url).toBe('/members');
    expect(screen.queryByRole('status')).toBeNull();
  });
});

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingModule } from 'apollo-angular/testing';

import { Role } from '@accord/domain/workspace';
import { AuthStore } from '@accord/web/shared/data-access';

import { ShellComponent } from './shell.component';

@Component({ selector: 'accord-stub-page', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

async function renderShell(roles: Role[]): Promise<void> {
  localStorage.clear();
  const { fixture } = await render(ShellComponent, {
    imports: [ApolloTestingModule],
    providers: [
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      provideRouter([
        // A page with unsaved work whose member chose to stay on it.
        { path: 'editing', component: StubPage, canDeactivate: [() => false] },
        { path: '**', component: StubPage },
      ]),
    ],
  });
  TestBed.inject(AuthStore).start({
    accessToken: 't',
    expiresAt: '2099-01-01T00:00:00.000Z',
    member: {
      id: 'm1',
      email: 'mo@acme.test',
      name: 'Mo Marketing',
      roles,
      approver: true,
      status: 'ACTIVE',
    },
    workspace: { id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
  });
  await fixture.whenStable();
}

describe('ShellComponent', () => {
  it('shows the workspace, the member and the features their roles open', async () => {
    await renderShell(['MARKETING']);

    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Acme')).toBeTruthy();
    expect(within(banner).getByText('Mo Marketing')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent?.trim()),
    ).toEqual(['Funnel dashboard', 'Lead agreement', 'Leads', 'Imports']);
  });

  it('signs out and returns to the sign-in page', async () => {
    await renderShell(['ADMIN']);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(TestBed.inject(Router).url).toBe('/sign-in'));
    expect(TestBed.inject(AuthStore).token()).toBeNull();
  });

  it('stays signed in when the page asks to stay, so no one reads it signed out', async () => {
    await renderShell(['ADMIN']);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/editing');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(router.url).toBe('/editing');
    expect(TestBed.inject(AuthStore).token()).toBe('t');
  });
});

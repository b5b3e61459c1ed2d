import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { GETTING_STARTED_STORAGE, MembersStore } from '@accord/web/members/data-access';
import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { GettingStartedComponent } from './getting-started.component';

function session(roles: ('ADMIN' | 'MARKETING' | 'SALES')[]) {
  return {
    accessToken: 'token',
    expiresAt: '2099-01-01T00:00:00.000Z',
    member: {
      id: 'olivia-id',
      email: 'olivia@new.test',
      name: 'Olivia Admin',
      roles,
      approver: false,
      status: 'ACTIVE' as const,
    },
    workspace: { id: 'w-new', name: 'New', timeZone: 'UTC', currency: 'USD' },
  };
}

function member(id: string, roles: string[], approver: boolean, status = 'ACTIVE') {
  return {
    __typename: 'Member',
    id,
    name: id,
    email: `${id}@new.test`,
    roles,
    approver,
    status,
    team: null,
    monthlyQuota: null,
    manager: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSignedInAt: null,
  };
}

function progress(statuses: string[], leads: number) {
  return {
    agreementVersions: statuses.map((status, index) => ({
      __typename: 'AgreementVersion',
      id: `v${index}`,
      status,
    })),
    leads: {
      __typename: 'LeadConnection',
      edges: Array.from({ length: leads }, (_, index) => ({
        __typename: 'LeadEdge',
        node: { __typename: 'Lead', id: `l${index}` },
      })),
    },
  };
}

async function renderChecklist(
  roles: ('ADMIN' | 'MARKETING' | 'SALES')[],
  storage: Storage,
  members: ReturnType<typeof member>[] = [member('olivia', ['ADMIN'], false)],
) {
  await render(GettingStartedComponent, {
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([]),
      MembersStore,
      { provide: SESSION_STORAGE, useValue: sessionStorage },
      { provide: GETTING_STARTED_STORAGE, useValue: storage },
    ],
    configureTestBed: () => TestBed.inject(AuthStore).start(session(roles)),
  });
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = TestBed.inject(MembersStore).load();
  apollo.expectOne('Members').flushData({
    members: {
      __typename: 'MemberConnection',
      totalCount: members.length,
      pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
      edges: members.map((node) => ({ __typename: 'MemberEdge', node })),
    },
  });
  await loading;
  return apollo;
}

function stepStates(): string[] {
  const list = screen.getByRole('list');
  return within(list)
    .getAllByRole('listitem')
    .map(
      (item) =>
        `${item.querySelector('.state')?.textContent?.trim()}: ${item.querySelector('.title')?.textContent?.trim()}`,
    );
}

describe('GettingStartedComponent', () => {
  beforeEach(() => localStorage.clear());

  it('shows a new workspace’s admin each step, what is done, and where to take the next', async () => {
    const apollo = await renderChecklist(['ADMIN'], localStorage);
    apollo.expectOne('GettingStarted').flushData(progress(['DRAFT'], 0));

    const section = await screen.findByRole('region', { name: 'Getting started' });
    expect(stepStates()).toEqual([
      'To do: Invite your team',
      'Done: Write the lead agreement',
      'To do: Get it signed and published',
      'To do: Add leads',
    ]);
    expect(within(section).getByText('1 of 4 done')).toBeTruthy();
    expect(
      within(section).getByText(/Still needed: a sales member, a marketing approver and a sales approver\./),
    ).toBeTruthy();
    expect(
      within(section)
        .getAllByRole('link')
        .map((link) => [link.textContent?.trim(), link.getAttribute('href')]),
    ).toEqual([
      ['Lead agreement', '/agreement'],
      ['Import a CSV', '/imports'],
      ['API keys', '/api-keys'],
    ]);
  });

  it('hides when dismissed, and stays hidden in this browser without reading anything', async () => {
    const apollo = await renderChecklist(['ADMIN'], localStorage);
    apollo.expectOne('GettingStarted').flushData(progress([], 0));
    fireEvent.click(await screen.findByRole('button', { name: 'Hide getting started' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull());
    expect(localStorage.getItem('accord.gettingStarted.w-new')).toBe('dismissed');
  });

  it('does not read or show anything once dismissed before', async () => {
    localStorage.setItem('accord.gettingStarted.w-new', 'dismissed');
    const apollo = await renderChecklist(['ADMIN'], localStorage);

    apollo.expectNone('GettingStarted');
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });

  it('disappears for good once every step is done', async () => {
    const apollo = await renderChecklist(['ADMIN'], localStorage, [
      member('olivia', ['ADMIN', 'MARKETING'], true),
      member('sam', ['SALES'], true, 'INVITED'),
    ]);
    apollo.expectOne('GettingStarted').flushData(progress(['PUBLISHED'], 1));

    await waitFor(() => expect(localStorage.getItem('accord.gettingStarted.w-new')).toBe('done'));
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });

  it('is for admins only', async () => {
    const apollo = await renderChecklist(['MARKETING'], localStorage);

    apollo.expectNone('GettingStarted');
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });
});

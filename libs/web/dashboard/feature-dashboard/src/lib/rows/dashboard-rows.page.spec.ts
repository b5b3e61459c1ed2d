import { provideLocationMocks } from '@angular/common/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { fireEvent, screen, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import type { Role } from '@accord/domain/workspace';
import {
  VERSION_4,
  dashboardData,
  dashboardRow,
  rowsAnswer,
} from '@accord/web/dashboard/data-access/testing';
import { AuthStore, CLOCK, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { DashboardRowsPage } from './dashboard-rows.page';

const NOW = new Date('2026-11-25T15:00:00.000Z');

async function openPage(roles: Role[], url: string) {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([{ path: 'dashboard/rows/:metric', component: DashboardRowsPage }]),
      provideLocationMocks(),
      { provide: SESSION_STORAGE, useValue: sessionStorage },
      { provide: CLOCK, useValue: () => NOW },
    ],
  });
  TestBed.inject(AuthStore).setViewer({
    member: { id: 'm1', email: 'm@x.test', name: 'Member', roles, approver: false, status: 'ACTIVE' },
    workspace: { id: 'w1', name: 'Demo', timeZone: 'Europe/Berlin', currency: 'USD' },
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  const apollo = TestBed.inject(ApolloTestingController);
  apollo.expectOne('DashboardMetricNames').flushData(dashboardData());
  return { apollo, harness };
}

async function openRows(roles: Role[], url = '/dashboard/rows/mqls?source=webinar') {
  const { apollo, harness } = await openPage(roles, url);
  const first = apollo.expectOne('DashboardRows');
  first.flushData(
    rowsAnswer(
      [
        dashboardRow(),
        dashboardRow({ leadId: 'l2', leadName: null, email: 'bob@b.test', companyName: null }),
      ],
      true,
    ),
  );
  await screen.findByRole('heading', { level: 1, name: 'Rows behind MQLs' });
  await harness.fixture.whenStable();
  return { apollo, harness, variables: first.operation.variables };
}

describe('DashboardRowsPage', () => {
  it('lists the rows behind the figure for the same filters, linking leads for those who work them', async () => {
    const { variables } = await openRows(['MARKETING']);

    expect(variables).toMatchObject({
      metricKey: 'mqls',
      filter: { source: 'webinar' },
      first: 50,
      after: null,
    });
    expect(screen.getByText(/Leads that became marketing-qualified/)).toBeTruthy();
    const [, ada, bob] = screen.getAllByRole('row');
    expect(within(ada).getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe(
      '/leads/00000000-0000-4000-8000-000000000001',
    );
    expect(within(ada).getByText('3 Nov 2026, 10:30')).toBeTruthy();
    expect(within(ada).getByText('MQL under v4')).toBeTruthy();
    expect(within(bob).getByRole('link', { name: 'bob@b.test' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Dashboard' }).getAttribute('href')).toBe(
      '/dashboard?source=webinar',
    );
  });

  it('says how many rows there are, and what an amount adds up to, as the cards write it', async () => {
    await openRows(['MARKETING']);
    expect(screen.getByText('42 rows')).toBeTruthy();
  });

  it('totals the rows behind an amount', async () => {
    const { apollo, harness } = await openPage(['MARKETING'], '/dashboard/rows/revenue-won');
    apollo.expectOne('DashboardRows').flushData(rowsAnswer([dashboardRow({ detail: 'won 42,200 EUR' })]));
    await harness.fixture.whenStable();

    expect(await screen.findByText('3 rows · 125,000 EUR')).toBeTruthy();
  });

  it('says which filters the rows are cut by, the version by its number', async () => {
    await openRows(['MARKETING'], `/dashboard/rows/mqls?source=webinar&version=${VERSION_4}&team=East`);

    expect(
      screen.getByText(
        /1–30 Nov 2026 · Agreement version: v4 · Source: webinar · Team: East · times shown in/,
      ),
    ).toBeTruthy();
  });

  it('says the rows could not be loaded rather than that there are none', async () => {
    const { apollo, harness } = await openPage(['EXECUTIVE'], '/dashboard/rows/mqls');
    apollo.expectOne('DashboardRows').networkError(new Error('offline'));
    await harness.fixture.whenStable();

    expect(await screen.findByText('The rows could not be loaded.')).toBeTruthy();
    expect(screen.queryByText('No rows behind this figure.')).toBeNull();
  });

  it('shows executives the names without links (lead pages are not theirs) and loads more', async () => {
    const { apollo, harness } = await openRows(['EXECUTIVE']);

    expect(screen.queryByRole('link', { name: 'Ada Lovelace' })).toBeNull();
    expect(screen.getByRole('cell', { name: /^Ada Lovelace/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    const more = apollo.expectOne('DashboardRows');
    expect(more.operation.variables['after']).toBe('c-l2');
    more.flushData(rowsAnswer([dashboardRow({ leadId: 'l3', leadName: 'Cy Clone' })]));
    await screen.findByRole('cell', { name: /^Cy Clone/ });
    await harness.fixture.whenStable();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });
});

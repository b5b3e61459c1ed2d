import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, CLOCK, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { VERSION_4, dashboardAnswer, dashboardData, dashboardRow, rowsAnswer } from '../testing/dashboard';
import { DashboardRowsStore, ROWS_PAGE_SIZE, drillSubject } from './dashboard-rows.store';
import { DEFAULT_SELECTION } from './dashboard-selection';

const NOW = new Date('2026-11-25T15:00:00.000Z');

function setUp() {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [
      DashboardRowsStore,
      { provide: CLOCK, useValue: () => NOW },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
    ],
  });
  TestBed.inject(AuthStore).setViewer({
    member: {
      id: 'eve',
      email: 'e@x.test',
      name: 'Eve',
      roles: ['EXECUTIVE'],
      approver: false,
      status: 'ACTIVE',
    },
    workspace: { id: 'w1', name: 'Demo', timeZone: 'Europe/Berlin', currency: 'USD' },
  });
  return { store: TestBed.inject(DashboardRowsStore), apollo: TestBed.inject(ApolloTestingController) };
}

describe('DashboardRowsStore', () => {
  it('reads the rows behind a metric for the same filter, names it and pages on', async () => {
    const { store, apollo } = setUp();

    const loading = store.load('mqls', { ...DEFAULT_SELECTION, source: 'webinar' });
    apollo.expectOne('DashboardMetricNames').flushData(dashboardData());
    const first = apollo.expectOne('DashboardRows');
    first.flushData(rowsAnswer([dashboardRow()], true));
    await loading;

    expect(first.operation.variables).toEqual({
      metricKey: 'mqls',
      filter: {
        from: '2026-10-31T23:00:00.000Z',
        to: '2026-11-30T23:00:00.000Z',
        granularity: 'WEEK',
        source: 'webinar',
      },
      first: ROWS_PAGE_SIZE,
      after: null,
    });
    expect(store.subject()?.name).toBe('MQLs');

    const more = store.loadMore();
    const next = apollo.expectOne('DashboardRows');
    next.flushData(rowsAnswer([dashboardRow({ leadId: 'l2', leadName: null })]));
    await more;

    expect([
      next.operation.variables['after'],
      store.rows().map((row) => row.leadId),
      store.hasMore(),
    ]).toEqual([
      'c-00000000-0000-4000-8000-000000000001',
      ['00000000-0000-4000-8000-000000000001', 'l2'],
      false,
    ]);
  });

  it('says the dashboard has no figure for an unknown key, not which argument the API refused', async () => {
    const { store, apollo } = setUp();

    const loading = store.load('nope', DEFAULT_SELECTION);
    apollo.expectOne('DashboardMetricNames').flushData(dashboardData());
    apollo.expectOne('DashboardRows').graphqlErrors([
      {
        message: 'metricKey: no metric "nope"',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'metricKey', message: 'not a metric of the dashboard' }],
        },
      },
    ]);
    await loading;

    expect([store.loadError()?.message, store.rows(), store.subject()]).toEqual([
      'The dashboard has no figure called “nope”: open one from the dashboard.',
      [],
      { name: 'nope', definition: null },
    ]);
  });

  it("shows the API's other refusals as it words them", async () => {
    const { store, apollo } = setUp();

    const loading = store.load('mqls', DEFAULT_SELECTION);
    apollo.expectOne('DashboardMetricNames').flushData(dashboardData());
    apollo
      .expectOne('DashboardRows')
      .graphqlErrors([{ message: 'The period is too long.', extensions: { code: 'BAD_USER_INPUT' } }]);
    await loading;

    expect(store.loadError()?.message).toBe('The period is too long.');
  });

  it('leaves out a version the workspace has not published, says so, and lists the rows of every version', async () => {
    const { store, apollo } = setUp();
    const refused = {
      message: 'filter.versionId: not a published version of this workspace',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'filter.versionId', message: 'not a published version of this workspace' }],
      },
    };

    const loading = store.load('mqls', { ...DEFAULT_SELECTION, versionId: VERSION_4 });
    apollo.expectOne('DashboardMetricNames').graphqlErrors([refused]);
    apollo.expectOne('DashboardRows').graphqlErrors([refused]);
    await new Promise((resolve) => setTimeout(resolve));
    apollo.expectOne('DashboardMetricNames').flushData(dashboardData());
    const retried = apollo.expectOne('DashboardRows');
    expect(retried.operation.variables['filter'].versionId).toBeUndefined();
    retried.flushData(rowsAnswer([dashboardRow()]));
    await loading;

    expect([store.selection().versionId, store.notices(), store.loadError(), store.rows().length]).toEqual([
      null,
      ['That version is not published in this workspace; showing all versions.'],
      null,
      1,
    ]);
    expect(store.summary()).toBe('42 rows');
  });
});

describe('drillSubject', () => {
  it('names a metric, a funnel step, or falls back to the key', () => {
    const metrics = dashboardAnswer().outcomes;

    expect([
      drillSubject('revenue-won', metrics),
      drillSubject('funnel-OPPORTUNITY', metrics),
      drillSubject('other', metrics),
    ]).toEqual([
      { name: 'Revenue won', definition: 'Sum of the closing amounts of opportunities won in the period.' },
      { name: 'Funnel: Opportunity', definition: 'Leads that moved into Opportunity in the period.' },
      { name: 'other', definition: null },
    ]);
  });
});

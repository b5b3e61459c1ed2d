import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, CLOCK, SESSION_STORAGE } from '@accord/web/shared/data-access';

import {
  NIA,
  RIA,
  SAM,
  VERSION_4,
  WORKSPACE_CURRENCY,
  colleaguesData,
  dashboardAnswer,
  dashboardData,
} from '../testing/dashboard';
import { DEFAULT_SELECTION } from './dashboard-selection';
import { DashboardStore } from './dashboard.store';

const NOW = new Date('2026-11-25T15:00:00.000Z');

function setUp(sessionTimeZone: string) {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [
      DashboardStore,
      { provide: CLOCK, useValue: () => NOW },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
    ],
  });
  TestBed.inject(AuthStore).setViewer({
    member: {
      id: 'eve',
      email: 'exec@demo.accord.dev',
      name: 'Eve Executive',
      roles: ['EXECUTIVE'],
      approver: false,
      status: 'ACTIVE',
    },
    workspace: { id: 'w1', name: 'Demo', timeZone: sessionTimeZone, currency: 'USD' },
  });
  return { store: TestBed.inject(DashboardStore), apollo: TestBed.inject(ApolloTestingController) };
}

describe('DashboardStore', () => {
  it('reads this month in the workspace calendar and remembers the owners it saw', async () => {
    const { store, apollo } = setUp('Europe/Berlin');

    const loading = store.load({ ...DEFAULT_SELECTION, versionId: VERSION_4 });
    const op = apollo.expectOne('Dashboard');
    op.flushData(dashboardData());
    await loading;

    expect(op.operation.variables).toEqual({
      filter: {
        from: '2026-10-31T23:00:00.000Z',
        to: '2026-11-30T23:00:00.000Z',
        granularity: 'WEEK',
        versionId: VERSION_4,
      },
    });
    expect(store.dashboard()).toMatchObject(dashboardAnswer());
    expect([store.days(), store.owners(), store.loading()]).toEqual([
      { from: '2026-11-01', to: '2026-12-01' },
      [
        { id: RIA, name: 'Ria Rep' },
        { id: SAM, name: 'Sam Sales' },
      ],
      false,
    ]);
  });

  it('offers every active member as an owner, and their teams, once the members are read', async () => {
    const { store, apollo } = setUp('Europe/Berlin');

    const members = store.loadMembers();
    apollo.expectOne('Colleagues').flushData(colleaguesData());
    await members;
    const loading = store.load({ ...DEFAULT_SELECTION, team: 'EMEA' });
    const op = apollo.expectOne('Dashboard');
    op.flushData(dashboardData());
    await loading;

    expect(op.operation.variables['filter']).toMatchObject({ team: 'EMEA' });
    expect(store.owners().map((owner) => owner.id)).toEqual(['eve', NIA, RIA, SAM]);
    expect(store.teams()).toEqual(['DACH', 'EMEA', 'Nordics']);
  });

  it('asks again with the days of the time zone the API names when the session had another', async () => {
    const { store, apollo } = setUp('UTC');

    const loading = store.load(DEFAULT_SELECTION);
    const first = apollo.expectOne('Dashboard');
    expect(first.operation.variables['filter'].from).toBe('2026-11-01T00:00:00.000Z');
    first.flushData(dashboardData());
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    const second = apollo.expectOne('Dashboard');
    second.flushData(dashboardData());
    await loading;

    expect([second.operation.variables['filter'].from, store.timeZone()]).toEqual([
      '2026-10-31T23:00:00.000Z',
      'Europe/Berlin',
    ]);
  });

  it('names the session workspace’s currency until the dashboard names its own', async () => {
    const { store, apollo } = setUp('Europe/Berlin');

    const loading = store.load(DEFAULT_SELECTION);
    const before = store.currency();
    apollo.expectOne('Dashboard').flushData(dashboardData());
    await loading;

    expect([before, store.currency()]).toEqual(['USD', WORKSPACE_CURRENCY]);
  });

  it('keeps the error to show and stops loading', async () => {
    const { store, apollo } = setUp('Europe/Berlin');

    const loading = store.load(DEFAULT_SELECTION);
    apollo
      .expectOne('Dashboard')
      .graphqlErrors([
        { message: 'to: the period may span at most 3 years', extensions: { code: 'BAD_USER_INPUT' } },
      ]);
    await loading;

    expect([store.loadError()?.message, store.loading(), store.dashboard()]).toEqual([
      'to: the period may span at most 3 years',
      false,
      null,
    ]);
  });

  it('leaves out a version the workspace has not published, says so, and shows every version', async () => {
    const { store, apollo } = setUp('Europe/Berlin');

    const loading = store.load({ ...DEFAULT_SELECTION, versionId: VERSION_4, source: 'webinar' }, [
      'From was after To: the dates were swapped.',
    ]);
    const refused = apollo.expectOne('Dashboard');
    expect(refused.operation.variables['filter'].versionId).toBe(VERSION_4);
    refused.graphqlErrors([
      {
        message: 'filter.versionId: not a published version of this workspace',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'filter.versionId', message: 'not a published version of this workspace' }],
        },
      },
    ]);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    const retried = apollo.expectOne('Dashboard');
    expect(retried.operation.variables['filter']).toMatchObject({ source: 'webinar' });
    expect(retried.operation.variables['filter'].versionId).toBeUndefined();
    retried.flushData(dashboardData());
    await loading;

    expect([
      store.selection(),
      store.notices(),
      store.periodNotices(),
      store.loadError(),
      store.dashboard() !== null,
    ]).toEqual([
      { ...DEFAULT_SELECTION, source: 'webinar' },
      ['That version is not published in this workspace; showing all versions.'],
      ['From was after To: the dates were swapped.'],
      null,
      true,
    ]);
  });

  it('says when the filters match nothing in the period', async () => {
    const { store, apollo } = setUp('Europe/Berlin');
    const empty = dashboardAnswer();
    const zero = <T extends { value: number | null; unit: string }>(metric: T) => ({
      ...metric,
      value: metric.unit === 'RATE' || metric.unit === 'DAYS' ? null : 0,
    });

    const loading = store.load(DEFAULT_SELECTION);
    expect(store.empty()).toBe(false);
    apollo.expectOne('Dashboard').flushData(
      dashboardData({
        ...empty,
        outcomes: empty.outcomes.map(zero),
        activities: empty.activities.map(zero),
        funnel: empty.funnel.map((step) => ({ ...step, count: 0 })),
      }),
    );
    await loading;

    expect(store.empty()).toBe(true);
  });

  it('knows a period that has not begun, which has nothing to count yet', async () => {
    const { store, apollo } = setUp('UTC');

    // 30 November – 31 December, read on 25 November.
    const loading = store.load({
      ...DEFAULT_SELECTION,
      period: 'CUSTOM',
      from: '2026-11-30',
      to: '2026-12-31',
    });
    expect(store.begun()).toBe(true);
    apollo.expectOne('Dashboard').flushData(dashboardData(dashboardAnswer({ timeZone: 'UTC' })));
    await loading;
    expect(store.begun()).toBe(false);

    const current = store.load(DEFAULT_SELECTION);
    apollo.expectOne('Dashboard').flushData(dashboardData(dashboardAnswer({ timeZone: 'UTC' })));
    await current;
    expect(store.begun()).toBe(true);
  });

  it('drops the answer of a selection a newer one replaced', async () => {
    const { store, apollo } = setUp('Europe/Berlin');

    const older = store.load(DEFAULT_SELECTION);
    const newer = store.load({ ...DEFAULT_SELECTION, period: 'WEEK' });
    const [first, second] = apollo.match('Dashboard');
    second.flushData(dashboardData(dashboardAnswer({ reps: [] })));
    await newer;
    first.flushData(dashboardData());
    await older;

    expect([store.selection().period, store.dashboard()?.reps]).toEqual(['WEEK', []]);
  });
});

import { provideLocationMocks } from '@angular/common/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import {
  NIA,
  SAM,
  VERSION_3,
  VERSION_4,
  colleaguesData,
  dashboardAnswer,
  dashboardData,
} from '@accord/web/dashboard/data-access/testing';
import { AuthStore, CLOCK, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { DashboardPage } from './dashboard.page';

const NOW = new Date('2026-11-25T15:00:00.000Z');

// jsdom lays nothing out; ngx-charts waits for its host to have a size before it draws.
beforeAll(() => {
  for (const [property, size] of [
    ['offsetWidth', 600],
    ['offsetHeight', 240],
  ] as const)
    Object.defineProperty(HTMLElement.prototype, property, { configurable: true, get: () => size });
});

/** The page at `url`, its members read, its first dashboard query still to answer. */
async function visit(url: string) {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([{ path: 'dashboard', component: DashboardPage }]),
      provideLocationMocks(),
      provideNoopAnimations(),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: SESSION_STORAGE, useValue: sessionStorage },
      { provide: CLOCK, useValue: () => NOW },
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
    workspace: { id: 'w1', name: 'Demo', timeZone: 'Europe/Berlin', currency: 'USD' },
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  const apollo = TestBed.inject(ApolloTestingController);
  apollo.expectOne('Colleagues').flushData(colleaguesData());
  return { apollo, harness };
}

async function openDashboard(url = '/dashboard', answer = dashboardAnswer()) {
  const { apollo, harness } = await visit(url);
  const first = apollo.expectOne('Dashboard');
  first.flushData(dashboardData(answer));
  await screen.findByRole('heading', { level: 2, name: 'Outcomes' });
  await harness.fixture.whenStable();
  return { apollo, harness, variables: first.operation.variables };
}

/** jsdom's Blob has no text(); FileReader reads it. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

function card(name: string): HTMLElement {
  return screen.getByRole('listitem', { name });
}

/** The text a tooltip's (i) button is described by: the definition MatTooltip shows on hover or focus. */
function describedText(button: HTMLElement): string | undefined {
  const id = button.getAttribute('aria-describedby');
  return id ? document.getElementById(id)?.textContent?.trim() : undefined;
}

/** The dashboard with nothing recorded: every count and amount 0, every rate and duration without a value. */
function emptyAnswer() {
  const answer = dashboardAnswer();
  const zero = <T extends { value: number | null; unit: string }>(metric: T) => ({
    ...metric,
    value: metric.unit === 'RATE' || metric.unit === 'DAYS' ? null : 0,
  });
  return {
    ...answer,
    outcomes: answer.outcomes.map(zero),
    activities: answer.activities.map(zero),
    funnel: answer.funnel.map((step) => ({ ...step, count: 0 })),
  };
}

describe('DashboardPage', () => {
  it('leads with the outcomes: value, target, gap in words and colour, definition and rows link', async () => {
    const { variables } = await openDashboard();

    expect(variables).toEqual({
      filter: { from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z', granularity: 'WEEK' },
    });
    expect(screen.getByText('This month: 1–30 Nov 2026 · Europe/Berlin time')).toBeTruthy();
    const outcomes = within(screen.getByRole('list', { name: 'Outcomes' })).getAllByRole('listitem');
    expect(outcomes.map((item) => within(item).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'MQLs',
      'MQL → SAL acceptance rate',
      'Revenue won',
      'Sales cycle (first touch → close)',
    ]);
    const rate = card('MQL → SAL acceptance rate');
    expect(within(rate).getByText('62.5%')).toBeTruthy();
    expect(within(rate).getByText('25 of 40')).toBeTruthy();
    const behind = within(rate).getByText('7.5 pts below target');
    expect(behind.classList.contains('behind')).toBe(true);
    expect(within(rate).getByText('(behind target)')).toBeTruthy();
    expect(
      within(rate).getByText('Handovers accepted by sales ÷ handovers accepted or rejected.'),
    ).toBeTruthy();
    expect(
      within(rate)
        .getByRole('button', { name: 'Definition of MQL → SAL acceptance rate' })
        .getAttribute('aria-describedby'),
    ).toBeTruthy();
    const ahead = within(card('Sales cycle (first touch → close)')).getByText('2 days below target');
    expect(ahead.classList.contains('ahead')).toBe(true);
    // Amounts name the currency the dashboard answered with (the session's said USD): smaller, after the figure.
    const revenue = card('Revenue won');
    const figure = within(revenue).getByText('125,000');
    expect([
      figure.textContent?.replace(/\s+/g, ' ').trim(),
      within(figure).getByText('EUR').classList.contains('currency'),
    ]).toEqual(['125,000 EUR', true]);
    expect(within(revenue).getByText(/^Target 100,000 EUR/)).toBeTruthy();
    expect(within(revenue).getByText('25,000 EUR above target')).toBeTruthy();
    expect(within(card('MQLs')).queryByText('EUR')).toBeNull();
    expect(
      within(card('MQLs')).getByRole('link', { name: 'See rows behind MQLs' }).getAttribute('href'),
    ).toBe('/dashboard/rows/mqls');
  });

  it('measures a running period against the part of its target due by now', async () => {
    const answer = dashboardAnswer();
    answer.outcomes[0] = {
      ...answer.outcomes[0],
      value: 12,
      target: 40,
      targetGap: -28,
      targetToDate: 10,
      paceGap: 2,
    };
    await openDashboard('/dashboard', answer);

    const mqls = card('MQLs');
    expect(within(mqls).getByText(/^Target 40 \(10 due by now\)/)).toBeTruthy();
    const pace = within(mqls).getByText('2 ahead of pace');
    expect(pace.classList.contains('ahead')).toBe(true);
    expect(within(mqls).getByText('(ahead of pace)')).toBeTruthy();
  });

  it('draws the funnel and a trend with ngx-charts, and tables their numbers', async () => {
    await openDashboard();

    const funnel = screen.getByRole('img', { name: /^Funnel: Lead 200, MQL 42, SAL 25/ });
    await waitFor(() => expect(funnel.querySelectorAll('svg .bar').length).toBe(6));
    expect(screen.getByRole('rowheader', { name: 'SAL' }).parentElement?.textContent).toContain('59.5%');
    // A count's target, each week's share of it, is read out with each week and drawn as a dashed second line.
    const trend = screen.getByRole('img', {
      name: /^Trend of MQLs\. 2026-10-26: 6 \(target 1\.3\), 2026-11-02: 9 \(target 9\.3\)/,
    });
    await waitFor(() => expect(trend.querySelectorAll('svg path.line')).toHaveLength(2));
    await waitFor(() =>
      expect(
        Array.from(trend.querySelectorAll('svg path.line')).map((line) =>
          line.getAttribute('stroke-dasharray'),
        ),
      ).toEqual([null, '6 4']),
    );
    expect(
      screen.getByText(/^\s*Target: each week's share of the agreement's target, up to now\s*$/),
    ).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Metric' }), {
      target: { value: 'mql-acceptance-rate' },
    });
    await screen.findByRole('img', { name: /^Trend of MQL → SAL acceptance rate\./ });

    fireEvent.change(screen.getByRole('combobox', { name: 'Metric' }), { target: { value: 'revenue-won' } });
    const amounts = await screen.findByRole('img', {
      name: /^Trend of Revenue won\. 2026-10-26: 6 EUR \(target 1 EUR\), /,
    });
    await waitFor(() => expect(amounts.querySelector('svg .y.axis')?.textContent).toContain(' EUR'));
  });

  it('shows activity second, as diagnostics, with reps by revenue and no one flagged', async () => {
    await openDashboard();

    const diagnostics = screen.getByRole('region', { name: 'Diagnostics — activity' });
    expect(within(diagnostics).getByRole('listitem', { name: 'Calls made' })).toBeTruthy();
    const reps = within(diagnostics).getByRole('table', { name: /pattern to learn from, not a problem/ });
    expect(
      within(reps)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent?.trim()),
    ).toEqual(['Sam Sales', 'Ria Rep']);
    expect(
      within(reps)
        .getAllByRole('columnheader')
        .slice(0, 3)
        .map((cell) => cell.textContent?.replace(/\s*i\s*$/, '').trim()),
    ).toEqual(['Rep', 'Revenue won (EUR)', 'Quota (EUR)']);
    const rejections = screen.getByRole('region', { name: 'Why leads were rejected' });
    expect(within(rejections).getByRole('table', { name: 'By source' }).textContent).toContain('webinar');
    expect(within(rejections).getByRole('table', { name: 'By grade' }).textContent).toContain(
      'Not ready to buy',
    );
    const byCampaign = within(rejections).getByRole('table', { name: 'By campaign' });
    expect(
      within(byCampaign)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent?.trim()),
    ).toEqual(['Autumn launch', 'None given']);
  });

  it('defines the funnel’s conversion and drop-off, and the rep and rejection tables’ columns, on hover', async () => {
    await openDashboard();

    const steps = screen.getByRole('table', { name: 'Funnel steps with conversion and drop-off' });
    expect(describedText(within(steps).getByRole('button', { name: 'Definition of From previous' }))).toMatch(
      /^This step ÷ the step before, as a percentage/,
    );
    expect(describedText(within(steps).getByRole('button', { name: 'Definition of Drop-off' }))).toMatch(
      /^The step before minus this step/,
    );
    const sal = within(steps).getByRole('rowheader', { name: 'SAL' }).parentElement as HTMLElement;
    const [, conversion, dropOff] = within(sal).getAllByRole('cell');
    expect([conversion.textContent?.trim(), conversion.title]).toEqual([
      '59.5%',
      'Moves into SAL ÷ moves into MQL in the period, as a percentage; above 100 % when more entered SAL than ' +
        'MQL (flows in the period, not one cohort).',
    ]);
    expect(dropOff.title).toBe(
      'Moves into MQL minus moves into SAL in the period; negative when more entered SAL than MQL.',
    );

    const reps = screen.getByRole('table', { name: /pattern to learn from, not a problem/ });
    expect(describedText(within(reps).getByRole('button', { name: 'Definition of Revenue won (EUR)' }))).toBe(
      'Sum of the closing amounts of opportunities won in the period. Credited to the opportunity’s owner.',
    );
    expect(within(reps).getAllByRole('button', { name: /^Definition of / })).toHaveLength(10);
    // Ria's quota of 50,000 for the period, half attained; Sam has none set.
    expect(within(reps).getByText('50%').title).toContain('Revenue won ÷ quota');
    expect(within(reps).getByText('50,000').title).toContain('monthly quota');
    expect(within(reps).getByText('200').title).toBe(
      'CALL_MADE activity signals in the period; a diagnostic, never a goal. Credited to the lead’s owner.',
    );

    const byCampaign = screen.getByRole('table', { name: 'By campaign' });
    expect(describedText(within(byCampaign).getByRole('button', { name: 'Definition of Campaign' }))).toBe(
      'The lead’s campaign, as the lead has it now; “None given” when it has none.',
    );
    expect(
      describedText(within(byCampaign).getByRole('button', { name: 'Definition of Not ready to buy' })),
    ).toMatch(/^Handovers sales rejected as “Not ready to buy” in the period/);
    expect(
      within(byCampaign)
        .getByRole('button', { name: 'Definition of Total' })
        .getAttribute('aria-describedby'),
    ).toBeTruthy();
  });

  it('offers every active member as an owner and the members’ teams, and narrows by a team', async () => {
    const { apollo, harness } = await openDashboard();

    const owners = within(screen.getByRole('combobox', { name: 'Owner' }))
      .getAllByRole('option')
      .map((option) => option.textContent?.trim());
    expect(owners).toEqual(['Everyone', 'Eve Executive', 'Nia New', 'Ria Rep', 'Sam Sales']);
    const team = screen.getByRole('combobox', { name: 'Team' });
    expect(
      within(team)
        .getAllByRole('option')
        .map((option) => option.textContent?.trim()),
    ).toEqual(['Every team', 'DACH', 'EMEA', 'Nordics']);

    fireEvent.change(team, { target: { value: 'EMEA' } });
    await harness.fixture.whenStable();
    expect(apollo.expectOne('Dashboard').operation.variables['filter']).toMatchObject({ team: 'EMEA' });
    expect(TestBed.inject(Router).url).toBe('/dashboard?team=EMEA');

    fireEvent.change(screen.getByRole('combobox', { name: 'Owner' }), { target: { value: NIA } });
    await harness.fixture.whenStable();
    expect(apollo.expectOne('Dashboard').operation.variables['filter']).toMatchObject({
      team: 'EMEA',
      ownerId: NIA,
    });
  });

  it('puts a filter change in the URL and reads the dashboard for it', async () => {
    const { apollo, harness } = await openDashboard();

    fireEvent.change(screen.getByRole('combobox', { name: 'Agreement version' }), {
      target: { value: VERSION_3 },
    });
    await harness.fixture.whenStable();
    const reload = apollo.expectOne('Dashboard');
    expect(reload.operation.variables['filter']).toMatchObject({ versionId: VERSION_3 });
    expect(TestBed.inject(Router).url).toBe(`/dashboard?version=${VERSION_3}`);
    reload.flushData(dashboardData());

    await harness.fixture.whenStable();
    fireEvent.change(screen.getByRole('combobox', { name: 'Owner' }), { target: { value: SAM } });
    await harness.fixture.whenStable();
    apollo.expectOne('Dashboard');
    expect(TestBed.inject(Router).url).toBe(`/dashboard?version=${VERSION_3}&owner=${SAM}`);
  });

  it('switches to a custom period starting from the days shown', async () => {
    const { apollo, harness } = await openDashboard('/dashboard?period=quarter');

    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'CUSTOM' } });
    await harness.fixture.whenStable();
    const reload = apollo.expectOne('Dashboard');

    expect([TestBed.inject(Router).url, reload.operation.variables['filter']]).toEqual([
      '/dashboard?period=custom&from=2026-10-01&to=2026-12-31',
      { from: '2026-09-30T22:00:00.000Z', to: '2026-12-31T23:00:00.000Z', granularity: 'MONTH' },
    ]);
  });

  it('offers the segments the API lists, keeps one from the URL it did not, and narrows by it', async () => {
    const { apollo, harness, variables } = await openDashboard(
      '/dashboard?industry=Retail&band=50%E2%80%93199',
    );

    expect(variables['filter']).toMatchObject({ industry: 'Retail', employeeBand: '50–199' });
    const industry = screen.getByRole('combobox', { name: 'Industry' });
    expect(
      within(industry)
        .getAllByRole('option')
        .map((option) => option.textContent?.trim()),
    ).toEqual(['Any industry', 'Retail', 'Manufacturing', 'Software']);
    expect((industry as HTMLSelectElement).value).toBe('Retail');

    fireEvent.change(screen.getByRole('combobox', { name: 'Campaign' }), {
      target: { value: 'Autumn launch' },
    });
    await harness.fixture.whenStable();

    expect(apollo.expectOne('Dashboard').operation.variables['filter']).toMatchObject({
      industry: 'Retail',
      employeeBand: '50–199',
      campaign: 'Autumn launch',
    });
  });

  it('moves a custom period by its dates, in the workspace calendar', async () => {
    const { apollo, harness } = await openDashboard('/dashboard?period=custom&from=2026-11-02&to=2026-11-08');

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-15' } });
    await harness.fixture.whenStable();

    expect(apollo.expectOne('Dashboard').operation.variables['filter']).toEqual({
      from: '2026-11-01T23:00:00.000Z',
      to: '2026-11-15T23:00:00.000Z',
      granularity: 'WEEK',
    });
    expect(TestBed.inject(Router).url).toBe('/dashboard?period=custom&from=2026-11-02&to=2026-11-15');
  });

  it('says why the API refused a selection and shows no numbers for it', async () => {
    const { apollo, harness } = await openDashboard();

    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'webinar' } });
    await harness.fixture.whenStable();
    apollo
      .expectOne('Dashboard')
      .graphqlErrors([{ message: 'filter.source: not allowed', extensions: { code: 'BAD_USER_INPUT' } }]);

    await screen.findByText('filter.source: not allowed');
    await harness.fixture.whenStable();
    expect(screen.queryByRole('heading', { name: 'Outcomes' })).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export CSV' }).disabled).toBe(true);
  });

  it("shows a slice's numbers beside the workspace's targets, without a gap or colour", async () => {
    await openDashboard(
      `/dashboard?owner=${SAM}`,
      dashboardAnswer({
        targetScope: 'WORKSPACE',
        outcomes: dashboardAnswer().outcomes.map((metric) => ({ ...metric, targetGap: null })),
      }),
    );

    const mqls = card('MQLs');
    expect(within(mqls).getByText('Workspace target 40')).toBeTruthy();
    expect(mqls.querySelector('.gap')).toBeNull();
    expect(within(card('Revenue won')).getByText('Workspace target 100,000 EUR')).toBeTruthy();
    expect(screen.getByText(/Targets are the whole workspace's, shown for reference/)).toBeTruthy();
    // An owner filter picks reps; their attainment stands.
    expect(screen.queryByText(/No quota attainment under a segment filter/)).toBeNull();
  });

  it('says that attainment is not measured under a segment filter, and how many wins a median covers', async () => {
    await openDashboard('/dashboard?source=webinar');

    expect(screen.getByText(/No quota attainment under a segment filter/)).toBeTruthy();
    expect(within(card('Sales cycle (first touch → close)')).getByText('median of 3 wins')).toBeTruthy();
  });

  it('leaves out a version the workspace has not published, says so and corrects the URL', async () => {
    const { apollo, harness } = await visit(`/dashboard?version=${VERSION_4}&source=webinar`);
    apollo.expectOne('Dashboard').graphqlErrors([
      {
        message: 'filter.versionId: not a published version of this workspace',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'filter.versionId', message: 'not a published version of this workspace' }],
        },
      },
    ]);
    await waitFor(() => apollo.expectOne('Dashboard').flushData(dashboardData()));
    await screen.findByRole('heading', { level: 2, name: 'Outcomes' });
    await harness.fixture.whenStable();

    expect(
      screen.getByText('That version is not published in this workspace; showing all versions.'),
    ).toBeTruthy();
    expect(screen.queryByText(/filter\.versionId/)).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/dashboard?source=webinar');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export CSV' }).disabled).toBe(false);
    // The corrected URL shows what is on screen: no second query.
    apollo.verify();
  });

  it('says beside the period when it was longer than the dashboard reads, and corrects the URL', async () => {
    const { apollo, harness, variables } = await openDashboard(
      '/dashboard?period=custom&from=2020-01-01&to=2026-10-31',
    );

    expect(variables['filter']).toMatchObject({ from: '2023-10-30T23:00:00.000Z' });
    const notice = screen.getByText('A period spans at most 3 years: From moved to 31 Oct 2023.');
    expect([notice.getAttribute('role'), notice.getAttribute('aria-live')]).toEqual(['status', 'polite']);
    expect(screen.getByLabelText('From').getAttribute('aria-describedby')).toBe(notice.id);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/dashboard?period=custom&from=2023-10-31&to=2026-10-31');
    // The corrected URL keeps what was said.
    expect(notice.textContent?.trim()).toBe('A period spans at most 3 years: From moved to 31 Oct 2023.');
    apollo.verify();
  });

  it('puts reversed days of a custom period in order, and corrects the URL to them', async () => {
    const { apollo, harness, variables } = await openDashboard(
      '/dashboard?period=custom&from=2026-12-10&to=2026-11-01',
    );

    expect(variables['filter']).toMatchObject({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-12-10T23:00:00.000Z',
    });
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/dashboard?period=custom&from=2026-11-01&to=2026-12-10');
    // Said beside the period's fields, not among the page's notices.
    expect(document.querySelectorAll('p.notice')).toHaveLength(0);
    expect(document.getElementById('dashboard-period-notice')?.textContent?.trim()).toBe(
      'From was after To: the dates were swapped.',
    );
    // The corrected URL shows what is on screen: no second query.
    apollo.verify();
  });

  it('says so when the filters match nothing in the period', async () => {
    await openDashboard('/dashboard?campaign=Nothing', emptyAnswer());

    expect(
      screen.getByText(
        'No data for this selection: nothing was recorded in 1–30 Nov 2026 under these filters. Try a longer period or fewer filters.',
      ),
    ).toBeTruthy();
  });

  it('says a period that has not started yet has nothing to show, rather than to try a longer one', async () => {
    // 30 November – 31 December, seen on 25 November.
    await openDashboard('/dashboard?period=custom&from=2026-11-30&to=2026-12-31', emptyAnswer());

    expect(
      screen.getByText(
        'This period has not started yet: nothing can have been recorded in 30 Nov – 31 Dec 2026.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Try a longer period/)).toBeNull();
  });

  it('exports the view as CSV in the browser', async () => {
    await openDashboard('/dashboard?source=webinar');
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    URL.revokeObjectURL = jest.fn();
    const clicks: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(clicks).toEqual(['accord-dashboard-2026-11-01-to-2026-11-30.csv']);
    expect(blobs[0].type).toBe('text/csv;charset=utf-8');
    // The reader drops the byte-order mark the file starts with.
    const text = await readText(blobs[0]);
    expect(text.split('\r\n').slice(0, 8)).toEqual([
      'From,2026-10-31T23:00:00.000Z',
      'To,2026-11-30T23:00:00.000Z',
      'Time zone,Europe/Berlin',
      'Currency,EUR',
      'First day,2026-11-01',
      'Last day,2026-11-30',
      'Period,This month',
      'Trend step,By week',
    ]);
    expect(text).toContain('Source,webinar');
    expect(text).toContain('\r\nRep,Revenue won (EUR),Quota (EUR),Attainment (%),');
    expect(text).toContain(`"'=HYPERLINK(""x"")",Works for a competitor,1`);
  });
});

import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { sessionFor } from '@accord/web/handovers/data-access/testing';
import { leadAnswer, leadDetail, leadDetailAnswer, leadFields } from '@accord/web/leads/data-access/testing';
import { AuthStore, CLOCK } from '@accord/web/shared/data-access';

import { leadsRoutes } from './leads.routes';

const ID = '00000000-0000-4000-8000-000000000001';

function leadsPage(nodes: ReturnType<typeof leadFields>[], hasNextPage = false) {
  return {
    leads: {
      __typename: 'LeadConnection',
      totalCount: nodes.length + (hasNextPage ? 1 : 0),
      pageInfo: { __typename: 'PageInfo', endCursor: hasNextPage ? 'c1' : null, hasNextPage },
      edges: nodes.map((node) => ({ __typename: 'LeadEdge', node: leadAnswer(node) })),
    },
  };
}

const noRun = { scoringStatus: { __typename: 'ScoringStatus', scoredVersionNumber: 1, latestRun: null } };

/** Opens a page; with a time zone, as a marketer of a workspace on it, at the clock's time. */
async function open(url: string, workspace?: { timeZone: string; now: Date }) {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([{ path: 'leads', children: leadsRoutes }]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ...(workspace ? [{ provide: CLOCK, useValue: () => workspace.now }] : []),
    ],
  });
  if (workspace) {
    const { member, workspace: settings } = sessionFor(
      'mia',
      'Mia Marketing',
      ['MARKETING'],
      false,
      workspace.timeZone,
    );
    TestBed.inject(AuthStore).setViewer({ member, workspace: settings });
  }
  const harness = await RouterTestingHarness.create(url);
  return { harness, apollo: TestBed.inject(ApolloTestingController), router: TestBed.inject(Router) };
}

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('leads list', () => {
  it('loads the filters from the URL and puts a new filter back into it', async () => {
    const { harness, apollo, router } = await open('/leads?grade=A&sort=INTENT');
    apollo.expectOne('ScoringStatus').flushData(noRun);
    const first = apollo.expectOne('Leads');
    expect(first.operation.variables).toMatchObject({ filter: { grade: 'A' }, sort: 'INTENT', after: null });
    first.flushData(leadsPage([leadFields()]));
    harness.detectChanges();
    await screen.findByRole('link', { name: 'Ada Lovelace' });
    expect(screen.getByText('Showing 1 of 1 lead')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Temperature'), { target: { value: 'HOT' } });
    await waitFor(() => expect(router.url).toBe('/leads?grade=A&temperature=HOT&sort=INTENT'));
    const second = apollo.expectOne('Leads');
    expect(second.operation.variables).toMatchObject({ filter: { grade: 'A', temperature: 'HOT' } });
  });

  it('says the list could not be loaded rather than that nothing matches', async () => {
    const { harness, apollo } = await open('/leads');
    apollo.expectOne('ScoringStatus').flushData(noRun);
    apollo.expectOne('Leads').networkError(new Error('offline'));
    await flushed();
    harness.detectChanges();

    expect(await screen.findByText('The leads could not be loaded.')).toBeTruthy();
    expect(screen.queryByText('No leads match these filters.')).toBeNull();
    expect(screen.queryByText(/^Showing/)).toBeNull();
  });

  it('says a workspace has no leads yet, and how a marketer adds some, when no filter is set', async () => {
    const { harness, apollo } = await open('/leads?sort=NEWEST', { timeZone: 'UTC', now: new Date() });
    apollo.expectOne('ScoringStatus').flushData(noRun);
    apollo.expectOne('Leads').flushData(leadsPage([]));
    await flushed();
    harness.detectChanges();

    await screen.findByText('No leads yet.');
    expect(screen.getByRole('link', { name: 'Import a CSV' }).getAttribute('href')).toBe('/imports');
    // Marketing may not create API keys: only admins are pointed there.
    expect(screen.queryByRole('link', { name: 'Create an API key' })).toBeNull();
    expect(
      screen
        .getByText(/Add one by hand with/)
        .textContent?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('Add one by hand with New lead.');
    expect(screen.queryByText('No leads match these filters.')).toBeNull();
  });

  it('says nothing matches when a filter is set', async () => {
    const { harness, apollo } = await open('/leads?q=nobody');
    apollo.expectOne('ScoringStatus').flushData(noRun);
    apollo.expectOne('Leads').flushData(leadsPage([]));
    await flushed();
    harness.detectChanges();

    expect(await screen.findByText('No leads match these filters.')).toBeTruthy();
    expect(screen.queryByText('No leads yet.')).toBeNull();
  });

  it('shows the progress of a running rescore', async () => {
    const { harness, apollo } = await open('/leads');
    apollo.expectOne('Leads').flushData(leadsPage([]));
    apollo.expectOne('ScoringStatus').flushData({
      scoringStatus: {
        __typename: 'ScoringStatus',
        scoredVersionNumber: 1,
        latestRun: {
          __typename: 'RescoreRun',
          id: 'r1',
          status: 'RUNNING',
          processed: 20,
          total: 40,
          versionNumber: 2,
          startedAt: '2026-11-25T09:00:00.000Z',
          finishedAt: null,
          error: null,
        },
      },
    });
    harness.detectChanges();

    const banner = await screen.findByRole('status', { name: 'Rescore progress' });
    expect(banner.textContent).toContain('Rescoring under v2: 20 of 40 leads (50%).');
  });

  it("shows the API's field problems beside the fields of a new lead", async () => {
    const { harness, apollo } = await open('/leads');
    apollo.expectOne('Leads').flushData(leadsPage([]));
    apollo.expectOne('ScoringStatus').flushData(noRun);
    harness.detectChanges();

    fireEvent.click(await screen.findByRole('button', { name: 'New lead' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText('E-mail'), { target: { value: 'ada@acme' } });
    fireEvent.input(within(dialog).getByLabelText('Country'), { target: { value: 'D1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create lead' }));
    const create = apollo.expectOne('CreateLead');
    expect(create.operation.variables['input']).toMatchObject({ email: 'ada@acme', country: 'D1' });
    create.graphqlErrors([
      {
        message: 'email: must be an e-mail address; country: must be a two-letter ISO country code',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'email', message: 'must be an e-mail address' },
            { field: 'country', message: 'must be a two-letter ISO country code' },
          ],
        },
      },
    ]);

    await within(dialog).findByText('Must be an e-mail address.');
    expect(within(dialog).getByText('Must be a two-letter ISO country code.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Country').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('lead page', () => {
  it('shows the explanation, the signal timeline and the stage history, and records a signal', async () => {
    const { harness, apollo } = await open(`/leads/${ID}`);
    apollo.expectOne('Lead').flushData(leadDetailAnswer());
    harness.detectChanges();

    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(screen.getByLabelText('Explanation summary').textContent).toContain(
      '+20 200–1,000 employees · −30 Personal e-mail address',
    );
    const timeline = screen.getByRole('list', { name: 'Signal timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((item) => Array.from(item.children).map((part) => part.textContent?.trim())),
    ).toEqual([
      ['24 Nov 2026, 09:00', 'Call made', 'Activity'],
      ['22 Nov 2026, 09:00', 'Podcast listened', 'Not scored', 'via rss'],
      ['20 Nov 2026, 09:00', 'Pricing page visit', 'Intent', 'via web'],
    ]);

    fireEvent.change(screen.getByLabelText('Signal type'), { target: { value: 'DEMO_REQUEST' } });
    fireEvent.change(screen.getByLabelText('When'), { target: { value: '2026-11-25T09:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record signal' }));
    const record = apollo.expectOne('RecordSignal');
    expect(record.operation.variables['input']).toEqual({
      leadId: ID,
      type: 'DEMO_REQUEST',
      occurredAt: '2026-11-25T09:30:00.000Z',
      source: null,
    });
    record.flushData({
      recordSignal: {
        __typename: 'IngestResult',
        stored: 1,
        duplicates: 0,
        refused: 0,
        unmatched: 0,
        items: [{ __typename: 'IngestItem', status: 'STORED', problems: null }],
      },
    });
    await flushed();
    const demo = {
      externalId: 's4',
      type: 'DEMO_REQUEST',
      occurredAt: '2026-11-25T09:30:00.000Z',
      source: 'web app',
    };
    apollo
      .expectOne('Lead')
      .flushData(leadDetailAnswer({ ...leadDetail(), signals: [demo, ...leadDetail().signals] }));

    await screen.findByText('Demo request recorded.');
    expect(within(timeline).getAllByRole('listitem')[0].textContent).toContain('Demo request');
  });

  it("shows and takes the page's times in the workspace's zone, naming it once per section", async () => {
    const { harness, apollo } = await open(`/leads/${ID}`, {
      timeZone: 'Europe/Berlin',
      now: new Date('2026-11-25T08:40:00.000Z'),
    });
    apollo.expectOne('Lead').flushData(leadDetailAnswer());
    harness.detectChanges();

    await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' });
    expect(screen.getByText('Scored under').nextElementSibling?.textContent?.trim()).toBe(
      'v1, 24 Nov 2026, 10:00 Europe/Berlin',
    );
    const signals = screen.getByRole('region', { name: 'Signals' });
    expect(within(signals).getByText('Times in Europe/Berlin')).toBeTruthy();
    expect(within(signals).getByText('Time in Europe/Berlin')).toBeTruthy();
    expect(
      within(within(signals).getByRole('list', { name: 'Signal timeline' }))
        .getAllByRole('listitem')
        .map((item) => item.querySelector('time')?.textContent?.trim()),
    ).toEqual(['24 Nov 2026, 10:00', '22 Nov 2026, 10:00', '20 Nov 2026, 10:00']);
    const stages = within(screen.getByRole('region', { name: 'Stage history' }));
    expect(stages.getByRole('columnheader', { name: 'When (Europe/Berlin)' })).toBeTruthy();
    expect(
      stages
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0].textContent?.trim()),
    ).toEqual(['20 Nov 2026, 11:00', '1 Nov 2026, 09:00']);
    // Why, in words: scoring's terse cell ("scored B/HOT: MQL") is read out.
    expect(
      stages
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[2].textContent?.trim()),
    ).toEqual(['Scored fit B, hot intent: MQL', 'Created']);

    // "When" starts at now on Berlin's clock, and 02:30 on the night the clocks go back is the first of the two.
    const when = within(signals).getByLabelText<HTMLInputElement>('When');
    expect(when.value).toBe('2026-11-25T09:40');
    fireEvent.change(when, { target: { value: '2026-10-25T02:30' } });
    fireEvent.click(within(signals).getByRole('button', { name: 'Record signal' }));
    expect(apollo.expectOne('RecordSignal').operation.variables['input']).toMatchObject({
      occurredAt: '2026-10-25T00:30:00.000Z',
    });
  });

  it("shows sales the lead's fields in words and grouped digits, not as codes", async () => {
    const { harness, apollo } = await open(`/leads/${ID}`);
    const lead = leadFields({ seniority: 'C_LEVEL', employeeCount: 12000, annualRevenue: 900000000 });
    apollo.expectOne('Lead').flushData(leadDetailAnswer({ ...leadDetail(), lead }));
    harness.detectChanges();

    const section = await screen.findByRole('region', { name: 'Contact and company' });
    expect(
      within(section)
        .getAllByRole('term')
        .map((term) => [term.textContent?.trim(), term.nextElementSibling?.textContent?.trim()]),
    ).toEqual([
      ['Job title', 'VP Operations'],
      ['Seniority', 'C-level'],
      ['Department', 'Operations'],
      ['Company domain', 'acme.test'],
      ['Employees', '12,000'],
      ['Annual revenue', '900,000,000'],
      ['Industry', 'Software'],
      ['Country', 'DE'],
      ['Technologies', 'Salesforce, HubSpot'],
      ['Source', 'website'],
      ['Campaign', '—'],
    ]);
  });

  it('keeps Record signal focusable while the signal is recorded, and ignores clicks until done', async () => {
    const { harness, apollo } = await open(`/leads/${ID}`);
    apollo.expectOne('Lead').flushData(leadDetailAnswer());
    harness.detectChanges();

    const record = await screen.findByRole<HTMLButtonElement>('button', { name: 'Record signal' });
    record.focus();
    fireEvent.click(record);
    await flushed();
    harness.detectChanges();
    fireEvent.click(record);

    expect([
      record.disabled,
      record.getAttribute('aria-disabled'),
      document.activeElement === record,
    ]).toEqual([false, 'true', true]);
    apollo.expectOne('RecordSignal');
  });
});

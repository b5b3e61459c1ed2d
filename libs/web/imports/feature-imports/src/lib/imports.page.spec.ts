import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, type Viewer } from '@accord/web/shared/data-access';

import { ImportsPage } from './imports.page';

const FIELDS = [
  { __typename: 'ImportFieldInfo', key: 'email', label: 'E-mail', type: 'email', required: true, values: [] },
  {
    __typename: 'ImportFieldInfo',
    key: 'seniority',
    label: 'Seniority',
    type: 'enum',
    required: false,
    values: ['VP', 'DIRECTOR'],
  },
  {
    __typename: 'ImportFieldInfo',
    key: 'annualRevenue',
    label: 'Annual revenue',
    type: 'amount',
    required: false,
    values: [],
  },
];

const PREVIEW = {
  headers: ['Email', 'Level'],
  proposals: [],
  mapping: { columns: ['email', 'seniority'], values: {}, dateOrder: null, defaultCurrency: 'USD' },
  savedMappingUsed: false,
  encoding: 'UTF-8',
  sampleRows: [['ana@acme.com', 'Chief Banana']],
  values: [{ field: 'seniority', header: 'Level', value: 'Chief Banana', mappedTo: null }],
  problems: [],
};

const OUTCOME = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'LEADS',
  dryRun: true,
  status: 'DONE',
  rows: 1,
  created: 1,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  refused: 0,
  cleaned: 0,
  reportLines: 0,
  refusedRowsKept: 0,
  error: null,
};

/** The page with no past imports and the leads' fields loaded: ready for a file. */
async function renderReady(): Promise<ApolloTestingController> {
  await render(ImportsPage, {
    imports: [ApolloTestingModule],
    providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  });
  const apollo = TestBed.inject(ApolloTestingController);
  apollo.expectOne('Imports').flushData({ imports: [] });
  apollo.expectOne('ImportFieldList').flushData({ importFields: FIELDS });
  return apollo;
}

describe('ImportsPage', () => {
  const viewer = (roles: Viewer['member']['roles']): Viewer => ({
    member: { id: 'm1', email: 'ada@acme.com', name: 'Ada', roles, approver: false, status: 'ACTIVE' },
    workspace: { id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
  });

  it.each([
    [['ADMIN'], ['Leads & contacts', 'Accounts', 'Opportunities', 'Activities & signals', 'Sales reps']],
    [['MARKETING'], ['Leads & contacts', 'Accounts', 'Opportunities', 'Activities & signals']],
  ] as const)('offers %j the kinds they may import', async (roles, kinds) => {
    await render(ImportsPage, {
      imports: [ApolloTestingModule],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
      configureTestBed: () => TestBed.inject(AuthStore).setViewer(viewer([...roles])),
    });
    const group = screen.getByRole('radiogroup', { name: 'Kind of import' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((toggle) => toggle.textContent?.trim()),
    ).toEqual(kinds);
  });

  const requests: { url: string; init: RequestInit }[] = [];

  beforeEach(() => {
    requests.length = 0;
    global.fetch = jest.fn((url: string, init: RequestInit) => {
      requests.push({ url, init });
      const body = url.includes('/preview') ? PREVIEW : OUTCOME;
      return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) } as Response);
    }) as unknown as typeof fetch;
  });

  it('previews a file, lets the person map an unknown value, and dry-runs with that mapping', async () => {
    const apollo = await renderReady();

    const file = new File(['Email,Level\nana@acme.com,Chief Banana\n'], 'crm.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const value = await screen.findByRole('combobox', { name: 'Value for Chief Banana' });
    expect(requests[0].url).toBe('/api/v1/imports/leads/preview');
    // Accord's seniorities in the words the lead pages use; the mapping records the value itself.
    expect(
      within(value)
        .getAllByRole('option')
        .map((option) => [option.textContent?.trim(), (option as HTMLOptionElement).value]),
    ).toEqual([
      ['— refuse the row —', ''],
      ['VP', 'VP'],
      ['Director', 'DIRECTOR'],
    ]);
    // Leads have an amount (annual revenue) to give a currency, and here no date to order.
    expect(screen.getByRole('textbox', { name: 'Currency of amounts without one' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Dates such as 03/04/2025' })).toBeNull();

    fireEvent.change(value, { target: { value: 'VP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1].url).toBe(
      '/api/v1/imports/leads?dryRun=true&saveMapping=false&fileName=crm.csv&handovers=skip',
    );
    const header = (requests[1].init.headers as Record<string, string>)['X-Import-Mapping'];
    expect(header.startsWith('%7B')).toBe(true);
    expect(JSON.parse(decodeURIComponent(header))).toEqual({
      columns: ['email', 'seniority'],
      values: { seniority: { 'Chief Banana': 'VP' } },
      dateOrder: null,
      defaultCurrency: 'USD',
    });
    await waitFor(() =>
      apollo.expectOne('ImportReport').flushData({ importReport: { lines: [], next: null } }),
    );
    expect((await screen.findByTestId('import-counts')).textContent).toContain('1 created');
  });

  it('offers the refused rows of a run as a file to fix, only when some were refused', async () => {
    const apollo = await renderReady();
    const refusedOne = { ...OUTCOME, created: 0, refused: 1, refusedRowsKept: 1 };
    global.fetch = jest.fn((url: string, init: RequestInit) => {
      requests.push({ url, init });
      if (url.endsWith('/refused.csv'))
        return Promise.resolve({
          ok: true,
          status: 200,
          headers: new Headers({ 'content-disposition': 'attachment; filename="crm-refused.csv"' }),
          blob: () => Promise.resolve(new Blob(['Email,Refused because\r\n'])),
        } as Response);
      const body = url.includes('/preview') ? PREVIEW : refusedOne;
      return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) } as Response);
    }) as unknown as typeof fetch;
    URL.createObjectURL = jest.fn(() => 'blob:refused');
    URL.revokeObjectURL = jest.fn();
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    const file = new File(['Email,Level\nana@acme.com,Chief Banana\n'], 'crm.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await screen.findByRole('combobox', { name: 'Value for Chief Banana' });
    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() =>
      apollo.expectOne('ImportReport').flushData({ importReport: { lines: [], next: null } }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Download the refused rows to fix (CSV)' }));
    await waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(requests.at(-1)?.url).toBe(`/api/v1/imports/${OUTCOME.id}/refused.csv`);
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toBe('crm-refused.csv');
    clicked.mockRestore();
  });

  it('offers no refused rows file when none were refused', async () => {
    const apollo = await renderReady();
    const file = new File(['Email,Level\nana@acme.com,Chief Banana\n'], 'crm.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await screen.findByRole('combobox', { name: 'Value for Chief Banana' });
    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() =>
      apollo.expectOne('ImportReport').flushData({ importReport: { lines: [], next: null } }),
    );
    await screen.findByRole('button', { name: 'Download the report (CSV)' });
    expect(screen.queryByRole('button', { name: /refused rows/ })).toBeNull();
  });

  it('keeps the fields of the kind on screen when the kind left answers last', async () => {
    const apollo = await renderReady();
    const file = new File(['Email,Level\nana@acme.com,Chief Banana\n'], 'crm.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    await screen.findByRole('combobox', { name: 'Field for Email' });

    fireEvent.click(screen.getByRole('radio', { name: 'Accounts' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Leads & contacts' }));
    // The leads' fields come from the cache at once; the accounts' answer arrives after them.
    const [accounts] = apollo.match('ImportFieldList');
    expect(accounts.operation.variables).toEqual({ kind: 'ACCOUNTS' });
    await new Promise((resolve) => setTimeout(resolve));
    accounts.flushData({
      importFields: [
        {
          __typename: 'ImportFieldInfo',
          key: 'domain',
          label: 'Domain',
          type: 'domain',
          required: false,
          values: [],
        },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve));
    const options = within(await screen.findByRole('combobox', { name: 'Field for Email' })).getAllByRole(
      'option',
    );
    expect(options.map((option) => option.textContent?.trim())).toEqual([
      '— leave out —',
      'E-mail *',
      'Seniority',
      'Annual revenue',
    ]);
  });

  it('says which encoding a file that is not UTF-8 was read in', async () => {
    global.fetch = jest.fn(() =>
      Promise.resolve({
        ok: true,
        status: 200,
        json: () => Promise.resolve({ ...PREVIEW, encoding: 'WINDOWS-1252' }),
      } as Response),
    );
    await renderReady();

    const file = new File(['Email,Level\n'], 'excel.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });

    expect(await screen.findByText(/read as Windows-1252, as Excel on Windows saves CSV/)).toBeTruthy();
  });

  it('asks for the values to map and the problems again when a column is mapped by hand', async () => {
    const unmapped = {
      ...PREVIEW,
      mapping: { ...PREVIEW.mapping, columns: ['email', null] },
      values: [],
      problems: [{ field: 'seniority', message: 'map a column to Seniority' }],
    };
    global.fetch = jest.fn((url: string, init: RequestInit) => {
      requests.push({ url, init });
      const mapped = (init.headers as Record<string, string>)['X-Import-Mapping'] !== undefined;
      return Promise.resolve({
        ok: true,
        status: 200,
        json: () => Promise.resolve(mapped ? { ...PREVIEW, problems: [] } : unmapped),
      } as Response);
    }) as unknown as typeof fetch;
    await renderReady();

    const file = new File(['Email,Level\nana@acme.com,Chief Banana\n'], 'crm.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    expect(await screen.findByText('map a column to Seniority')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Value for Chief Banana' })).toBeNull();
    // The API would refuse the file whole: neither run is offered until the mapping is complete.
    const runs = () =>
      ['Dry run', 'Import'].map((name) => screen.getByRole<HTMLButtonElement>('button', { name }).disabled);
    expect(runs()).toEqual([true, true]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Field for Level' }), {
      target: { value: 'seniority' },
    });
    expect(await screen.findByRole('combobox', { name: 'Value for Chief Banana' })).toBeTruthy();
    expect(screen.queryByText('map a column to Seniority')).toBeNull();
    expect(runs()).toEqual([false, false]);
    expect(requests.map((request) => request.url)).toEqual([
      '/api/v1/imports/leads/preview',
      '/api/v1/imports/leads/preview',
    ]);
    const header = (requests[1].init.headers as Record<string, string>)['X-Import-Mapping'];
    expect(JSON.parse(decodeURIComponent(header))).toMatchObject({ columns: ['email', 'seniority'] });
  });

  it("offers the signal types for an activities file's own type names, and imports with the one chosen", async () => {
    const signals = {
      ...PREVIEW,
      headers: ['Email', 'Type'],
      mapping: { ...PREVIEW.mapping, columns: ['leadEmail', 'type'] },
      sampleRows: [['ana@acme.com', 'Web Visit']],
      values: [
        { field: 'type', header: 'Type', value: 'Web Visit', mappedTo: null },
        { field: 'type', header: 'Type', value: 'Webinar', mappedTo: 'WEBINAR_ATTENDED' },
      ],
    };
    global.fetch = jest.fn((url: string, init: RequestInit) => {
      requests.push({ url, init });
      const body = url.includes('/preview') ? signals : { ...OUTCOME, kind: 'SIGNALS' };
      return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) } as Response);
    }) as unknown as typeof fetch;
    const apollo = await renderReady();
    fireEvent.click(screen.getByRole('radio', { name: 'Activities & signals' }));
    // What importFields(kind: SIGNALS) answers for the type: the standard intent types and the activity types.
    const types = ['PRICING_PAGE_VISIT', 'WEBINAR_ATTENDED', 'EMAIL_SENT', 'CALL_MADE', 'MEETING_BOOKED'];
    await waitFor(() =>
      apollo.expectOne('ImportFieldList').flushData({
        importFields: [
          {
            __typename: 'ImportFieldInfo',
            key: 'leadEmail',
            label: 'Lead e-mail',
            type: 'email',
            required: false,
            values: [],
          },
          {
            __typename: 'ImportFieldInfo',
            key: 'type',
            label: 'Type',
            type: 'enum',
            required: true,
            values: types,
          },
        ],
      }),
    );

    const file = new File(['Email,Type\nana@acme.com,Web Visit\n'], 'activities.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const unknown = await screen.findByRole('combobox', { name: 'Value for Web Visit' });
    // The types in words, each option still carrying the type itself as its value.
    const words = ['Pricing page visit', 'Webinar attended', 'E-mail sent', 'Call made', 'Meeting booked'];
    expect(
      within(unknown)
        .getAllByRole('option')
        .map((option) => option.textContent?.trim()),
    ).toEqual(['— refuse the row —', ...words]);
    expect(
      within(unknown)
        .getAllByRole('option')
        .map((option) => (option as HTMLOptionElement).value),
    ).toEqual(['', ...types]);
    const proposed = screen.getByRole('combobox', { name: 'Value for Webinar' });
    expect(
      within(proposed)
        .getAllByRole('option')
        .map((option) => option.textContent?.trim()),
    ).toEqual(['Webinar attended (proposed)', ...words.filter((word) => word !== 'Webinar attended')]);
    // Activities of this file have no amount or date columns to ask about.
    expect(screen.queryByRole('textbox', { name: 'Currency of amounts without one' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Dates such as 03/04/2025' })).toBeNull();

    fireEvent.change(unknown, { target: { value: 'PRICING_PAGE_VISIT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1].url).toBe(
      '/api/v1/imports/signals?dryRun=true&saveMapping=false&fileName=activities.csv',
    );
    const header = (requests[1].init.headers as Record<string, string>)['X-Import-Mapping'];
    expect(JSON.parse(decodeURIComponent(header))).toMatchObject({
      values: { type: { 'Web Visit': 'PRICING_PAGE_VISIT' } },
    });
  });

  it('hands imported MQLs over only when asked, and offers it for leads and accounts only', async () => {
    const apollo = await renderReady();

    const file = new File(['Email,Level\nana@acme.com,VP\n'], 'crm.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const handOver = await screen.findByRole('checkbox', { name: /Hand the leads this makes MQLs over/ });
    expect((handOver as HTMLInputElement).checked).toBe(false);
    fireEvent.click(handOver);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests[1].url).toBe(
      '/api/v1/imports/leads?dryRun=false&saveMapping=true&fileName=crm.csv&handovers=open',
    );
    await waitFor(() =>
      apollo.expectOne('ImportReport').flushData({ importReport: { lines: [], next: null } }),
    );

    fireEvent.click(screen.getByRole('radio', { name: 'Opportunities' }));
    await waitFor(() => apollo.expectOne('ImportFieldList').flushData({ importFields: FIELDS }));
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(screen.queryByRole('checkbox', { name: /Hand the leads/ })).toBeNull();
  });
  it("lists past imports, newest first, in words and the workspace's time zone, named once", async () => {
    const berlin = viewer(['MARKETING']);
    await render(ImportsPage, {
      imports: [ApolloTestingModule],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
      configureTestBed: () =>
        TestBed.inject(AuthStore).setViewer({
          ...berlin,
          workspace: { ...berlin.workspace, timeZone: 'Europe/Berlin' },
        }),
    });
    const apollo = TestBed.inject(ApolloTestingController);
    const past = {
      __typename: 'Import',
      ...OUTCOME,
      created: 4,
      updated: 3,
      unchanged: 5,
      skipped: 2,
      refused: 1,
      refusedRowsKept: 1,
      rows: 15,
      fileName: 'crm.csv',
      headers: ['Email'],
      startedAt: '2026-11-27T08:05:09.000Z',
      finishedAt: '2026-11-27T08:05:10.000Z',
    };
    const failed = {
      ...past,
      id: 'failed-import',
      fileName: null,
      status: 'FAILED',
      rows: 0,
      error: 'The file is empty: it needs a header row.',
    };
    apollo.expectOne('Imports').flushData({ imports: [past, failed] });
    apollo.expectOne('ImportFieldList').flushData({ importFields: FIELDS });

    const table = await screen.findByRole('table', { name: 'Past imports' });
    // A failed import says why, and an upload that named no file says so.
    const failedRow = await within(table).findByRole('row', { name: /No file name/ });
    expect(within(failedRow).getByText('The file is empty: it needs a header row.')).toBeTruthy();
    const row = await within(table).findByRole('row', { name: /crm\.csv/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent?.trim()),
    ).toEqual([
      'Started (Europe/Berlin)',
      'Kind',
      'File',
      'Run',
      'Rows',
      'Created',
      'Updated',
      'Unchanged',
      'Skipped',
      'Refused',
      'Status',
    ]);
    // The start is the row's header, which stays in view while the counts scroll.
    expect(within(row).getByRole('rowheader').textContent?.trim()).toBe('27 Nov 2026, 09:05');
    expect(
      Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      '27 Nov 2026, 09:05',
      'Leads & contacts',
      // The file's downloads under its name.
      'crm.csv Report Refused rows',
      'Dry run',
      '15',
      '4',
      '3',
      '5',
      '2',
      '1',
      'Done',
    ]);
  });

  it('says when past imports cannot be read instead of showing an empty history', async () => {
    await render(ImportsPage, {
      imports: [ApolloTestingModule],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const apollo = TestBed.inject(ApolloTestingController);
    apollo
      .expectOne('Imports')
      .graphqlErrors([{ message: 'Imports are unavailable.', extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
    apollo.expectOne('ImportFieldList').flushData({ importFields: FIELDS });

    const empty = await screen.findByText('Past imports could not be loaded.');
    // The message spans the whole table, however many columns it has.
    const table = screen.getByRole('table', { name: 'Past imports' });
    expect(empty.closest('td')?.colSpan).toBe(within(table).getAllByRole('columnheader').length);
    expect(screen.getByRole('alert').textContent?.trim()).not.toBe('');
    expect(screen.queryByText('No imports yet.')).toBeNull();
  });

  describe('while a preview is on its way', () => {
    /** Preview requests held until the test answers them, in the order it chooses. */
    const pending: { url: string; answer: (preview: object) => void }[] = [];
    const OTHER = { ...PREVIEW, headers: ['Mail', 'Rank'], sampleRows: [['bo@acme.com', 'VP']], values: [] };

    beforeEach(() => {
      pending.length = 0;
      global.fetch = jest.fn((url: string, init: RequestInit) => {
        requests.push({ url, init });
        if (!url.includes('/preview'))
          return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(OUTCOME) } as Response);
        return new Promise<Response>((resolve) =>
          pending.push({
            url,
            answer: (preview) =>
              resolve({ ok: true, status: 200, json: () => Promise.resolve(preview) } as Response),
          }),
        );
      }) as unknown as typeof fetch;
    });

    function choose(file: File): void {
      fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    }

    const first = new File(['Email,Level\nana@acme.com,Chief Banana\n'], 'first.csv', { type: 'text/csv' });
    const second = new File(['Mail,Rank\nbo@acme.com,VP\n'], 'second.csv', { type: 'text/csv' });

    it('shows only the latest file’s preview, and lets nothing be imported until it arrives', async () => {
      await renderReady();
      choose(first);
      choose(second);
      await waitFor(() => expect(pending).toHaveLength(2));

      // The first file's answer arrives first: it is not shown, and the page still waits.
      pending[0].answer(PREVIEW);
      await new Promise((resolve) => setTimeout(resolve));
      expect(screen.queryByText('Email')).toBeNull();
      expect(screen.getByRole('progressbar', { name: 'Working' })).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();

      pending[1].answer({ ...OTHER, mapping: { ...OTHER.mapping, columns: ['email', null] } });
      const importButton = await screen.findByRole('button', { name: 'Import' });
      expect(screen.getByText('Mail')).toBeTruthy();
      expect(screen.queryByRole('progressbar', { name: 'Working' })).toBeNull();

      fireEvent.click(importButton);
      await waitFor(() => expect(requests).toHaveLength(3));
      expect(requests[2].url).toContain('fileName=second.csv');
      const header = (requests[2].init.headers as Record<string, string>)['X-Import-Mapping'];
      expect(JSON.parse(decodeURIComponent(header))).toMatchObject({ columns: ['email', null] });
    });

    it('drops a late answer for the file chosen before, or for the kind chosen before', async () => {
      const apollo = await renderReady();
      choose(first);
      choose(second);
      await waitFor(() => expect(pending).toHaveLength(2));
      pending[1].answer(OTHER);
      expect(await screen.findByText('Mail')).toBeTruthy();
      pending[0].answer(PREVIEW);
      await new Promise((resolve) => setTimeout(resolve));
      expect([screen.queryByText('Email'), screen.getByText('Mail')]).toEqual([null, expect.anything()]);

      fireEvent.click(screen.getByRole('radio', { name: 'Accounts' }));
      await waitFor(() => expect(pending).toHaveLength(3));
      expect(pending[2].url).toBe('/api/v1/imports/accounts/preview');
      fireEvent.click(screen.getByRole('radio', { name: 'Leads & contacts' }));
      await waitFor(() => expect(pending).toHaveLength(4));
      // The accounts preview answers last: the leads preview, asked for after it, is the one shown.
      pending[3].answer(OTHER);
      expect(await screen.findByText('Mail')).toBeTruthy();
      pending[2].answer(PREVIEW);
      await new Promise((resolve) => setTimeout(resolve));
      expect(screen.queryByText('Email')).toBeNull();
      apollo.match('ImportFieldList').forEach((request) => request.flushData({ importFields: FIELDS }));
    });
  });
});

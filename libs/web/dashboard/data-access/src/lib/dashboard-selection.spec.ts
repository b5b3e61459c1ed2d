import {
  DEFAULT_SELECTION,
  type DashboardSelection,
  MAX_CUSTOM_DAYS,
  effectiveGranularity,
  emptyNotice,
  periodBegun,
  periodLabel,
  readSelection,
  selectionDays,
  selectionFromParams,
  selectionParams,
  toDashboardFilter,
} from './dashboard-selection';

const VERSION = '00000000-0000-4000-8000-0000000000b4';
const OWNER = '00000000-0000-4000-8000-0000000000a3';
/** Thursday 26 November 2026, 00:30 in Berlin (still Wednesday the 25th in UTC). */
const NOW = new Date('2026-11-25T23:30:00.000Z');

function selection(overrides: Partial<DashboardSelection>): DashboardSelection {
  return { ...DEFAULT_SELECTION, ...overrides };
}

describe('selectionFromParams', () => {
  it('reads every filter from the URL', () => {
    expect(
      selectionFromParams({
        period: 'custom',
        from: '2026-09-01',
        to: '2026-11-30',
        by: 'month',
        version: VERSION,
        industry: ' Software ',
        band: '200–999',
        country: 'DE',
        source: 'webinar',
        campaign: 'Autumn launch',
        owner: OWNER,
        team: ' EMEA ',
      }),
    ).toEqual({
      period: 'CUSTOM',
      from: '2026-09-01',
      to: '2026-11-30',
      granularity: 'MONTH',
      versionId: VERSION,
      industry: 'Software',
      employeeBand: '200–999',
      country: 'DE',
      source: 'webinar',
      campaign: 'Autumn launch',
      ownerId: OWNER,
      team: 'EMEA',
    });
    expect(selectionFromParams({ team: 'x'.repeat(150) }).team).toBe('x'.repeat(100));
  });

  it('drops what the API would refuse and falls back to this month', () => {
    expect(
      selectionFromParams({
        period: 'custom',
        from: '2026-02-30',
        to: '2026-03-10',
        by: 'day',
        version: 'v4',
        band: '12',
        owner: 'sam',
        industry: '   ',
        team: ' ',
      }),
    ).toEqual(DEFAULT_SELECTION);
  });

  it('puts reversed days in order and cuts a span longer than the API reads to its latest days', () => {
    expect(selectionFromParams({ period: 'custom', from: '2026-11-30', to: '2026-11-01' })).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
    });
    const long = selectionFromParams({ period: 'custom', from: '2016-01-01', to: '2026-11-30' });
    expect(selectionDays(long, NOW, 'UTC')).toEqual({ from: '2023-11-30', to: '2026-12-01' });
    expect(MAX_CUSTOM_DAYS).toBe(1097);
  });

  it('says when it shortened a period, and to what, so that the page can tell and correct its URL', () => {
    const long = readSelection({ period: 'custom', from: '2020-01-01', to: '2026-10-31' });
    expect(long.periodNotices).toEqual(['A period spans at most 3 years: From moved to 31 Oct 2023.']);
    expect(selectionParams(long.selection)).toMatchObject({ from: '2023-10-31', to: '2026-10-31' });
    expect(readSelection({ period: 'custom', from: '2023-10-31', to: '2026-10-31' }).periodNotices).toEqual(
      [],
    );
  });

  it("says when it could not read the link's period or days, and shows this month", () => {
    expect(readSelection({ period: 'bogus' }).periodNotices).toEqual([
      '"bogus" is not a period the dashboard knows: this month is shown instead.',
    ]);
    expect(readSelection({ period: 'custom', from: '2026-02-30', to: '2026-03-10' })).toEqual({
      selection: DEFAULT_SELECTION,
      periodNotices: [
        'A custom period needs two real days, From and To (the link had "2026-02-30" and "2026-03-10"): this month is shown instead.',
      ],
    });
    expect(readSelection({ period: 'custom', to: '2026-03-10' }).periodNotices[0]).toContain(
      '(the link had none and "2026-03-10")',
    );
    expect(readSelection({ period: 'x'.repeat(200) }).periodNotices[0]).toBe(
      `"${'x'.repeat(29)}…" is not a period the dashboard knows: this month is shown instead.`,
    );
    // A period in another case, or none, is read without a word.
    expect([readSelection({ period: 'Week' }), readSelection({})].map((read) => read.periodNotices)).toEqual([
      [],
      [],
    ]);
  });

  it('says when it put reversed days in order, rather than swapping them without a word', () => {
    const reversed = readSelection({ period: 'custom', from: '2026-12-10', to: '2026-11-01' });
    expect(reversed.periodNotices).toEqual(['From was after To: the dates were swapped.']);
    expect(selectionParams(reversed.selection)).toMatchObject({ from: '2026-11-01', to: '2026-12-10' });
    expect(readSelection({ period: 'custom', from: '2026-11-01', to: '2026-12-10' }).periodNotices).toEqual(
      [],
    );
    expect(readSelection({ period: 'custom', from: '2026-11-01', to: '2026-11-01' }).periodNotices).toEqual(
      [],
    );
    // Both at once: reversed, and longer than 3 years once in order.
    expect(readSelection({ period: 'custom', from: '2026-10-31', to: '2020-01-01' }).periodNotices).toEqual([
      'From was after To: the dates were swapped.',
      'A period spans at most 3 years: From moved to 31 Oct 2023.',
    ]);
  });

  it('says a period that has not begun has nothing to show, and otherwise where nothing was recorded', () => {
    const ahead = selection({ period: 'CUSTOM', from: '2026-11-30', to: '2026-12-31' });
    const days = { from: '2026-11-30', to: '2027-01-01' };
    const filter = toDashboardFilter(ahead, NOW, 'UTC');
    expect([
      periodBegun(filter, NOW),
      periodBegun(filter, new Date(filter.from)),
      periodBegun(filter, new Date('2026-11-30T00:00:01Z')),
    ]).toEqual([false, false, true]);
    expect(emptyNotice(ahead, days, false)).toBe(
      'This period has not started yet: nothing can have been recorded in 30 Nov – 31 Dec 2026.',
    );
    expect(emptyNotice({ ...ahead, source: 'webinar' }, days, true)).toBe(
      'No data for this selection: nothing was recorded in 30 Nov – 31 Dec 2026 under these filters. ' +
        'Try a longer period or fewer filters.',
    );
    expect(emptyNotice(DEFAULT_SELECTION, null, true)).toBe(
      'No data for this selection: nothing was recorded in this period. Try a longer period or fewer filters.',
    );
  });

  it('round-trips through the URL, leaving the defaults out', () => {
    const chosen = selection({
      period: 'QUARTER',
      granularity: 'WEEK',
      versionId: VERSION,
      ownerId: OWNER,
      team: 'EMEA',
    });

    const params = selectionParams(chosen);

    expect(params).toEqual({
      period: 'quarter',
      from: null,
      to: null,
      by: 'week',
      version: VERSION,
      industry: null,
      band: null,
      country: null,
      source: null,
      campaign: null,
      owner: OWNER,
      team: 'EMEA',
    });
    const present = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null));
    expect(selectionFromParams(present as Record<string, string>)).toEqual(chosen);
    expect(Object.values(selectionParams(DEFAULT_SELECTION)).every((value) => value === null)).toBe(true);
  });
});

describe('selectionDays', () => {
  it('finds this week (from Monday), month and quarter in the workspace calendar, not in UTC', () => {
    expect(selectionDays(selection({ period: 'WEEK' }), NOW, 'Europe/Berlin')).toEqual({
      from: '2026-11-23',
      to: '2026-11-30',
    });
    expect(
      selectionDays(selection({ period: 'MONTH' }), new Date('2026-11-30T23:30:00.000Z'), 'Europe/Berlin'),
    ).toEqual({
      from: '2026-12-01',
      to: '2027-01-01',
    });
    expect(
      selectionDays(selection({ period: 'MONTH' }), new Date('2026-11-30T23:30:00.000Z'), 'UTC'),
    ).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(selectionDays(selection({ period: 'QUARTER' }), NOW, 'America/New_York')).toEqual({
      from: '2026-10-01',
      to: '2027-01-01',
    });
  });

  it('finds last month and last quarter in the workspace calendar', () => {
    expect(selectionDays(selection({ period: 'LAST_MONTH' }), NOW, 'Europe/Berlin')).toEqual({
      from: '2026-10-01',
      to: '2026-11-01',
    });
    // Just past midnight on 1 January in Berlin, last quarter is the one that has just ended.
    expect(
      selectionDays(
        selection({ period: 'LAST_QUARTER' }),
        new Date('2026-12-31T23:30:00.000Z'),
        'Europe/Berlin',
      ),
    ).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(selectionFromParams({ period: 'last_quarter' }).period).toBe('LAST_QUARTER');
    expect(selectionParams(selection({ period: 'LAST_MONTH' })).period).toBe('last_month');
  });

  it('includes the last custom day', () => {
    expect(
      selectionDays(selection({ period: 'CUSTOM', from: '2026-11-02', to: '2026-11-08' }), NOW, 'UTC'),
    ).toEqual({ from: '2026-11-02', to: '2026-11-09' });
  });
});

describe('toDashboardFilter', () => {
  it('sends the local midnights as instants, the natural step, and only the filters set', () => {
    expect(
      toDashboardFilter(
        selection({ source: 'webinar', versionId: VERSION, team: 'EMEA' }),
        NOW,
        'Europe/Berlin',
      ),
    ).toEqual({
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-30T23:00:00.000Z',
      granularity: 'WEEK',
      versionId: VERSION,
      source: 'webinar',
      team: 'EMEA',
    });
  });

  it('crosses a daylight-saving change at local midnight', () => {
    const filter = toDashboardFilter(
      selection({ period: 'CUSTOM', from: '2026-03-01', to: '2026-03-31', granularity: 'QUARTER' }),
      NOW,
      'Europe/Berlin',
    );

    expect(filter).toEqual({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
      granularity: 'QUARTER',
    });
  });
});

describe('effectiveGranularity', () => {
  it('steps by week up to about two months and by month beyond, unless chosen', () => {
    expect(effectiveGranularity(DEFAULT_SELECTION, { from: '2026-10-01', to: '2027-01-01' })).toBe('MONTH');
    expect(effectiveGranularity(DEFAULT_SELECTION, { from: '2026-11-01', to: '2026-12-01' })).toBe('WEEK');
    expect(
      effectiveGranularity(selection({ granularity: 'QUARTER' }), { from: '2026-11-01', to: '2026-12-01' }),
    ).toBe('QUARTER');
  });
});

describe('periodLabel', () => {
  it('names the days shown, the last one included', () => {
    expect(periodLabel({ from: '2026-11-01', to: '2026-12-01' })).toBe('1–30 Nov 2026');
    expect(periodLabel({ from: '2026-10-01', to: '2027-01-01' })).toBe('1 Oct – 31 Dec 2026');
    expect(periodLabel({ from: '2026-12-01', to: '2027-02-01' })).toBe('1 Dec 2026 – 31 Jan 2027');
    expect(periodLabel({ from: '2026-11-26', to: '2026-11-27' })).toBe('26 Nov 2026');
  });
});

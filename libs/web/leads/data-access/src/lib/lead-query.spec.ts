import {
  DEFAULT_LEAD_QUERY,
  NO_OWNER,
  leadQueryFromParams,
  leadQueryParams,
  toLeadsFilter,
} from './lead-query';

const OWNER = '00000000-0000-4000-8000-0000000000a3';

describe('leadQueryFromParams', () => {
  it('reads every filter and the sort from the URL', () => {
    expect(
      leadQueryFromParams({
        grade: 'A',
        temperature: 'HOT',
        stage: 'MQL',
        owner: OWNER,
        q: ' acme ',
        sort: 'INTENT',
      }),
    ).toEqual({
      grade: 'A',
      temperature: 'HOT',
      stage: 'MQL',
      ownerId: OWNER,
      search: 'acme',
      sort: 'INTENT',
    });
  });

  it('ignores values the API would refuse and falls back to sorting by fit', () => {
    expect(
      leadQueryFromParams({
        grade: 'E',
        temperature: 'hot',
        stage: 'CUSTOMER',
        owner: 'me',
        q: '  ',
        sort: 'NAME',
      }),
    ).toEqual(DEFAULT_LEAD_QUERY);
  });
});

describe('leadQueryParams', () => {
  it('writes only what narrows or reorders the list, so it reads back the same', () => {
    const query = { ...DEFAULT_LEAD_QUERY, grade: 'A' as const, sort: 'INTENT' as const };

    const params = leadQueryParams(query);

    expect(params).toEqual({
      grade: 'A',
      temperature: null,
      stage: null,
      owner: null,
      q: null,
      sort: 'INTENT',
    });
    const present = Object.fromEntries(
      Object.entries(params).flatMap(([key, value]) => (value === null ? [] : [[key, value]])),
    );
    expect(leadQueryFromParams(present)).toEqual(query);
  });

  it('leaves the default sort out of the URL', () => {
    expect(leadQueryParams(DEFAULT_LEAD_QUERY).sort).toBeNull();
  });
});

describe('toLeadsFilter', () => {
  it('is null when nothing narrows the list', () => {
    expect(toLeadsFilter({ ...DEFAULT_LEAD_QUERY, sort: 'NEWEST' })).toBeNull();
  });

  it('holds only the chosen filters', () => {
    expect(toLeadsFilter({ ...DEFAULT_LEAD_QUERY, grade: 'B', ownerId: OWNER })).toEqual({
      grade: 'B',
      ownerId: OWNER,
    });
  });

  it('asks for the leads no one owns when the owner is "none", as the URL writes it', () => {
    const query = leadQueryFromParams({ owner: 'none' });
    expect(query.ownerId).toBe(NO_OWNER);
    expect(leadQueryParams(query).owner).toBe('none');
    expect(toLeadsFilter(query)).toEqual({ unassigned: true });
  });
});

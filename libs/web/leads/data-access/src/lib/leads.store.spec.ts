import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { leadAnswer, leadFields } from '../testing/leads';
import { LeadOwnersStore } from './lead-owners.store';
import { DEFAULT_LEAD_QUERY } from './lead-query';
import { LEADS_PAGE_SIZE, LeadsStore } from './leads.store';

function node(id: string, firstName: string) {
  return leadAnswer(leadFields({ id, firstName, lastName: null }));
}

function page(nodes: ReturnType<typeof node>[], endCursor: string | null, hasNextPage: boolean) {
  return {
    leads: {
      __typename: 'LeadConnection',
      totalCount: 3,
      pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
      edges: nodes.map((entry) => ({ __typename: 'LeadEdge', node: entry })),
    },
  };
}

function setUp() {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [LeadsStore, LeadOwnersStore],
  });
  return { store: TestBed.inject(LeadsStore), apollo: TestBed.inject(ApolloTestingController) };
}

describe('LeadsStore', () => {
  it("sends the query's filter and sort, then appends the next page after the cursor", async () => {
    const { store, apollo } = setUp();

    const loading = store.load({ ...DEFAULT_LEAD_QUERY, grade: 'A', sort: 'INTENT' });
    const first = apollo.expectOne('Leads');
    expect(first.operation.variables).toEqual({
      filter: { grade: 'A' },
      sort: 'INTENT',
      first: LEADS_PAGE_SIZE,
      after: null,
    });
    first.flushData(page([node('l1', 'Ada'), node('l2', 'Bo')], 'c2', true));
    await loading;
    expect([store.rows().map((row) => row.name), store.hasMore(), store.totalCount()]).toEqual([
      ['Ada', 'Bo'],
      true,
      3,
    ]);

    const more = store.loadMore();
    const second = apollo.expectOne('Leads');
    expect(second.operation.variables).toEqual({
      filter: { grade: 'A' },
      sort: 'INTENT',
      first: LEADS_PAGE_SIZE,
      after: 'c2',
    });
    second.flushData(page([node('l3', 'Cy')], null, false));
    await more;

    expect([store.rows().map((row) => row.name), store.hasMore(), store.loading()]).toEqual([
      ['Ada', 'Bo', 'Cy'],
      false,
      false,
    ]);
  });

  it('drops the answer of a query that a newer one replaced', async () => {
    const { store, apollo } = setUp();

    const stale = store.load(DEFAULT_LEAD_QUERY);
    const fresh = store.load({ ...DEFAULT_LEAD_QUERY, grade: 'B' });
    const [staleCall, freshCall] = apollo.match('Leads');
    freshCall.flushData(page([node('l2', 'Bo')], null, false));
    await fresh;
    staleCall.flushData(page([node('l1', 'Ada')], null, false));
    await stale;

    expect(store.rows().map((row) => row.name)).toEqual(['Bo']);
    expect(store.query().grade).toBe('B');
  });

  it('keeps the error when the list cannot be loaded', async () => {
    const { store, apollo } = setUp();

    const loading = store.load(DEFAULT_LEAD_QUERY);
    apollo.expectOne('Leads').graphqlErrors([{ message: 'Not allowed.', extensions: { code: 'FORBIDDEN' } }]);
    await loading;

    expect([store.loadError(), store.rows(), store.loading()]).toEqual([
      { code: 'FORBIDDEN', message: 'Not allowed.', fields: [] },
      [],
      false,
    ]);
  });

  it("answers a refused new lead with the API's field problems", async () => {
    const { store, apollo } = setUp();

    const creating = store.create({ email: 'nope' });
    apollo.expectOne('CreateLead').graphqlErrors([
      {
        message: 'email: must be an e-mail address',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'email', message: 'must be an e-mail address' }],
        },
      },
    ]);

    expect(await creating).toEqual({
      ok: false,
      error: {
        code: 'BAD_USER_INPUT',
        message: 'email: must be an e-mail address',
        fields: [{ field: 'email', message: 'must be an e-mail address' }],
      },
    });
  });
});

import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore } from '@accord/web/shared/data-access';

import { MEMBERS_PAGE_SIZE, MembersStore } from './members.store';

function node(id: string, name: string) {
  return {
    __typename: 'Member',
    id,
    name,
    email: `${id}@acme.test`,
    roles: ['SALES'],
    approver: false,
    status: 'ACTIVE',
    team: null,
    monthlyQuota: null,
    manager: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastSignedInAt: null,
  };
}

function page(nodes: ReturnType<typeof node>[], endCursor: string | null, hasNextPage: boolean) {
  return {
    members: {
      __typename: 'MemberConnection',
      totalCount: 3,
      pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
      edges: nodes.map((entry) => ({ __typename: 'MemberEdge', node: entry })),
    },
  };
}

function setUp() {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [MembersStore] });
  return { store: TestBed.inject(MembersStore), apollo: TestBed.inject(ApolloTestingController) };
}

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('MembersStore', () => {
  it('follows the cursor until every page is loaded', async () => {
    const { store, apollo } = setUp();

    const loading = store.load();
    const first = apollo.expectOne('Members');
    expect(first.operation.variables).toEqual({ first: MEMBERS_PAGE_SIZE, after: null });
    first.flushData(page([node('b', 'Bo'), node('c', 'Cy')], 'cursor-2', true));
    await flushed();
    const second = apollo.expectOne('Members');
    expect(second.operation.variables).toEqual({ first: MEMBERS_PAGE_SIZE, after: 'cursor-2' });
    second.flushData(page([node('a', 'Al')], 'cursor-3', false));
    await loading;

    expect(store.rows().map((row) => row.name)).toEqual(['Al', 'Bo', 'Cy']);
    expect(store.loading()).toBe(false);
    expect(store.loadError()).toBeNull();
  });

  it('keeps the error when the list cannot be loaded', async () => {
    const { store, apollo } = setUp();

    const loading = store.load();
    apollo
      .expectOne('Members')
      .graphqlErrors([{ message: 'Only admins can do this.', extensions: { code: 'FORBIDDEN' } }]);
    await loading;

    expect(store.loadError()).toEqual({ code: 'FORBIDDEN', message: 'Only admins can do this.', fields: [] });
    expect(store.rows()).toEqual([]);
  });

  it("brings the session's roles up to date when an admin edits their own", async () => {
    const { store, apollo } = setUp();
    const auth = TestBed.inject(AuthStore);
    auth.start({
      accessToken: 't',
      expiresAt: '2099-01-01T00:00:00.000Z',
      member: {
        id: 'a',
        email: 'a@acme.test',
        name: 'Al',
        roles: ['ADMIN', 'SALES'],
        approver: false,
        status: 'ACTIVE',
      },
      workspace: { id: 'w1', name: 'Acme', timeZone: 'UTC', currency: 'USD' },
    });

    const updating = store.update({ memberId: 'a', roles: ['SALES'], approver: true });
    apollo.expectOne('UpdateMember').flushData({ updateMember: { ...node('a', 'Al'), approver: true } });
    await updating;
    expect([auth.roles(), auth.member()?.approver]).toEqual([['SALES'], true]);

    const other = store.update({ memberId: 'b', roles: ['MARKETING'], approver: false });
    apollo
      .expectOne('UpdateMember')
      .flushData({ updateMember: { ...node('b', 'Bo'), roles: ['MARKETING'] } });
    await other;
    expect(auth.member()?.name).toBe('Al');
  });
});

import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { sessionFor } from '../testing/handovers';
import { SalesMembersStore } from './sales-members.store';

function member(id: string, name: string, roles: string[], status = 'ACTIVE') {
  return {
    __typename: 'Member',
    id,
    email: `${id}@demo.test`,
    name,
    roles,
    approver: false,
    status,
    createdAt: '2026-11-01T08:00:00.000Z',
    lastSignedInAt: null,
  };
}

function setUp(session: ReturnType<typeof sessionFor>) {
  TestBed.configureTestingModule({
    imports: [ApolloTestingModule],
    providers: [SalesMembersStore, { provide: SESSION_STORAGE, useValue: sessionStorage }],
  });
  TestBed.inject(AuthStore).start(session);
  return { store: TestBed.inject(SalesMembersStore), apollo: TestBed.inject(ApolloTestingController) };
}

describe('SalesMembersStore', () => {
  it("lists an admin's active sales members", async () => {
    const { store, apollo } = setUp(sessionFor('ann', 'Ann Admin', ['ADMIN'], false));

    const loading = store.load();
    apollo.expectOne('Members').flushData({
      members: {
        __typename: 'MemberConnection',
        edges: [
          member('sam', 'Sam Sales', ['SALES']),
          member('mia', 'Mia Marketing', ['MARKETING']),
          member('old', 'Olga Old', ['SALES'], 'DEACTIVATED'),
          member('ria', 'Ria Rep', ['SALES']),
        ].map((node) => ({ __typename: 'MemberEdge', node })),
        pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
        totalCount: 4,
      },
    });
    await loading;

    expect(store.candidates([])).toEqual([
      { id: 'ria', name: 'Ria Rep' },
      { id: 'sam', name: 'Sam Sales' },
    ]);
  });

  it('offers a sales manager who may not list members the owners seen and themselves', async () => {
    const { store, apollo } = setUp(sessionFor('sam', 'Sam Sales', ['SALES'], true));

    await store.load();
    apollo.expectNone('Members');

    expect(
      store.candidates([{ id: 'ria', name: 'Ria Rep' }, null, { id: 'sam', name: 'Sam Sales' }]),
    ).toEqual([
      { id: 'ria', name: 'Ria Rep' },
      { id: 'sam', name: 'Sam Sales' },
    ]);
  });
});

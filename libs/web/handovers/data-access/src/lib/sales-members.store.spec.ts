import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore, SESSION_STORAGE } from '@accord/web/shared/data-access';

import { sessionFor } from '../testing/handovers';
import { SalesMembersStore } from './sales-members.store';

function colleague(id: string, name: string, roles: string[], status = 'ACTIVE') {
  return { __typename: 'Colleague', id, name, roles, team: null, status };
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
  it('lists the active sales members to a sales manager, from the colleagues every role may read', async () => {
    const { store, apollo } = setUp(sessionFor('sam', 'Sam Sales', ['SALES'], true));

    const loading = store.load();
    apollo.expectOne('Colleagues').flushData({
      colleagues: [
        colleague('mia', 'Mia Marketing', ['MARKETING']),
        colleague('old', 'Olga Old', ['SALES'], 'DEACTIVATED'),
        colleague('ria', 'Ria Rep', ['SALES']),
        colleague('sam', 'Sam Sales', ['SALES']),
      ],
    });
    await loading;

    expect(store.candidates([{ id: 'zed', name: 'Zed Seen' }])).toEqual([
      { id: 'ria', name: 'Ria Rep' },
      { id: 'sam', name: 'Sam Sales' },
    ]);
  });

  it('offers the owners seen and oneself until the colleagues are read, or when they cannot be', async () => {
    const { store, apollo } = setUp(sessionFor('sam', 'Sam Sales', ['SALES'], true));

    const loading = store.load();
    expect(
      store.candidates([{ id: 'ria', name: 'Ria Rep' }, null, { id: 'sam', name: 'Sam Sales' }]),
    ).toEqual([
      { id: 'ria', name: 'Ria Rep' },
      { id: 'sam', name: 'Sam Sales' },
    ]);
    apollo.expectOne('Colleagues').networkError(new Error('offline'));
    await loading;

    expect(store.candidates([{ id: 'ria', name: 'Ria Rep' }])).toEqual([
      { id: 'ria', name: 'Ria Rep' },
      { id: 'sam', name: 'Sam Sales' },
    ]);
  });
});

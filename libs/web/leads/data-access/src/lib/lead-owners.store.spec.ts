import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { AuthStore } from '@accord/web/shared/data-access';

import { LeadOwnersStore } from './lead-owners.store';

const colleague = (id: string, name: string, status: string) => ({
  __typename: 'Colleague',
  id,
  name,
  roles: ['SALES'],
  team: null,
  status,
});

describe('LeadOwnersStore', () => {
  it('offers the leads filter every possible owner, invited and deactivated ones named so', async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        LeadOwnersStore,
        { provide: AuthStore, useValue: { member: signal({ id: 'sam', name: 'Sam Sales' }) } },
      ],
    });
    const store = TestBed.inject(LeadOwnersStore);
    const loading = store.load();
    TestBed.inject(ApolloTestingController)
      .expectOne('Colleagues')
      .flushData({
        colleagues: [
          colleague('ada', 'Ada Admin', 'ACTIVE'),
          colleague('sam', 'Sam Sales', 'ACTIVE'),
          colleague('dana', 'Dana Dealmaker', 'INVITED'),
          colleague('gus', 'Gus Gone', 'DEACTIVATED'),
        ],
      });
    await loading;

    // Leads are given to active members only, oneself first; they are filtered by anyone who may own one.
    expect(store.owners().map((owner) => owner.name)).toEqual(['Sam Sales', 'Ada Admin']);
    expect(store.filterable().map((owner) => owner.name)).toEqual([
      'Sam Sales',
      'Ada Admin',
      'Dana Dealmaker (invited)',
      'Gus Gone (deactivated)',
    ]);
  });
});

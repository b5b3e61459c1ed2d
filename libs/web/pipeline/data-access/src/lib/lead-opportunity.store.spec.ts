import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { LEAD_ID, opportunitiesAnswer, opportunity, opportunityAnswer } from '../testing/pipeline';
import { LeadOpportunityStore } from './lead-opportunity.store';

async function flushed(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function loaded(answer = opportunitiesAnswer()) {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [LeadOpportunityStore] });
  const store = TestBed.inject(LeadOpportunityStore);
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = store.load(LEAD_ID);
  apollo.expectOne('LeadOpportunities').flushData(answer);
  await loading;
  return { store, apollo };
}

describe('LeadOpportunityStore', () => {
  it('loads the lead’s opportunity', async () => {
    const { store } = await loaded();

    expect(store.opportunity()).toMatchObject({ id: 'o1', stage: 'DEMO', amount: 25000 });
    expect(store.loadError()).toBeNull();
  });

  it('prefers the open opportunity over closed ones', async () => {
    const { store } = await loaded(
      opportunitiesAnswer([
        opportunity({ id: 'old', stage: 'LOST' }),
        opportunity({ id: 'new', stage: 'DEMO' }),
      ]),
    );

    expect(store.opportunity()?.id).toBe('new');
  });

  it('closes the opportunity, reads it again and counts the change', async () => {
    const { store, apollo } = await loaded();

    const moving = store.move({ opportunityId: 'o1', stage: 'WON', closeDate: '2026-11-25' });
    const move = apollo.expectOne('MoveOpportunity');
    expect(move.operation.variables).toEqual({
      input: { opportunityId: 'o1', stage: 'WON', closeDate: '2026-11-25' },
    });
    const won = opportunity({ stage: 'WON', closeDate: '2026-11-25' });
    move.flushData({ moveOpportunity: opportunityAnswer(won) });
    await flushed();
    apollo.expectOne('LeadOpportunities').flushData(opportunitiesAnswer([won]));

    expect(await moving).toMatchObject({ ok: true, value: { stage: 'WON' } });
    expect(store.opportunity()?.stage).toBe('WON');
    expect(store.changes()).toBe(1);
  });

  it('answers a refused change with the API’s error and reads nothing again', async () => {
    const { store, apollo } = await loaded();

    const updating = store.updateAmount('o1', 5);
    apollo
      .expectOne('UpdateOpportunityAmount')
      .graphqlErrors([
        { message: 'The opportunity is closed WON: its amount is final.', extensions: { code: 'CONFLICT' } },
      ]);

    expect(await updating).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The opportunity is closed WON: its amount is final.' },
    });
    apollo.expectNone('LeadOpportunities');
    expect(store.changes()).toBe(0);
  });
});

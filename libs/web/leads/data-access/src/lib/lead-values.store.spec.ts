import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { LeadValuesStore } from './lead-values.store';

function setUp() {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [LeadValuesStore] });
  return { store: TestBed.inject(LeadValuesStore), apollo: TestBed.inject(ApolloTestingController) };
}

const answer = (field: string, spellings: string[]) => ({
  leadValues: {
    __typename: 'LeadValues',
    field,
    total: spellings.length,
    values: spellings.map((spelling) => ({ __typename: 'LeadValue', spelling, leads: 2 })),
  },
});

describe('LeadValuesStore', () => {
  it("lists a field's values and shows a corrected one in its new spelling", async () => {
    const { store, apollo } = setUp();
    const loading = store.load('SOURCE');
    apollo.expectOne('LeadValues').flushData(answer('SOURCE', ['linkedin', 'Webinar']));
    await loading;

    const correcting = store.correct('SOURCE', 'LinkedIn');
    const mutation = apollo.expectOne('CorrectLeadValue');
    expect(mutation.operation.variables).toEqual({ input: { field: 'SOURCE', spelling: 'LinkedIn' } });
    mutation.flushData({
      correctLeadValue: {
        __typename: 'CorrectedLeadValue',
        field: 'SOURCE',
        spelling: 'LinkedIn',
        previous: 'linkedin',
        leads: 2,
      },
    });
    expect((await correcting).ok).toBe(true);
    expect(store.values().map((value) => value.spelling)).toEqual(['LinkedIn', 'Webinar']);
  });

  it('shows the last field asked for, not a slower earlier answer, and no rows when it fails', async () => {
    const { store, apollo } = setUp();
    const sources = store.load('SOURCE');
    const campaigns = store.load('CAMPAIGN');
    const [first, second] = apollo.match('LeadValues');
    second.graphqlErrors([{ message: 'Only members may read this.', extensions: { code: 'FORBIDDEN' } }]);
    await campaigns;
    first.flushData(answer('SOURCE', ['linkedin']));
    await sources;

    expect([store.shownField(), store.values(), store.loadError()?.code]).toEqual([
      'CAMPAIGN',
      [],
      'FORBIDDEN',
    ]);
  });
});

import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { LEAD_ID, timelineAnswer } from '../testing/pipeline';
import { LeadTimelineStore } from './lead-timeline.store';

describe('LeadTimelineStore', () => {
  it('reads the lead’s timeline', async () => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [LeadTimelineStore] });
    const store = TestBed.inject(LeadTimelineStore);
    const apollo = TestBed.inject(ApolloTestingController);

    const loading = store.load(LEAD_ID);
    const query = apollo.expectOne('LeadTimeline');
    expect(query.operation.variables).toEqual({ leadId: LEAD_ID });
    query.flushData(timelineAnswer());
    await loading;

    expect(store.entries().map((entry) => entry.kind)).toEqual(['OPPORTUNITY', 'LEAD_STAGE']);
  });
});

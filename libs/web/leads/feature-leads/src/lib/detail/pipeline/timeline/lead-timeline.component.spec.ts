import { TestBed } from '@angular/core/testing';
import { render, screen, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { PipelineChanges } from '@accord/web/pipeline/data-access';
import { LEAD_ID, timelineAnswer } from '@accord/web/pipeline/data-access/testing';

import { LeadTimelineComponent } from './lead-timeline.component';

describe('LeadTimelineComponent', () => {
  it('lists what happened, newest first, and reads again after a pipeline change', async () => {
    const { fixture } = await render(LeadTimelineComponent, {
      inputs: { leadId: LEAD_ID },
      imports: [ApolloTestingModule],
    });
    const apollo = TestBed.inject(ApolloTestingController);
    apollo.expectOne('LeadTimeline').flushData(timelineAnswer());

    const items = within(await screen.findByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(
      items.map((item) => Array.from(item.children, (part) => part.textContent?.replace(/\s+/g, ' ').trim())),
    ).toEqual([
      [
        '25 Nov 2026, 12:00 UTC',
        'Opportunity',
        'Opportunity opened in DISCOVERY at 25,000 USD',
        'Sam Sales · v1',
      ],
      ['25 Nov 2026, 12:00 UTC', 'Stage', 'SQL → OPPORTUNITY: opportunity opened', 'Sam Sales · v1'],
    ]);

    TestBed.inject(PipelineChanges).changed();
    fixture.detectChanges();
    apollo.expectOne('LeadTimeline');
  });
});

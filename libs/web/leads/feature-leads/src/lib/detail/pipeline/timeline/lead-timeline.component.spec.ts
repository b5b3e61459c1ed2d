import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { render, screen, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { PipelineChanges } from '@accord/web/pipeline/data-access';
import { LEAD_ID, timelineAnswer } from '@accord/web/pipeline/data-access/testing';
import { AuthStore } from '@accord/web/shared/data-access';

import { LeadTimelineComponent } from './lead-timeline.component';

async function renderTimeline(answer: object = timelineAnswer()) {
  const { fixture } = await render(LeadTimelineComponent, {
    inputs: { leadId: LEAD_ID },
    imports: [ApolloTestingModule],
    providers: [
      {
        provide: AuthStore,
        useValue: {
          workspace: signal({ id: 'w1', name: 'Demo', timeZone: 'Europe/Paris', currency: 'EUR' }),
        },
      },
    ],
  });
  const apollo = TestBed.inject(ApolloTestingController);
  apollo.expectOne('LeadTimeline').flushData(answer);
  const items = within(await screen.findByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
  const parts = items.map((item) =>
    Array.from(item.children, (part) => part.textContent?.replace(/\s+/g, ' ').trim()),
  );
  return { fixture, apollo, parts };
}

describe('LeadTimelineComponent', () => {
  it("lists what happened, newest first, in the workspace's time zone, and reads again after a pipeline change", async () => {
    const { fixture, apollo, parts } = await renderTimeline();

    expect(screen.getByText('Times in Europe/Paris')).toBeTruthy();
    expect(parts).toEqual([
      [
        '25 Nov 2026, 13:00',
        'Opportunity',
        'Opportunity opened in DISCOVERY at 25,000 USD',
        'Sam Sales · v1',
      ],
      ['25 Nov 2026, 13:00', 'Stage', 'SQL → OPPORTUNITY: opportunity opened', 'Sam Sales · v1'],
    ]);

    TestBed.inject(PipelineChanges).changed();
    fixture.detectChanges();
    apollo.expectOne('LeadTimeline');
  });

  it('words a stage change as the Stage history does, and other entries as the API did', async () => {
    const [opened, stage] = timelineAnswer().leadTimeline;

    const { parts } = await renderTimeline({
      leadTimeline: [
        opened,
        {
          ...stage,
          summary: 'Nurture → MQL: scored A/HOT: FAST_TRACK',
          fromStage: 'NURTURE',
          toStage: 'MQL',
        },
        { ...stage, summary: 'Lead: created', fromStage: null, toStage: 'LEAD' },
      ],
    });

    expect(parts.map((part) => part[2])).toEqual([
      'Opportunity opened in DISCOVERY at 25,000 USD',
      'Nurture → MQL: Scored fit A, hot intent: fast track',
      'Lead: Created',
    ]);
  });

  it('puts a separator only between who and the version, when both are known', async () => {
    const [entry] = timelineAnswer().leadTimeline;

    const { parts } = await renderTimeline({
      leadTimeline: [
        { ...entry, actorName: null },
        { ...entry, versionNumber: null },
        { ...entry, actorName: null, versionNumber: null },
      ],
    });

    expect(parts.map((part) => part[3])).toEqual(['v1', 'Sam Sales', '']);
  });
});

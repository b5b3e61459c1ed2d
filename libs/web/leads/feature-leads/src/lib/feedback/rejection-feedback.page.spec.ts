import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, within } from '@testing-library/angular';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { CLOCK } from '@accord/web/shared/data-access';

import { RejectionFeedbackPage } from './rejection-feedback.page';

const entry = (group: string | null, reasonKey: string, reasonLabel: string, count: number) => ({
  __typename: 'RejectionFeedback',
  group,
  reasonKey,
  reasonLabel,
  count,
});

describe('RejectionFeedbackPage', () => {
  it('tables rejections per reason by source over 90 days, then by campaign', async () => {
    await render(RejectionFeedbackPage, {
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: CLOCK, useValue: () => new Date('2026-11-25T15:30:00.000Z') },
      ],
    });
    const apollo = TestBed.inject(ApolloTestingController);
    const bySource = apollo.expectOne('RejectionFeedback');
    expect(bySource.operation.variables).toEqual({ groupBy: 'SOURCE', since: '2026-08-27T00:00:00.000Z' });
    bySource.flushData({
      rejectionFeedback: [
        entry('website', 'not-ready', 'Not ready to buy', 4),
        entry('webinar', 'competitor', 'Competitor', 1),
        entry(null, 'not-ready', 'Not ready to buy', 1),
      ],
    });

    const table = await screen.findByRole('table', { name: 'Rejections per reason by Source' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim()));
    expect(rows).toEqual([
      ['Source', 'Not ready to buy', 'Competitor', 'Total'],
      ['website', '4', '—', '4'],
      ['None given', '1', '—', '1'],
      ['webinar', '—', '1', '1'],
    ]);

    fireEvent.click(screen.getByRole('radio', { name: 'By campaign' }));
    const byCampaign = apollo.expectOne('RejectionFeedback');
    expect(byCampaign.operation.variables).toMatchObject({ groupBy: 'CAMPAIGN' });
    byCampaign.flushData({ rejectionFeedback: [] });
    expect(await screen.findByText('No rejections in the last 90 days.')).toBeTruthy();
  });
});

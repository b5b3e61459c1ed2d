import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/angular';
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

async function renderPage(): Promise<ApolloTestingController> {
  await render(RejectionFeedbackPage, {
    imports: [ApolloTestingModule],
    providers: [
      provideRouter([]),
      { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      { provide: CLOCK, useValue: () => new Date('2026-11-25T15:30:00.000Z') },
    ],
  });
  return TestBed.inject(ApolloTestingController);
}

describe('RejectionFeedbackPage', () => {
  it('tables rejections per reason by source over 90 days, then by campaign', async () => {
    const apollo = await renderPage();
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
    // Until the campaigns arrive, the rows shown are still sources, and say so.
    expect(screen.getByRole('table', { name: 'Rejections per reason by Source' })).toBeTruthy();
    byCampaign.flushData({ rejectionFeedback: [] });
    expect(await screen.findByText('No rejections in the last 90 days.')).toBeTruthy();
  });

  it('covers the window chosen, keeping the grouping, and says which window the rows are of', async () => {
    const apollo = await renderPage();
    apollo.expectOne('RejectionFeedback').flushData({
      rejectionFeedback: [entry('website', 'not-ready', 'Not ready to buy', 4)],
    });
    await screen.findByRole('table', { name: 'Rejections per reason by Source' });
    expect(screen.getByText('Why sales rejected handed-over leads in the last 90 days.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: '12 months' }));
    const year = apollo.expectOne('RejectionFeedback');
    expect(year.operation.variables).toEqual({ groupBy: 'SOURCE', since: '2025-11-25T00:00:00.000Z' });
    // Until the year's rows arrive, the heading still names the window of the rows shown.
    expect(screen.getByText('Why sales rejected handed-over leads in the last 90 days.')).toBeTruthy();
    year.flushData({ rejectionFeedback: [] });
    expect(await screen.findByText('No rejections in the last 12 months.')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'By campaign' }));
    expect(apollo.expectOne('RejectionFeedback').operation.variables).toEqual({
      groupBy: 'CAMPAIGN',
      since: '2025-11-25T00:00:00.000Z',
    });
  });

  it('shows no rows under a grouping that failed to load', async () => {
    const apollo = await renderPage();
    apollo.expectOne('RejectionFeedback').flushData({
      rejectionFeedback: [entry('website', 'not-ready', 'Not ready to buy', 4)],
    });
    await screen.findByRole('table', { name: 'Rejections per reason by Source' });

    fireEvent.click(screen.getByRole('radio', { name: 'By campaign' }));
    apollo.expectOne('RejectionFeedback').networkError(new Error('offline'));

    await waitFor(() => expect(screen.queryByRole('table')).toBeNull());
    expect(screen.queryByText('No rejections in the last 90 days.')).toBeNull();
    expect(screen.getByRole('radio', { name: 'By campaign' }).getAttribute('aria-checked')).toBe('true');
  });
});

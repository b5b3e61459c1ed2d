import { render, screen, within } from '@testing-library/angular';

import { dashboardAnswer } from '@accord/web/dashboard/data-access/testing';

import { RejectionTableComponent } from './rejection-table.component';
import { RepTableComponent } from './rep-table.component';

/** The element a table's accessible name comes from (aria-labelledby). */
function namedBy(table: HTMLElement): HTMLElement | null {
  return document.getElementById(table.getAttribute('aria-labelledby') ?? '');
}

describe('RejectionTableComponent', () => {
  const byCampaign = {
    caption: 'By campaign',
    groupLabel: 'Campaign',
    group: 'campaign' as const,
  };

  it('puts its caption above the scroller, where it cannot scroll away, and keeps the total in view', async () => {
    await render(RejectionTableComponent, {
      inputs: { ...byCampaign, counts: dashboardAnswer().rejectionsByCampaign },
    });
    const table = screen.getByRole('table', { name: 'By campaign' });
    const scroller = table.parentElement as HTMLElement;

    expect(scroller.classList.contains('scroll')).toBe(true);
    expect(scroller.contains(namedBy(table))).toBe(false);
    const autumn = within(table).getByRole('rowheader', { name: 'Autumn launch' })
      .parentElement as HTMLElement;
    const cells = within(autumn).getAllByRole('cell');
    expect(cells.map((cell) => [cell.textContent?.trim(), cell.classList.contains('total')])).toEqual([
      ['3', false],
      ['—', false],
      ['3', true],
    ]);
    const heads = within(table).getAllByRole('columnheader');
    expect(heads.map((head) => head.classList.contains('total'))).toEqual([false, false, false, true]);
  });

  it('says the selection, not the period, has no rejections: filters may be why', async () => {
    await render(RejectionTableComponent, { inputs: { ...byCampaign, counts: [] } });

    expect(
      within(screen.getByRole('table', { name: 'By campaign' }))
        .getByRole('cell')
        .textContent?.trim(),
    ).toBe('No rejections for this selection.');
  });
});

describe('RepTableComponent', () => {
  it('puts its caption above the scroller, whole, and names the table by it', async () => {
    await render(RepTableComponent, { inputs: { reps: dashboardAnswer().reps, currency: 'EUR' } });
    const table = screen.getByRole('table', {
      name: /^Revenue won and quota attainment .* not a problem\.$/,
    });

    expect((table.parentElement as HTMLElement).classList.contains('scroll')).toBe(true);
    expect(table.parentElement?.contains(namedBy(table))).toBe(false);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent?.trim()),
    ).toEqual(['Sam Sales', 'Ria Rep']);
  });

  it('says under the rows when the cards count facts no one owns, and nothing when the rows add up', async () => {
    const answer = dashboardAnswer();
    // The fixture's cards count 310 calls; Ria's and Sam's rows 220.
    const metrics = answer.outcomes.concat(answer.activities);
    const { rerender } = await render(RepTableComponent, { inputs: { reps: answer.reps, metrics } });

    expect(
      screen.getByText('90 calls were on leads no one owns, so the rows add up to less than the cards.'),
    ).toBeTruthy();

    await rerender({
      inputs: { reps: answer.reps, metrics: metrics.filter((metric) => metric.key !== 'calls-made') },
    });
    expect(screen.queryByText(/no one owns/)).toBeNull();
  });

  it('says the selection has no reps', async () => {
    await render(RepTableComponent, { inputs: { reps: [] } });

    expect(screen.getByRole('cell').textContent?.trim()).toBe(
      'No reps with outcomes or activity for this selection.',
    );
  });
});

import { fireEvent, render, screen } from '@testing-library/angular';

import { DEFAULT_SELECTION } from '@accord/web/dashboard/data-access';

import { DashboardFiltersComponent } from './dashboard-filters.component';

describe('DashboardFiltersComponent', () => {
  it('folds the filters beyond the period behind a button that counts those set, for a phone', async () => {
    await render(DashboardFiltersComponent, {
      inputs: { selection: { ...DEFAULT_SELECTION, source: 'webinar', team: 'EMEA' } },
    });
    const toggle = screen.getByRole('button', { name: 'More filters (2 set)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById('dashboard-more-filters')?.classList.contains('collapsed')).toBe(true);

    fireEvent.click(toggle);

    expect(screen.getByRole('button', { name: 'Fewer filters' }).getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('dashboard-more-filters')?.classList.contains('collapsed')).toBe(false);
    // Folded or not, every filter stays in the form (a wide screen shows them all).
    expect(screen.getByRole('combobox', { name: 'Team' })).toBeTruthy();
  });
});

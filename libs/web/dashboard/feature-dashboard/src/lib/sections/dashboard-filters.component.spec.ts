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

  it('says beside the period fields what was changed of the days, and emits only a day that changed', async () => {
    const changes: unknown[] = [];
    await render(DashboardFiltersComponent, {
      inputs: {
        selection: { ...DEFAULT_SELECTION, period: 'CUSTOM', from: '2026-11-10', to: '2026-11-20' },
        periodNotices: ['From was after To: the dates were swapped.'],
      },
      on: { changed: (patch: unknown) => changes.push(patch) },
    });
    const notice = screen.getByText('From was after To: the dates were swapped.');
    expect([notice.getAttribute('role'), notice.getAttribute('aria-live')]).toEqual(['status', 'polite']);
    expect(screen.getByLabelText('To').getAttribute('aria-describedby')).toBe(notice.id);

    // Setting To again as it is would navigate for nothing and drop the notice.
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-20' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-25' } });

    expect(changes).toEqual([{ to: '2026-11-25' }]);
  });

  it("shows a value linked in another case as the workspace's spelling, and one it does not list as it is", async () => {
    const segments = {
      industries: [],
      employeeBands: [],
      countries: [],
      sources: ['LinkedIn', 'Webinar'],
      campaigns: [],
    };
    await render(DashboardFiltersComponent, {
      inputs: { selection: { ...DEFAULT_SELECTION, source: 'linkedin', campaign: 'Spring push' }, segments },
    });
    const source = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Source' });
    expect(Array.from(source.options, (option) => option.text)).toEqual([
      'Any source',
      'LinkedIn',
      'Webinar',
    ]);
    expect(source.selectedOptions[0].text).toBe('LinkedIn');
    const campaign = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Campaign' });
    expect(campaign.selectedOptions[0].text).toBe('Spring push');
  });
});

import { provideRouter } from '@angular/router';
import { render, screen } from '@testing-library/angular';

import { NoLeadsYetComponent } from './no-leads-yet.component';

describe('NoLeadsYetComponent', () => {
  it('points an admin at imports and API keys, and at New lead', async () => {
    await render(NoLeadsYetComponent, {
      inputs: { canImport: true, canUseApiKeys: true },
      providers: [provideRouter([])],
    });

    expect(screen.getByRole('link', { name: 'Create an API key' }).getAttribute('href')).toBe('/api-keys');
    expect(screen.getByRole('link', { name: 'Import a CSV' }).getAttribute('href')).toBe('/imports');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('offers sales only a lead by hand', async () => {
    await render(NoLeadsYetComponent, { providers: [provideRouter([])] });

    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.getByRole('listitem').textContent?.trim()).toBe('Add one by hand with New lead.');
  });
});

import { render, screen } from '@testing-library/angular';

import { PlaceholderPage } from './placeholder.page';

describe('PlaceholderPage', () => {
  it('names the feature and says it is coming', async () => {
    await render(PlaceholderPage, { inputs: { label: 'Handover queue' } });

    expect(screen.getByRole('heading', { level: 1, name: 'Handover queue' })).toBeTruthy();
    expect(screen.getByText('Coming soon')).toBeTruthy();
  });
});

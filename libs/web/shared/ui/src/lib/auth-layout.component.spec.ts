import { render, screen } from '@testing-library/angular';

import { AuthLayoutComponent } from './auth-layout.component';

describe('AuthLayoutComponent', () => {
  it('gives the page its main landmark and heading', async () => {
    await render(AuthLayoutComponent, { inputs: { heading: 'Sign in' } });

    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
  });
});

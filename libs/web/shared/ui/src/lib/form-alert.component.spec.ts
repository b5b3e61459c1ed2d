import { render, screen } from '@testing-library/angular';

import { FormAlertComponent } from './form-alert.component';

describe('FormAlertComponent', () => {
  it('keeps an empty alert region when there is no message', async () => {
    await render(FormAlertComponent, { inputs: { message: null } });

    expect(screen.getByRole('alert').textContent?.trim()).toBe('');
  });

  it('shows the message in the alert region', async () => {
    await render(FormAlertComponent, { inputs: { message: 'Wrong e-mail or password.' } });

    expect(screen.getByRole('alert').textContent?.trim()).toBe('Wrong e-mail or password.');
  });
});

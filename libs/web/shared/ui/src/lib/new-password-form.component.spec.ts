import { fireEvent, render, screen } from '@testing-library/angular';

import { NewPasswordFormComponent } from './new-password-form.component';

async function renderForm(inputs: { pending?: boolean; error?: string | null } = {}) {
  const chosen = jest.fn<void, [string]>();
  await render(NewPasswordFormComponent, { inputs, on: { chosen } });
  return chosen;
}

function choose(password: string, confirmation: string): void {
  fireEvent.input(screen.getByLabelText(/new password/i), { target: { value: password } });
  fireEvent.input(screen.getByLabelText(/confirm password/i), { target: { value: confirmation } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
}

describe('NewPasswordFormComponent', () => {
  it('emits the password once it is long enough and typed the same twice', async () => {
    const chosen = await renderForm();

    choose('a long enough passphrase', 'a long enough passphrase');

    expect(chosen.mock.calls).toEqual([['a long enough passphrase']]);
  });

  it('refuses two different passwords, and a short one, without emitting', async () => {
    const chosen = await renderForm();

    choose('a long enough passphrase', 'another long passphrase');
    expect(screen.getByRole('alert').textContent?.trim()).toBe('The two passwords differ.');
    choose('short', 'short');
    expect(await screen.findByText('Use between 10 and 200 characters.')).toBeTruthy();

    expect(chosen).not.toHaveBeenCalled();
  });

  it("shows the page's error and its pending state", async () => {
    await renderForm({ pending: true, error: 'This invitation has expired.' });

    expect(screen.getByRole('alert').textContent?.trim()).toBe('This invitation has expired.');
    expect(screen.getByRole('button', { name: 'Setting password…' }).hasAttribute('disabled')).toBe(true);
  });
});

import { Clipboard } from '@angular/cdk/clipboard';
import { fireEvent, render, screen, waitFor } from '@testing-library/angular';

import { CopyFieldComponent } from './copy-field.component';

async function renderField() {
  const copy = jest.fn<boolean, [string]>(() => true);
  const { fixture } = await render(CopyFieldComponent, {
    inputs: {
      label: 'Invite link',
      value: 'http://127.0.0.1:3300/accept-invitation?token=abc',
      hint: 'It works once.',
      copyLabel: 'Copy link',
      copiedMessage: 'Link copied.',
      describedBy: 'invite-sent',
    },
    providers: [{ provide: Clipboard, useValue: { copy } }],
  });
  return { copy, field: fixture.componentInstance };
}

describe('CopyFieldComponent', () => {
  it('shows the value, readonly, under its label with the hint, and a copy button described by the given text', async () => {
    await renderField();

    const field = screen.getByLabelText<HTMLInputElement>('Invite link');
    const button = screen.getByRole('button', { name: 'Copy link' });
    expect([field.value, field.readOnly, button.getAttribute('aria-describedby')]).toEqual([
      'http://127.0.0.1:3300/accept-invitation?token=abc',
      true,
      'invite-sent',
    ]);
    expect(screen.getByText('It works once.')).toBeTruthy();
  });

  it('copies the value and says so in the status', async () => {
    const { copy } = await renderField();
    expect(screen.getByRole('status').textContent?.trim()).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));

    expect(copy.mock.calls).toEqual([['http://127.0.0.1:3300/accept-invitation?token=abc']]);
    await waitFor(() => expect(screen.getByRole('status').textContent?.trim()).toBe('Link copied.'));
  });

  it('focuses its copy button when asked', async () => {
    const { field } = await renderField();

    field.focusCopyButton();

    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy link' }));
  });
});

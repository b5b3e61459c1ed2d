import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { render, screen } from '@testing-library/angular';

import { ConfirmDialog, ConfirmDialogData } from './confirm.dialog';

describe('ConfirmDialog', () => {
  it('asks the question, says what going ahead does, and offers to cancel or go ahead', async () => {
    const data: ConfirmDialogData = {
      title: 'Revoke Tracking?',
      message: 'It stops at once.',
      confirm: 'Revoke',
    };
    await render(ConfirmDialog, {
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
      ],
    });

    expect(screen.getByRole('heading', { level: 2, name: 'Revoke Tracking?' })).toBeTruthy();
    expect(screen.getByText('It stops at once.')).toBeTruthy();
    expect(screen.getAllByRole('button').map((button) => button.textContent?.trim())).toEqual([
      'Cancel',
      'Revoke',
    ]);
  });
});

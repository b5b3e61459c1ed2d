import { fireEvent } from '@testing-library/angular';

/**
 * Tries to close a Material dialog the ways a person does by accident — Escape, a click beside it — and waits a
 * moment for a close to take effect: for dialogs that must close only by their buttons.
 */
export async function tryToDismiss(dialog: HTMLElement): Promise<void> {
  fireEvent.keyDown(dialog, { key: 'Escape', keyCode: 27 });
  const backdrop = document.querySelector('.cdk-overlay-backdrop');
  if (backdrop) fireEvent.click(backdrop);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

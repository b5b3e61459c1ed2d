import { dialogConfig } from './dialog-config';

describe('dialogConfig', () => {
  it('focuses at once and fits the screen, keeping what the caller adds', () => {
    expect(dialogConfig(600, { data: 1, disableClose: true })).toEqual({
      width: 'min(600px, calc(100vw - 32px))',
      delayFocusTrap: false,
      data: 1,
      disableClose: true,
    });
  });
});

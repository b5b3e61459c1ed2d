import { MatDialogConfig } from '@angular/material/dialog';

/**
 * How every dialog opens: as wide as `widthPx` allows on the screen, and focusing its first field as soon as it
 * renders. Material's default waits for the opening animation, and on a busy machine that late focus moved the
 * caret to the first field while the person was already typing in the second.
 */
export function dialogConfig<D = unknown>(
  widthPx = 560,
  config: MatDialogConfig<D> = {},
): MatDialogConfig<D> {
  return { width: `min(${widthPx}px, calc(100vw - 32px))`, delayFocusTrap: false, ...config };
}

import { DOCUMENT, Injector, afterNextRender, inject } from '@angular/core';

/**
 * For a section whose action can remove the control that ran it (a meeting's Held button, a closed opportunity's
 * forms): returns a function that, once the outcome has rendered, moves focus to `target` (the section's status
 * message, with tabindex="-1") if focus fell to the page — else a keyboard user starts again at the top. Focus
 * still on a control is left where it is. Call it in an injection context.
 */
export function injectFocusFallback(): (target: () => HTMLElement) => void {
  const injector = inject(Injector);
  const document = inject(DOCUMENT);
  return (target) =>
    afterNextRender(
      {
        write: () => {
          const active = document.activeElement;
          if (active === null || active === document.body) target().focus();
        },
      },
      { injector },
    );
}

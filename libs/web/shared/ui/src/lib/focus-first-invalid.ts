import { ElementRef, Injector, afterNextRender, inject } from '@angular/core';

/** The form controls Angular marks invalid, in the order a person reads them. */
const INVALID_CONTROL = 'input.ng-invalid, select.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid';

/**
 * For a form whose problems can be out of sight (a long form in a scrolled dialog): returns a function that, once
 * the problems have rendered, focuses the first control showing one — which scrolls it into view and has a screen
 * reader read the field with its error. Call it in the form component's injection context.
 */
export function injectFocusFirstInvalid(): () => void {
  const injector = inject(Injector);
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  return () =>
    afterNextRender(
      { write: () => host.nativeElement.querySelector<HTMLElement>(INVALID_CONTROL)?.focus() },
      { injector },
    );
}

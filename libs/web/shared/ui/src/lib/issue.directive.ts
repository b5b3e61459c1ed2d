import { Directive, effect, inject, input } from '@angular/core';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldControl } from '@angular/material/form-field';

/** The part of Material's inputs, selects and chip grids that decides whether the field shows its error. */
interface ErrorStateControl {
  errorStateMatcher: ErrorStateMatcher;
  updateErrorState(): void;
}

function hasErrorState(control: unknown): control is ErrorStateControl {
  return typeof (control as Partial<ErrorStateControl>).updateErrorState === 'function';
}

/**
 * Marks a Material field invalid while a problem is reported for it, so its `mat-error` shows and the control gets
 * `aria-invalid`: for fields bound to signals rather than Angular form controls (the agreement editor, whose
 * document is the model and the domain's validation the only rules; a form whose only rules are the API's).
 */
@Directive({ selector: '[accordIssue]' })
export class IssueDirective {
  /** The problem's message, or null when the field is fine. */
  readonly accordIssue = input<string | null>(null);

  constructor() {
    const control: unknown = inject(MatFormFieldControl);
    if (!hasErrorState(control)) return;
    control.errorStateMatcher = { isErrorState: () => this.accordIssue() !== null };
    effect(() => {
      this.accordIssue();
      control.updateErrorState();
    });
  }
}

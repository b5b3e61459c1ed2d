import { Directive, ElementRef, effect, inject, input, output } from '@angular/core';

function sameNumber(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Number.isNaN(a) && Number.isNaN(b));
}

/**
 * Binds a number input to a number of the document: empty is null (an open bound, a missing value) and
 * anything unreadable is NaN, which the domain reports. It writes to the field only when the number differs
 * from what the field already reads, so a half-typed "-" or "1e" is never wiped.
 */
@Directive({
  selector: 'input[type=number][accordNumber]',
  host: { '(input)': 'changed()' },
})
export class NumberInputDirective {
  private readonly element = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;

  readonly accordNumber = input<number | null>(null);
  readonly accordNumberChange = output<number | null>();

  constructor() {
    effect(() => {
      const value = this.accordNumber();
      if (sameNumber(this.read(), value)) return;
      this.element.value = value === null || Number.isNaN(value) ? '' : String(value);
    });
  }

  protected changed(): void {
    this.accordNumberChange.emit(this.read());
  }

  private read(): number | null {
    return this.element.value === '' && !this.element.validity.badInput ? null : this.element.valueAsNumber;
  }
}

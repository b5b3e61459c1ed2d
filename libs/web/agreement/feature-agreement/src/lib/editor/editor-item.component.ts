import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';

/**
 * One item of a list the agreement editor edits — a criterion, a signal type, a territory, a reason, a KPI, a
 * checklist item: its fields (projected), what is wrong with the item as a whole, and Remove. `noun` names it in
 * lower case except for acronyms ("reason", "KPI"): the legend reads "Reason 2", the button "Remove reason 2".
 */
@Component({
  selector: 'accord-editor-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    <fieldset>
      <legend>{{ legend() }}</legend>
      <ng-content />
      @if (problem(); as problem) {
        <p class="issue">{{ problem }}</p>
      }
      <button
        mat-button
        type="button"
        [attr.aria-label]="'Remove ' + noun() + ' ' + (index() + 1)"
        (click)="removed.emit()"
      >
        Remove
      </button>
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0 0 12px;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 4px;
    }
    .issue {
      color: var(--mat-sys-error);
    }
  `,
})
export class EditorItemComponent {
  readonly noun = input.required<string>();
  readonly index = input.required<number>();
  /** The problem the validation reports for the item itself (not one of its fields). */
  readonly problem = input<string | null | undefined>(null);
  readonly removed = output<void>();

  protected legend(): string {
    const noun = this.noun();
    return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${this.index() + 1}`;
  }
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTooltip } from '@angular/material/tooltip';

/**
 * The (i) beside a table's column heading: its definition in a tooltip on hover or keyboard focus, as the metric
 * cards show theirs (the tooltip also describes the button to screen readers).
 */
@Component({
  selector: 'accord-definition-hint',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTooltip],
  template: `
    <button
      type="button"
      class="about"
      [matTooltip]="definition()"
      [attr.aria-label]="'Definition of ' + name()"
    >
      i
    </button>
  `,
  styles: `
    :host {
      display: inline-block;
      vertical-align: middle;
      margin-left: 4px;
    }
    .about {
      width: 18px;
      height: 18px;
      padding: 0;
      border: 1px solid currentColor;
      border-radius: 50%;
      background: none;
      color: var(--mat-sys-primary);
      cursor: help;
      font: italic 600 11px/1 serif;
    }
  `,
})
export class DefinitionHintComponent {
  /** What is defined, for the button's name: "Definition of Drop-off". */
  readonly name = input.required<string>();
  readonly definition = input.required<string>();
}

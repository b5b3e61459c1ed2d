import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Stands in for a feature still to be built; the route gives its name as `label` data. */
@Component({
  selector: 'accord-placeholder-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ label() }}</h1>
    <p class="note">Coming soon</p>
  `,
  styles: `
    h1 {
      font: var(--mat-sys-headline-small);
      margin: 0 0 8px;
    }
    .note {
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PlaceholderPage {
  readonly label = input.required<string>();
}

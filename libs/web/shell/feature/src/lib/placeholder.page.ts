import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { PageHeaderComponent } from '@accord/web/shared/ui';

/** Stands in for a feature still to be built; the route gives its name as `label` data. */
@Component({
  selector: 'accord-placeholder-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeaderComponent],
  template: `
    <accord-page-header [heading]="label()" />
    <p class="note">Coming soon</p>
  `,
  styles: `
    .note {
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PlaceholderPage {
  readonly label = input.required<string>();
}

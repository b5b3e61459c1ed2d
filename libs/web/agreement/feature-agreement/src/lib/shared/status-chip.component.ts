import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { statusLabel } from '@accord/web/agreement/data-access';
import type { AgreementStatus } from '@accord/web/shared/data-access';

/** A version's status as a small coloured label. */
@Component({
  selector: 'accord-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': 'status().toLowerCase()' },
  template: `{{ label() }}`,
  styles: `
    :host {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      vertical-align: middle;
    }
    :host(.published) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host(.proposed) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.superseded) {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StatusChipComponent {
  readonly status = input.required<AgreementStatus>();
  protected readonly label = computed(() => statusLabel(this.status()));
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';

import type { RescoreProgress } from '@accord/web/leads/data-access';

/** The latest rescore's progress: a bar while it runs, a warning when it failed, nothing otherwise. */
@Component({
  selector: 'accord-rescore-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatProgressBar],
  template: `
    @if (progress(); as shown) {
      <section class="banner" [class.failed]="shown.failed" role="status" aria-label="Rescore progress">
        <p>{{ shown.text }}</p>
        @if (shown.active) {
          <mat-progress-bar
            [mode]="shown.percent === 0 ? 'indeterminate' : 'determinate'"
            [value]="shown.percent"
            aria-label="Rescore progress"
          />
        }
      </section>
    }
  `,
  styles: `
    .banner {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .banner.failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class RescoreBannerComponent {
  readonly progress = input<RescoreProgress | null>(null);
}

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { type DraftConflict, conflictHeadline } from '@accord/web/agreement/data-access';

/** Says who saved first and lets the member choose whose version stays; nothing is lost silently. */
@Component({
  selector: 'accord-conflict-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    @let found = conflict();
    <div class="banner" role="alert">
      <p class="headline">{{ headline() }}</p>
      <!-- The API's words ("… reload it and apply your change again") are for clients that keep no copy: the
           editor kept the member's, so it says what to do here. Only a refusal naming no revision needs them. -->
      @if (found.currentRevision === null) {
        <p>{{ found.message }}</p>
      }
      <p>Your edits were not saved, and they are still here. Choose whose version to keep.</p>
      <div class="actions">
        <!-- Focusable while a choice is pending (disabledInteractive); clicks meanwhile are ignored. -->
        <button
          mat-stroked-button
          type="button"
          disabledInteractive
          [disabled]="pending()"
          (click)="pending() || reload.emit()"
        >
          Reload theirs (discard mine)
        </button>
        @if (found.currentRevision !== null) {
          <button
            mat-flat-button
            type="button"
            disabledInteractive
            [disabled]="pending()"
            (click)="pending() || overwrite.emit()"
          >
            Keep mine and save over theirs
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    .banner {
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    p {
      margin: 0 0 8px;
    }
    .headline {
      font: var(--mat-sys-title-small);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class ConflictBannerComponent {
  readonly conflict = input.required<DraftConflict>();
  protected readonly headline = computed(() => conflictHeadline(this.conflict()));
  readonly pending = input(false);
  readonly reload = output();
  readonly overwrite = output();
}

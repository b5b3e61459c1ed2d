import { ChangeDetectionStrategy, Component, OnInit, computed, inject } from '@angular/core';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import { FEEDBACK_WINDOWS, RejectionFeedbackStore } from '@accord/web/handovers/data-access';
import type { FeedbackGrouping } from '@accord/web/shared/data-access';
import {
  FormAlertComponent,
  PageHeaderComponent,
  TABLE_SCROLL_STYLES,
  tableCaptionId,
} from '@accord/web/shared/ui';

import { SIDE_PAGE_STYLES } from '../shared/side-page-styles';

const GROUP_LABELS: Readonly<Record<FeedbackGrouping, string>> = { SOURCE: 'Source', CAMPAIGN: 'Campaign' };

/** Marketing's feedback from sales: why handed-over leads were rejected, by lead source or campaign. */
@Component({
  selector: 'accord-rejection-feedback-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [RejectionFeedbackStore],
  imports: [
    MatButtonToggle,
    MatButtonToggleGroup,
    MatProgressBar,
    RouterLink,
    FormAlertComponent,
    PageHeaderComponent,
  ],
  template: `
    <a routerLink="/leads" class="back">← All leads</a>
    <accord-page-header heading="Rejection feedback">
      <p subtitle class="sub">Why sales rejected handed-over leads in the last {{ windowLabel() }}.</p>
      <div class="choices">
        <mat-button-toggle-group
          aria-label="Group rejections by"
          hideSingleSelectionIndicator
          [value]="store.groupBy()"
          (change)="store.load($event.value)"
        >
          <mat-button-toggle value="SOURCE">By source</mat-button-toggle>
          <mat-button-toggle value="CAMPAIGN">By campaign</mat-button-toggle>
        </mat-button-toggle-group>
        <mat-button-toggle-group
          aria-label="Rejections of the last"
          hideSingleSelectionIndicator
          [value]="store.days()"
          (change)="store.load(store.groupBy(), $event.value)"
        >
          @for (window of windows; track window.days) {
            <mat-button-toggle [value]="window.days">{{ window.label }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
      </div>
    </accord-page-header>
    <accord-form-alert [message]="store.loadError()?.message ?? null" />
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading rejection feedback" />
    }
    @let table = store.table();
    @if (table.rows.length > 0) {
      <p class="visually-hidden" [id]="captionId">Rejections per reason by {{ groupLabel() }}</p>
      <div class="scroll">
        <table class="feedback" [attr.aria-labelledby]="captionId">
          <thead>
            <tr>
              <th scope="col">{{ groupLabel() }}</th>
              @for (reason of table.reasons; track reason.key) {
                <th scope="col" class="count">{{ reason.label }}</th>
              }
              <th scope="col" class="count sticky-end">Total</th>
            </tr>
          </thead>
          <tbody>
            @for (row of table.rows; track row.group) {
              <tr>
                <th scope="row">{{ row.group }}</th>
                @for (count of row.counts; track $index) {
                  <td class="count">{{ count || '—' }}</td>
                }
                <td class="count total sticky-end">{{ row.total }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else if (!store.loading() && !store.loadError()) {
      <p class="empty">No rejections in the last {{ windowLabel() }}.</p>
    }
  `,
  styles: [
    TABLE_SCROLL_STYLES,
    SIDE_PAGE_STYLES,
    `
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
      }
      .feedback {
        min-width: 480px;
      }
      .total {
        font-weight: 600;
      }
      .empty {
        padding: 16px 0;
      }
    `,
  ],
})
export class RejectionFeedbackPage implements OnInit {
  protected readonly store = inject(RejectionFeedbackStore);
  protected readonly windows = FEEDBACK_WINDOWS;
  /** The window of the rows shown ("90 days"), not of a choice whose answer is on its way. */
  protected readonly windowLabel = computed(
    () => FEEDBACK_WINDOWS.find((window) => window.days === this.store.shownDays())?.label ?? '',
  );
  protected readonly captionId = tableCaptionId();
  protected readonly groupLabel = computed(() => GROUP_LABELS[this.store.shownGroupBy()]);

  ngOnInit(): void {
    void this.store.load('SOURCE');
  }
}

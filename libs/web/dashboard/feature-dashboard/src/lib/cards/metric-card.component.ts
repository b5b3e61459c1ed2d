import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';

import {
  type DashboardMetric,
  formatMetricValue,
  metricParts,
  targetWording,
  unitCurrency,
} from '@accord/web/dashboard/data-access';
import type { DashboardTargetScope } from '@accord/web/shared/data-access';

/**
 * One figure of the dashboard: its value, its target and the gap (coloured, and said in words) — or, under a
 * segment, owner or team filter, the whole workspace's target for reference, with no gap — its definition on hover
 * or focus of the (i) button (and as text for screen readers), and a link to the rows behind it.
 */
@Component({
  selector: 'accord-metric-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTooltip, RouterLink],
  host: { role: 'listitem', '[class.large]': 'size() === "large"', '[attr.aria-labelledby]': 'id' },
  template: `
    @let item = metric();
    <div class="head">
      <h3 class="name" [id]="id">{{ item.name }}</h3>
      <button
        type="button"
        class="about"
        [matTooltip]="item.definition"
        [attr.aria-label]="'Definition of ' + item.name"
      >
        i
      </button>
    </div>
    <p
      class="value"
      [class.with-unit]="valueCurrency() !== null"
      [style.--figure-length]="value().length"
      [title]="item.definition"
    >
      {{ value() }}
      @if (valueCurrency(); as code) {
        <span class="currency">{{ code }}</span>
      }
    </p>
    <p class="visually-hidden">{{ item.definition }}</p>
    @if (parts(); as parts) {
      <p class="parts">{{ parts }}</p>
    }
    @let wording = gap();
    @if (wording.target) {
      <p class="target">
        {{ wording.target }}
        @if (wording.gap) {
          · <span [class]="'gap ' + wording.tone">{{ wording.gap }}</span>
          <span class="visually-hidden">({{ wording.toneLabel }})</span>
        }
      </p>
    }
    <a class="rows" [routerLink]="['rows', item.key]" queryParamsHandling="preserve">
      See rows<span class="visually-hidden"> behind {{ item.name }}</span>
    </a>
  `,
  styles: `
    :host {
      /* The figure is sized to the card's width (see .value). */
      container-type: inline-size;
      display: flex;
      flex-direction: column;
      gap: 4px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .head {
      display: flex;
      justify-content: space-between;
      gap: 8px;
    }
    .name {
      font: var(--mat-sys-title-small);
      margin: 0;
    }
    .about {
      flex: none;
      width: 20px;
      height: 20px;
      border: 1px solid currentColor;
      border-radius: 50%;
      background: none;
      color: var(--mat-sys-primary);
      cursor: help;
      font: italic 600 12px/1 serif;
    }
    p {
      margin: 0;
    }
    /* The figure and its currency stay on one line: a long amount ("2,962,300.50 USD" in a 1366 px screen's
       quarter) is set smaller to fit the card rather than push its currency onto a line of its own. A character
       is taken as 0.6 em wide, and the currency as 48 px. */
    .value {
      --unit-room: 0px;
      --fit: calc((100cqi - var(--unit-room)) / (var(--figure-length, 1) * 0.6));
      white-space: nowrap;
      font: var(--mat-sys-title-large);
      font-size: min(var(--mat-sys-title-large-size, 1.375rem), var(--fit));
    }
    .value.with-unit {
      --unit-room: 48px;
    }
    :host(.large) .value {
      font: var(--mat-sys-display-small);
      font-size: min(var(--mat-sys-display-small-size, 2.25rem), var(--fit));
    }
    .currency {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .parts,
    .target {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .gap.ahead {
      color: #1b6d2f;
      font-weight: 600;
    }
    .gap.behind {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .rows {
      font: var(--mat-sys-label-large);
      margin-top: auto;
    }
  `,
})
export class MetricCardComponent {
  private static count = 0;
  protected readonly id = `accord-metric-${++MetricCardComponent.count}`;
  readonly metric = input.required<DashboardMetric>();
  /** Outcomes are large; activity, a diagnostic, is small. */
  readonly size = input<'large' | 'small'>('large');
  /** The currency the dashboard's amounts are in (ISO 4217), named after an amount's figures. */
  readonly currency = input<string | null>(null);

  protected readonly value = computed(() => formatMetricValue(this.metric().value, this.metric().unit));
  /** Set smaller after the figure ("739,200 USD"); an amount with no value names none. */
  protected readonly valueCurrency = computed(() =>
    this.metric().value === null ? null : unitCurrency(this.metric().unit, this.currency()),
  );
  /** WORKSPACE: the numbers are a slice's, and the target the whole workspace's (see DashboardTargetScope). */
  readonly targetScope = input<DashboardTargetScope>('SELECTION');

  protected readonly gap = computed(() => targetWording(this.metric(), this.currency(), this.targetScope()));
  /** What a figure is made of: "25 of 40" for a rate, "310 ÷ 40" for a ratio, "median of 6 wins". */
  protected readonly parts = computed(() => metricParts(this.metric()));
}

import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import { addDays } from '@accord/domain/dashboard';
import {
  type Dashboard,
  type DashboardSelection,
  GRANULARITY_LABELS,
  type OwnerChoice,
  PERIOD_CHOICES,
  PERIOD_LABELS,
  type PeriodDays,
  type SegmentKey,
} from '@accord/web/dashboard/data-access';
import type { DashboardGranularity } from '@accord/web/shared/data-access';

interface SegmentControl {
  key: SegmentKey;
  label: string;
  any: string;
  options: string[];
  /** The option shown as chosen: the URL's value, or the option it is a case of. */
  chosen: string | null;
}

const SEGMENTS: readonly {
  key: SegmentKey;
  label: string;
  any: string;
  from: keyof Dashboard['segments'];
}[] = [
  { key: 'industry', label: 'Industry', any: 'Any industry', from: 'industries' },
  { key: 'employeeBand', label: 'Employees', any: 'Any size', from: 'employeeBands' },
  { key: 'country', label: 'Country', any: 'Any country', from: 'countries' },
  { key: 'source', label: 'Source', any: 'Any source', from: 'sources' },
  { key: 'campaign', label: 'Campaign', any: 'Any campaign', from: 'campaigns' },
];

const GRANULARITIES: readonly DashboardGranularity[] = ['WEEK', 'MONTH', 'QUARTER'];

/** The filters a phone folds away until asked, counted on the button that unfolds them. */
const FOLDED_FILTERS = [
  'granularity',
  'versionId',
  ...SEGMENTS.map((segment) => segment.key),
  'ownerId',
  'team',
] as const satisfies readonly (keyof DashboardSelection)[];

/** The dashboard's filters; each change is emitted as a patch of the selection, which the page puts in the URL. */
@Component({
  selector: 'accord-dashboard-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatFormField, MatInput, MatLabel],
  template: `
    @let chosen = selection();
    <form class="filters" role="search" aria-label="Dashboard filters" (submit)="$event.preventDefault()">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Period</mat-label>
        <select matNativeControl (change)="pickPeriod(value($event))">
          @for (period of periods; track period) {
            <option [value]="period" [selected]="period === chosen.period">{{ periodLabels[period] }}</option>
          }
        </select>
      </mat-form-field>
      @if (chosen.period === 'CUSTOM') {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>From</mat-label>
          <input
            matInput
            type="date"
            [value]="chosen.from"
            [attr.aria-describedby]="periodNote()"
            (change)="pickDay('from', value($event))"
          />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>To</mat-label>
          <input
            matInput
            type="date"
            [value]="chosen.to"
            [attr.aria-describedby]="periodNote()"
            (change)="pickDay('to', value($event))"
          />
        </mat-form-field>
      }
      <!-- In the page from the start, so that a screen reader hears what is put in it later. -->
      <p
        id="dashboard-period-notice"
        class="period-notice"
        role="status"
        aria-live="polite"
        [class.visually-hidden]="periodNotices().length === 0"
      >
        {{ periodNotices().join(' ') }}
      </p>
      <button
        mat-stroked-button
        type="button"
        class="toggle"
        aria-controls="dashboard-more-filters"
        [attr.aria-expanded]="expanded()"
        (click)="expanded.set(!expanded())"
      >
        {{ toggleText() }}
      </button>
      <div id="dashboard-more-filters" class="more" [class.collapsed]="!expanded()">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Trend step</mat-label>
          <select matNativeControl (change)="changed.emit({ granularity: granularityOf(value($event)) })">
            <option value="" [selected]="chosen.granularity === null">Automatic</option>
            @for (granularity of granularities; track granularity) {
              <option [value]="granularity" [selected]="granularity === chosen.granularity">
                {{ granularityLabels[granularity] }}
              </option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Agreement version</mat-label>
          <select matNativeControl (change)="changed.emit({ versionId: value($event) || null })">
            <option value="" [selected]="chosen.versionId === null">All versions</option>
            @for (version of versions(); track version.id) {
              <option [value]="version.id" [selected]="version.id === chosen.versionId">
                v{{ version.number }}
              </option>
            }
          </select>
        </mat-form-field>
        @for (segment of segmentControls(); track segment.key) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ segment.label }}</mat-label>
            <select matNativeControl (change)="pickSegment(segment.key, value($event))">
              <option value="" [selected]="segment.chosen === null">{{ segment.any }}</option>
              @for (option of segment.options; track option) {
                <option [value]="option" [selected]="option === segment.chosen">{{ option }}</option>
              }
            </select>
          </mat-form-field>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Owner</mat-label>
          <select matNativeControl (change)="changed.emit({ ownerId: value($event) || null })">
            <option value="" [selected]="chosen.ownerId === null">Everyone</option>
            @for (owner of owners(); track owner.id) {
              <option [value]="owner.id" [selected]="owner.id === chosen.ownerId">{{ owner.name }}</option>
            }
          </select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Team</mat-label>
          <select matNativeControl (change)="changed.emit({ team: value($event) || null })">
            <option value="" [selected]="chosen.team === null">Every team</option>
            @for (team of teams(); track team) {
              <option [value]="team" [selected]="team === chosen.team">{{ team }}</option>
            }
          </select>
        </mat-form-field>
      </div>
    </form>
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      margin: 0 0 16px;
    }
    mat-form-field {
      width: 170px;
    }
    /* On a line of its own right after the period's fields, which it is about. */
    .period-notice {
      flex-basis: 100%;
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    /* On a wide screen every filter is in view; the wrapper only groups those a phone folds away. */
    .more {
      display: contents;
    }
    .toggle {
      display: none;
    }
    /* On a phone, ten filters would fill the first screen before any number: the period stays, the rest unfold. */
    @media (max-width: 600px) {
      mat-form-field {
        width: calc(50% - 6px);
      }
      .toggle {
        display: inline-flex;
        align-self: center;
      }
      .more.collapsed {
        display: none;
      }
    }
  `,
})
export class DashboardFiltersComponent {
  readonly selection = input.required<DashboardSelection>();
  /** The days shown, to start a custom period from. */
  readonly days = input<PeriodDays | null>(null);
  readonly versions = input<Dashboard['versions']>([]);
  readonly segments = input<Dashboard['segments'] | null>(null);
  /** Every active member (see ownerChoices). */
  readonly owners = input<OwnerChoice[]>([]);
  /** The teams the workspace's members are in. */
  readonly teams = input<string[]>([]);
  /** What reading the URL changed of the custom period's days, said beside its fields ("From was after To: …"). */
  readonly periodNotices = input<readonly string[]>([]);
  readonly changed = output<Partial<DashboardSelection>>();

  /** The period fields are described by the notice about them while there is one. */
  protected readonly periodNote = computed(() =>
    this.periodNotices().length > 0 ? 'dashboard-period-notice' : null,
  );

  /** Whether a phone shows the filters beyond the period (a wide screen always does). */
  protected readonly expanded = signal(false);
  protected readonly toggleText = computed(() => {
    const chosen = this.selection();
    const set = FOLDED_FILTERS.filter((key) => chosen[key] !== null).length;
    if (this.expanded()) return 'Fewer filters';
    return set > 0 ? `More filters (${set} set)` : 'More filters';
  });
  protected readonly periods = PERIOD_CHOICES;
  protected readonly periodLabels = PERIOD_LABELS;
  protected readonly granularities = GRANULARITIES;
  protected readonly granularityLabels = GRANULARITY_LABELS;
  /**
   * Each segment's choices. A value from the URL in another case than the one listed (a link saved before the
   * workspace corrected the value's spelling, which the API still reads as that value) shows as the listed one; a
   * value the API did not list at all is kept, so it shows as chosen.
   */
  protected readonly segmentControls = computed<SegmentControl[]>(() =>
    SEGMENTS.map((segment) => {
      const options = [...(this.segments()?.[segment.from] ?? [])];
      const current = this.selection()[segment.key];
      const folded = current?.toLowerCase();
      const chosen = options.find((option) => option.toLowerCase() === folded) ?? current;
      if (chosen !== null && !options.includes(chosen)) options.unshift(chosen);
      return { key: segment.key, label: segment.label, any: segment.any, options, chosen };
    }),
  );

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value.trim();
  }

  protected granularityOf(value: string): DashboardGranularity | null {
    return GRANULARITIES.find((granularity) => granularity === value) ?? null;
  }

  protected pickPeriod(value: string): void {
    const period = PERIOD_CHOICES.find((choice) => choice === value) ?? 'MONTH';
    if (period !== 'CUSTOM') {
      this.changed.emit({ period, from: null, to: null });
      return;
    }
    // A custom period starts as the days on screen, to be narrowed or widened from there.
    const days = this.days();
    const from = days?.from ?? null;
    const to = days ? addDays(days.to, -1) : null;
    this.changed.emit({ period: 'CUSTOM', from, to });
  }

  protected pickDay(end: 'from' | 'to', value: string): void {
    // A day set again as it is changes nothing; navigating would only drop the notice of what was adjusted.
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && value !== this.selection()[end])
      this.changed.emit({ [end]: value });
  }

  protected pickSegment(key: SegmentKey, value: string): void {
    this.changed.emit({ [key]: value || null });
  }
}

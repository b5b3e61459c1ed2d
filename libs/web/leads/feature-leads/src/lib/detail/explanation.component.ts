import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { type LeadDetail, contributionLines, fitScaleNote, typeLabel } from '@accord/web/leads/data-access';

type Explanation = NonNullable<LeadDetail['explanation']>;

/** Why the lead scored what it did: the one-line summary, then every contribution with its points. */
@Component({
  selector: 'accord-lead-explanation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (explanation(); as shown) {
      <p class="summary" aria-label="Explanation summary">
        {{ shown.summary || 'Nothing contributed to the scores.' }}
      </p>
      <div class="columns">
        <section aria-labelledby="fit-heading">
          <h3 id="fit-heading">Fit</h3>
          <ul>
            @for (line of lines()?.fit?.lines; track line.key) {
              <li [class.negative]="line.negative">
                <span class="points">{{ line.points }}</span> {{ line.label }}
              </li>
            } @empty {
              <li>No criterion matched.</li>
            }
            @if (lines()?.fit?.adjustment; as points) {
              <li>
                <span class="points">{{ points }}</span> kept within 0–100
              </li>
            }
          </ul>
          @if (scaleNote(); as note) {
            <p class="note">{{ note }}</p>
          }
        </section>
        <section aria-labelledby="intent-heading">
          <h3 id="intent-heading">Intent</h3>
          <ul>
            @for (line of lines()?.intent?.lines; track line.key) {
              <li>
                <span class="points">{{ line.points }}</span> {{ line.label }}
              </li>
            } @empty {
              <li>No intent signal counted.</li>
            }
            @if (lines()?.intent?.adjustment; as points) {
              <li>
                <span class="points">{{ points }}</span> capped at 100
              </li>
            }
          </ul>
          @if (shown.activity.length > 0) {
            <p class="note">
              Activity, not intent:
              @for (item of shown.activity; track item.type; let last = $last) {
                {{ label(item.type) }} ×{{ item.count }}{{ last ? '' : ', ' }}
              }
            </p>
          }
          @if (shown.unknownSignalTypes.length > 0) {
            <p class="note">
              Not scored by this version:
              @for (item of shown.unknownSignalTypes; track item.type; let last = $last) {
                {{ label(item.type) }} ×{{ item.count }}{{ last ? '' : ', ' }}
              }
            </p>
          }
        </section>
      </div>
    } @else {
      <p>Not scored yet: no agreement version is in force.</p>
    }
  `,
  styles: `
    .summary {
      font: var(--mat-sys-body-large);
      margin: 0 0 12px;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(260px, 1fr));
      gap: 16px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 0 0 4px;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      padding: 2px 0;
    }
    .points {
      display: inline-block;
      min-width: 3.5em;
      font-variant-numeric: tabular-nums;
      font-weight: 500;
    }
    .negative .points {
      color: var(--mat-sys-error);
    }
    .note {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LeadExplanationComponent {
  readonly explanation = input<Explanation | null>(null);

  protected readonly lines = computed(() => {
    const explanation = this.explanation();
    return explanation ? contributionLines(explanation) : null;
  });
  protected readonly scaleNote = computed(() => {
    const explanation = this.explanation();
    return explanation ? fitScaleNote(explanation) : null;
  });
  protected readonly label = typeLabel;
}

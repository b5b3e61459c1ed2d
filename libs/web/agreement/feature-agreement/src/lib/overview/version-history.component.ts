import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';

import { type AgreementVersion, versionLabel } from '@accord/web/agreement/data-access';

import { StatusChipComponent } from '../shared/status-chip.component';
import { formatInstant } from '../shared/wording';

/** Keeps at most two picks, dropping the oldest pick when a third is made. */
export function pickForComparison(picked: readonly string[], id: string, checked: boolean): string[] {
  const others = picked.filter((entry) => entry !== id);
  return checked ? [...others, id].slice(-2) : others;
}

/**
 * Every version, newest first; picking two asks for what changed from the older to the newer, and un-picking one
 * of them withdraws the question (null), so no comparison stays on screen without its two versions picked.
 */
@Component({
  selector: 'accord-version-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatCheckbox, StatusChipComponent],
  template: `
    <p class="help">Pick two versions to see what changed between them.</p>
    <div class="scroll">
      <table class="history">
        <caption class="visually-hidden">
          Versions of the agreement
        </caption>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">Compare</span></th>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col">Effective</th>
            <th scope="col">Superseded</th>
          </tr>
        </thead>
        <tbody>
          @for (version of versions(); track version.id) {
            <tr>
              <td>
                <mat-checkbox
                  [checked]="picked().includes(version.id)"
                  (change)="pick(version.id, $event.checked)"
                  [aria-label]="'Compare ' + label(version)"
                />
              </td>
              <th scope="row">
                <a [routerLink]="['/agreement/versions', version.id]">{{ label(version) }}</a>
                @if (version.inForce) {
                  <span class="in-force">in force</span>
                }
              </th>
              <td><accord-status-chip [status]="version.status" /></td>
              <td class="date" data-label="Effective">{{ when(version.effectiveAt) }}</td>
              <td class="date" data-label="Superseded">{{ when(version.supersededAt) }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .help {
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 8px;
    }
    .scroll {
      overflow-x: auto;
    }
    .history {
      border-collapse: collapse;
      width: 100%;
      min-width: 560px;
    }
    th,
    td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    /* On a phone each version is a short block: its dates go under it, labelled, instead of off the screen. */
    @media (max-width: 599.98px) {
      .history {
        min-width: 0;
      }
      .history thead {
        display: none;
      }
      .history tr {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        column-gap: 8px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      .history th,
      .history td {
        border-bottom: none;
      }
      .history .date {
        flex-basis: 100%;
        padding: 0 8px 4px;
      }
      .history .date::before {
        content: attr(data-label) ': ';
        color: var(--mat-sys-on-surface-variant);
      }
    }
    .in-force {
      margin-left: 8px;
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-primary);
    }
  `,
})
export class VersionHistoryComponent {
  readonly versions = input.required<readonly AgreementVersion[]>();
  readonly timeZone = input<string | undefined>(undefined);
  /** Two version ids, older first, whenever two are picked; null when a pick leaves fewer than two. */
  readonly compare = output<[string, string] | null>();

  protected readonly picked = signal<string[]>([]);
  protected readonly label = versionLabel;
  private readonly numbers = computed(
    () => new Map(this.versions().map((version) => [version.id, version.number] as const)),
  );

  protected when(instant: string | null): string {
    return instant === null ? '—' : formatInstant(instant, this.timeZone());
  }

  protected pick(id: string, checked: boolean): void {
    const picked = pickForComparison(this.picked(), id, checked);
    this.picked.set(picked);
    if (picked.length !== 2) {
      this.compare.emit(null);
      return;
    }
    const [a, b] = [...picked].sort((x, y) => (this.numbers().get(x) ?? 0) - (this.numbers().get(y) ?? 0));
    this.compare.emit([a, b]);
  }
}

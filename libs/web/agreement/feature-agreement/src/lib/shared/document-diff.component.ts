import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import type { AgreementDocument } from '@accord/domain/agreement';
import type { AgreementDiff } from '@accord/web/agreement/data-access';

import { changeRow } from './document-paths';

const KIND_LABELS = { ADDED: 'Added', REMOVED: 'Removed', CHANGED: 'Changed' } as const;

/** The changes between two versions as a table: where, what kind of change, before and after in words. */
@Component({
  selector: 'accord-document-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p class="none">No differences: both versions say the same.</p>
    } @else {
      <div class="scroll">
        <table class="diff">
          <caption>
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Change</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.path) {
              <tr [class]="row.kind.toLowerCase()">
                <th scope="row">{{ row.where }}</th>
                <td>{{ kinds[row.kind] }}</td>
                <td>{{ row.before ?? '—' }}</td>
                <td>{{ row.after ?? '—' }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .scroll {
      overflow-x: auto;
    }
    .diff {
      border-collapse: collapse;
      width: 100%;
      min-width: 640px;
    }
    caption {
      text-align: left;
      font: var(--mat-sys-title-small);
      padding: 0 0 8px;
    }
    th,
    td {
      text-align: left;
      vertical-align: top;
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    tbody th {
      font-weight: 500;
    }
    tr.added td:last-child {
      background: color-mix(in srgb, var(--mat-sys-primary-container) 50%, transparent);
    }
    tr.removed td:nth-child(3) {
      background: color-mix(in srgb, var(--mat-sys-error-container) 50%, transparent);
      text-decoration: line-through;
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DocumentDiffComponent {
  readonly diff = input.required<AgreementDiff>();
  /** The two documents, to name the items the paths point at. */
  readonly before = input<AgreementDocument | null>(null);
  readonly after = input<AgreementDocument | null>(null);
  readonly people = input<ReadonlyMap<string, string>>(new Map());

  protected readonly kinds = KIND_LABELS;
  protected readonly caption = computed(
    () => `Changes from v${this.diff().from.number} to v${this.diff().to.number}`,
  );
  protected readonly rows = computed(() =>
    this.diff().changes.map((change) =>
      changeRow(change, { before: this.before(), after: this.after() }, { people: this.people() }),
    ),
  );
}

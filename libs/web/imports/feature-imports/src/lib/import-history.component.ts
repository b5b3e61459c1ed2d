import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';

import type { ImportHistoryRow } from '@accord/web/imports/data-access';
import { TABLE_SCROLL_STYLES, emptyListText } from '@accord/web/shared/ui';

import { IMPORT_TABLE_STYLES } from './import-table-styles';

/** The workspace's past imports, newest first, each with a button for its report. */
@Component({
  selector: 'accord-import-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton],
  template: `
    <div class="scroll">
      <table>
        <caption class="visually-hidden">
          Past imports
        </caption>
        <thead>
          <tr>
            <th scope="col">Started ({{ timeZone() }})</th>
            <th scope="col">Kind</th>
            <th scope="col">File</th>
            <th scope="col">Run</th>
            <th scope="col" class="count">Rows</th>
            <th scope="col" class="count">Created</th>
            <th scope="col" class="count">Updated</th>
            <th scope="col" class="count">Unchanged</th>
            <th scope="col" class="count">Skipped</th>
            <th scope="col" class="count">Refused</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.id) {
            <tr>
              <!-- The row's header, which stays in view while a phone scrolls the counts under it. -->
              <th scope="row" class="nowrap started">{{ row.started }}</th>
              <td>{{ row.kind }}</td>
              <td class="file">
                {{ row.file }}
                <!-- Under the file's name, not in a column of their own: twelve columns overflowed 1366 px. -->
                <span class="downloads">
                  <button
                    mat-button
                    type="button"
                    [attr.aria-label]="'Report of the import started ' + row.started"
                    (click)="download.emit(row.id)"
                  >
                    Report
                  </button>
                  @if (row.refusedRowsKept > 0) {
                    <button
                      mat-button
                      type="button"
                      [attr.aria-label]="'Refused rows of the import started ' + row.started"
                      (click)="downloadRefused.emit(row.id)"
                    >
                      Refused rows
                    </button>
                  }
                </span>
              </td>
              <td>{{ row.run }}</td>
              <td class="count">{{ row.rows }}</td>
              <td class="count">{{ row.created }}</td>
              <td class="count">{{ row.updated }}</td>
              <td class="count">{{ row.unchanged }}</td>
              <td class="count">{{ row.skipped }}</td>
              <td class="count">{{ row.refused }}</td>
              <td>
                {{ row.status }}
                @if (row.problem) {
                  <span class="why">{{ row.problem }}</span>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="11" class="muted" [class.problem]="failed() && !loading()">
                {{ emptyText() }}
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: [
    TABLE_SCROLL_STYLES,
    IMPORT_TABLE_STYLES,
    `
      .count {
        text-align: right;
      }
      .nowrap {
        white-space: nowrap;
      }
      /* Long names break between words, and only break inside one that is wider than the table can be; "anywhere"
       let the column shrink below a short name, which split "leads.csv" at 1366 px. */
      .file {
        overflow-wrap: break-word;
      }
      .downloads {
        display: flex;
        flex-wrap: wrap;
        margin-left: -12px;
      }
      .muted {
        color: var(--mat-sys-on-surface-variant);
      }
      .problem {
        color: var(--mat-sys-error);
      }
      /* Why a failed import stopped, under "Failed": the report holds the rows, not this. */
      .why {
        display: block;
        min-width: 16em;
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-error);
      }
      .started {
        font-weight: normal;
      }
    `,
  ],
})
export class ImportHistoryComponent {
  readonly rows = input.required<ImportHistoryRow[]>();
  /** The workspace's IANA time zone, in which the rows' start times read. */
  readonly timeZone = input('UTC');
  readonly loading = input(false);
  readonly failed = input(false);
  /** The id of the import whose report is asked for. */
  readonly download = output<string>();
  /** The refused rows as the file had them, to fix and import again. */
  readonly downloadRefused = output<string>();

  protected readonly emptyText = computed(() =>
    emptyListText(
      { loading: this.loading(), failed: this.failed() },
      { empty: 'No imports yet.', failed: 'Past imports could not be loaded.' },
    ),
  );
}

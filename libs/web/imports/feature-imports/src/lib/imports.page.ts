import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatProgressBar } from '@angular/material/progress-bar';

import {
  IMPORT_KIND_LABELS,
  IMPORT_KIND_PATHS,
  type ImportField,
  type ImportKindName,
  type ImportMapping,
  type ImportOutcome,
  type ImportPreview,
  type ImportReportLine,
  ImportsStore,
  KINDS_WITH_HANDOVERS,
  encodingNote,
  importValueLabel,
  refusedRowsNote,
  toImportHistoryRow,
  unplacedValues,
} from '@accord/web/imports/data-access';
import { type ApiResult, AuthStore, injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import { FormAlertComponent, PageHeaderComponent } from '@accord/web/shared/ui';

import { ImportHistoryComponent } from './import-history.component';
import { IMPORT_TABLE_STYLES } from './import-table-styles';

const KINDS = Object.keys(IMPORT_KIND_PATHS) as ImportKindName[];

/** Kinds only admins may import: sales reps become members (the API refuses anyone else too). */
const ADMIN_KINDS: readonly ImportKindName[] = ['SALES_REPS'];

/**
 * Import a CSV: choose what it holds, pick the file, check the mapping Accord proposes (columns, enumeration
 * values, date order), dry-run, import, read and download the report; past imports below.
 */
@Component({
  selector: 'accord-imports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ImportsStore],
  imports: [
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCheckbox,
    MatProgressBar,
    FormAlertComponent,
    PageHeaderComponent,
    ImportHistoryComponent,
  ],
  template: `
    <accord-page-header heading="Imports" />
    <p class="intro">
      Bring a CRM's history in from CSV exports. Accord proposes a mapping from the header; a dry run shows
      what would happen without writing anything, and importing the same file again changes nothing.
    </p>
    <accord-form-alert [message]="error() ?? historyError()" />

    <h2>1. What the file holds</h2>
    <mat-button-toggle-group
      class="kinds"
      aria-label="Kind of import"
      hideSingleSelectionIndicator
      [value]="kind()"
      (change)="chooseKind($event.value)"
    >
      @for (item of kinds(); track item) {
        <mat-button-toggle [value]="item">{{ labels[item] }}</mat-button-toggle>
      }
    </mat-button-toggle-group>

    <h2>2. The file</h2>
    <label class="file">
      CSV file
      <input
        type="file"
        accept=".csv,text/csv,text/plain"
        (change)="chooseFile($event)"
        data-testid="import-file"
      />
    </label>
    @if (busy()) {
      <mat-progress-bar mode="indeterminate" aria-label="Working" />
    }

    @if (preview(); as current) {
      <h2>3. Mapping</h2>
      @if (current.savedMappingUsed) {
        <p class="muted">The mapping saved for this header is used; change it below.</p>
      }
      @if (encodingNote(current.encoding); as note) {
        <p class="muted">{{ note }}</p>
      }
      <div class="wide">
        <table class="mapping">
          <caption class="visually-hidden">
            Column mapping
          </caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Example</th>
              <th scope="col">Accord field</th>
            </tr>
          </thead>
          <tbody>
            @for (header of current.headers; track $index; let column = $index) {
              <tr>
                <td>{{ header }}</td>
                <td class="muted">{{ current.sampleRows[0]?.[column] ?? '' }}</td>
                <td>
                  <select
                    [attr.aria-label]="'Field for ' + header"
                    [value]="mapping()?.columns?.[column] ?? ''"
                    (change)="mapColumn(column, $event)"
                  >
                    <option value="">— leave out —</option>
                    @for (field of fields(); track field.key) {
                      <option [value]="field.key" [selected]="mapping()?.columns?.[column] === field.key">
                        {{ field.label }}{{ field.required ? ' *' : '' }}
                      </option>
                    }
                  </select>
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>

      @if (enumValues().length > 0) {
        <h3>Values</h3>
        <div class="wide">
          <table class="mapping">
            <caption class="visually-hidden">
              Value mapping
            </caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Value in the file</th>
                <th scope="col">Recorded as</th>
              </tr>
            </thead>
            <tbody>
              @for (item of enumValues(); track item.field + item.value) {
                <tr [class.unplaced]="item.mappedTo === null && !chosenValue(item.field, item.value)">
                  <td>{{ item.header }}</td>
                  <td>{{ item.value }}</td>
                  <td>
                    <select
                      [attr.aria-label]="'Value for ' + item.value"
                      (change)="mapValue(item.field, item.value, $event)"
                    >
                      <option value="">
                        {{
                          item.mappedTo
                            ? valueLabel(item.field, item.mappedTo) + ' (proposed)'
                            : '— refuse the row —'
                        }}
                      </option>
                      @for (allowed of allowedValues(item.field, item.mappedTo); track allowed.value) {
                        <option
                          [value]="allowed.value"
                          [selected]="chosenValue(item.field, item.value) === allowed.value"
                        >
                          {{ allowed.label }}
                        </option>
                      }
                    </select>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      <div class="options">
        @if (hasType('date')) {
          <label>
            Dates such as 03/04/2025
            <!-- Named by its visible label, so that speaking what is on screen finds it. -->
            <select (change)="setDateOrder($event)">
              <option value="" [selected]="!mapping()?.dateOrder">refuse them (ambiguous)</option>
              <option value="DMY" [selected]="mapping()?.dateOrder === 'DMY'">day first (3 April)</option>
              <option value="MDY" [selected]="mapping()?.dateOrder === 'MDY'">month first (March 4)</option>
            </select>
          </label>
        }
        @if (hasType('amount')) {
          <label>
            Currency of amounts without one
            <input
              maxlength="3"
              size="4"
              [value]="mapping()?.defaultCurrency ?? 'USD'"
              (change)="setCurrency($event)"
            />
          </label>
        }
        <mat-checkbox [checked]="saveMapping()" (change)="saveMapping.set($event.checked)"
          >Save this mapping for next time</mat-checkbox
        >
        @if (takesHandovers()) {
          <mat-checkbox [checked]="openHandovers()" (change)="openHandovers.set($event.checked)"
            >Hand the leads this makes MQLs over to sales (those without an owner: routed, due by the
            SLA)</mat-checkbox
          >
        }
      </div>
      @for (problem of current.problems; track problem.message) {
        <p class="problem">{{ problem.message }}</p>
      }

      <div class="actions">
        <button mat-stroked-button type="button" [disabled]="busy() || unmapped()" (click)="run(true)">
          Dry run
        </button>
        <button mat-flat-button type="button" [disabled]="busy() || unmapped()" (click)="run(false)">
          Import
        </button>
      </div>
    }

    @if (outcome(); as result) {
      <h2>{{ result.dryRun ? 'Dry run: what would happen' : 'Import report' }}</h2>
      <p class="counts" data-testid="import-counts">
        {{ result.rows }} rows · {{ result.created }} created · {{ result.updated }} updated ·
        {{ result.unchanged }} unchanged · {{ result.skipped }} skipped · {{ result.refused }} refused ·
        {{ result.cleaned }} cleaned
      </p>
      @if (result.error) {
        <p class="problem">{{ result.error }}</p>
      }
      <div class="downloads">
        <button mat-button type="button" (click)="download(result.id)">Download the report (CSV)</button>
        @if (result.refusedRowsKept > 0) {
          <button mat-button type="button" (click)="download(result.id, 'refused')">
            Download the refused rows to fix (CSV)
          </button>
        }
      </div>
      @if (result.refusedRowsKept > 0) {
        <p class="muted">{{ refusedRowsNote(result) }}</p>
      }
      @if (lines().length > 0) {
        <div class="wide">
          <table class="report">
            <caption class="visually-hidden">
              Report lines
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Outcome</th>
                <th scope="col">Column</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              @for (line of lines(); track $index) {
                <tr>
                  <td>{{ line.row }}</td>
                  <td>{{ line.outcome }}</td>
                  <td>{{ line.column }}</td>
                  <td>{{ line.message }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    }

    <h2>Past imports</h2>
    <accord-import-history
      [rows]="historyRows()"
      [timeZone]="timeZone()"
      [loading]="store.loading()"
      [failed]="historyError() !== null"
      (download)="download($event)"
      (downloadRefused)="download($event, 'refused')"
    />
  `,
  styles: [
    IMPORT_TABLE_STYLES,
    `
      /* Five kinds do not fit a phone's width in one row: they wrap rather than push the page sideways. */
      .kinds {
        flex-wrap: wrap;
        max-width: 100%;
      }
      .downloads {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .intro,
      .muted {
        color: var(--mat-sys-on-surface-variant);
      }
      .file {
        display: flex;
        gap: 12px;
        align-items: center;
        margin-bottom: 12px;
      }
      /* A table wider than a phone scrolls by itself, and not the page. */
      .wide {
        overflow-x: auto;
      }
      .unplaced td {
        background: var(--mat-sys-error-container);
      }
      .options {
        display: flex;
        flex-wrap: wrap;
        gap: 24px;
        align-items: center;
        margin: 12px 0;
      }
      .actions {
        display: flex;
        gap: 12px;
        margin: 12px 0 24px;
      }
      .problem {
        color: var(--mat-sys-error);
      }
    `,
  ],
})
export class ImportsPage implements OnInit {
  protected readonly store = inject(ImportsStore);
  private readonly auth = inject(AuthStore);
  protected readonly kinds = computed(() => {
    const admin = this.auth.roles().includes('ADMIN');
    return KINDS.filter((kind) => admin || !ADMIN_KINDS.includes(kind));
  });
  protected readonly labels = IMPORT_KIND_LABELS;
  protected readonly timeZone = injectWorkspaceTimeZone();
  protected readonly historyRows = computed(() =>
    this.store.history().map((item) => toImportHistoryRow(item, this.timeZone())),
  );
  protected readonly encodingNote = encodingNote;

  protected readonly kind = signal<ImportKindName>('LEADS');
  protected readonly file = signal<File | null>(null);
  protected readonly fields = signal<ImportField[]>([]);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly mapping = signal<ImportMapping | null>(null);
  protected readonly saveMapping = signal(true);
  /** Off by default: imported history is not a queue of new MQLs for sales (docs/imports.md). */
  protected readonly openHandovers = signal(false);
  protected readonly takesHandovers = computed(() => KINDS_WITH_HANDOVERS.includes(this.kind()));
  protected readonly outcome = signal<ImportOutcome | null>(null);
  protected readonly lines = signal<ImportReportLine[]>([]);
  /** A preview on its way: the mapping on screen may not be the file's, so nothing may be sent. */
  private readonly previewing = signal(false);
  private readonly uploading = signal(false);
  protected readonly busy = computed(() => this.previewing() || this.uploading());
  /**
   * The mapping has problems (a field every row needs has no column): the API would refuse the file whole, and
   * record a failed import, so neither run is offered until the problems listed above the buttons are solved.
   */
  protected readonly unmapped = computed(() => (this.preview()?.problems.length ?? 0) > 0);
  protected readonly error = signal<string | null>(null);
  /** Why past imports could not be read; kept apart so that the page's own errors do not hide it. */
  protected readonly historyError = signal<string | null>(null);

  /** Enumeration values of the sample: those Accord cannot place first. */
  protected readonly enumValues = computed(() => {
    const current = this.preview();
    if (!current) return [];
    // Placed or not by the mapping as it is being edited, the hand-mapped values included.
    const unplaced = new Set(unplacedValues({ ...current, mapping: this.mapping() ?? current.mapping }));
    return [...current.values].sort((a, b) => Number(unplaced.has(b)) - Number(unplaced.has(a)));
  });

  ngOnInit(): void {
    void this.loadHistory();
    void this.loadFields();
  }

  protected async chooseKind(kind: ImportKindName): Promise<void> {
    this.kind.set(kind);
    this.outcome.set(null);
    // The preview is asked for at once, not after the fields, so that the other kind's mapping leaves the screen
    // (and cannot be sent) as soon as the kind changes.
    await Promise.all([this.loadFields(), this.file() ? this.loadPreview() : null]);
  }

  protected async chooseFile(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    this.outcome.set(null);
    if (file) await this.loadPreview();
    else this.dropPreview();
  }

  protected async mapColumn(column: number, event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    this.mapping.update((current) =>
      current
        ? {
            ...current,
            columns: current.columns.map((key, index) => (index === column ? value || null : key)),
          }
        : current,
    );
    await this.refreshValues();
  }

  /**
   * Accord's values for an enumeration field, each recorded as itself, offered in words — but the one Accord
   * proposes, which the first option ("VP (proposed)") already stands for.
   */
  protected allowedValues(field: string, proposed: string | null = null): { value: string; label: string }[] {
    const values = this.fields().find((item) => item.key === field)?.values ?? [];
    return values
      .filter((value) => value !== proposed)
      .map((value) => ({ value, label: this.valueLabel(field, value) }));
  }

  /** Whether the kind has a field of this type: a kind without dates or amounts asks nothing about them. */
  protected hasType(type: 'date' | 'amount'): boolean {
    return this.fields().some((field) => field.type === type);
  }

  protected valueLabel(field: string, value: string): string {
    return importValueLabel(this.kind(), field, value);
  }

  protected chosenValue(field: string, value: string): string | null {
    return this.mapping()?.values[field]?.[value] ?? null;
  }

  protected mapValue(field: string, value: string, event: Event): void {
    const target = (event.target as HTMLSelectElement).value;
    this.mapping.update((current) => {
      if (!current) return current;
      const forField = { ...(current.values[field] ?? {}) };
      if (target) forField[value] = target;
      else delete forField[value];
      return { ...current, values: { ...current.values, [field]: forField } };
    });
  }

  protected setDateOrder(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.mapping.update((current) =>
      current ? { ...current, dateOrder: value === 'DMY' || value === 'MDY' ? value : null } : current,
    );
  }

  protected setCurrency(event: Event): void {
    const value = (event.target as HTMLInputElement).value.trim().toUpperCase();
    this.mapping.update((current) => (current ? { ...current, defaultCurrency: value } : current));
  }

  protected async run(dryRun: boolean): Promise<void> {
    const file = this.file();
    const mapping = this.mapping();
    if (!file || !mapping) return;
    this.uploading.set(true);
    this.error.set(null);
    const result = await this.store.upload(this.kind(), file, mapping, {
      dryRun,
      saveMapping: this.saveMapping() && !dryRun,
      ...(this.takesHandovers()
        ? { handovers: this.openHandovers() ? ('open' as const) : ('skip' as const) }
        : {}),
    });
    this.uploading.set(false);
    if (!result.ok) {
      this.error.set(result.error.message);
      await this.loadHistory();
      return;
    }
    this.outcome.set(result.value);
    const report = await this.store.report(result.value.id);
    this.lines.set(report.ok ? report.value.lines : []);
    await this.loadHistory();
  }

  protected readonly refusedRowsNote = refusedRowsNote;

  protected async download(importId: string, file: 'report' | 'refused' = 'report'): Promise<void> {
    const result = await this.store.download(importId, file);
    if (!result.ok) this.error.set(result.error.message);
  }

  private async loadFields(): Promise<void> {
    const kind = this.kind();
    const result = await this.store.fields(kind);
    // A late answer for a kind since left would put its fields (and their values) under the other kind's mapping.
    if (kind !== this.kind()) return;
    if (result.ok) this.fields.set(result.value);
    else this.error.set(result.error.message);
  }

  /** Past imports; a failed read is said as such rather than shown as an empty history. */
  private async loadHistory(): Promise<void> {
    const result = await this.store.loadHistory();
    this.historyError.set(result.ok ? null : result.error.message);
  }

  /** Previews asked for; only the latest one's answer is used. */
  private previews = 0;

  /**
   * A preview of the file on screen for the kind on screen, or null once it is stale: a newer preview was asked
   * for, or the file or kind changed meanwhile. Answers can arrive out of order, and a stale one would put another
   * file's or kind's header and mapping on screen.
   */
  private async latestPreview(mapping?: ImportMapping): Promise<ApiResult<ImportPreview> | null> {
    const file = this.file();
    if (!file) return null;
    const kind = this.kind();
    const ticket = ++this.previews;
    const result = await this.store.preview(kind, file, mapping);
    return ticket === this.previews && kind === this.kind() && file === this.file() ? result : null;
  }

  /**
   * The enumeration values to map and the problems follow the column mapping: the preview is asked again for
   * the mapping as it is now (its values come from the whole head of the file, not the few sample rows). The
   * mapping itself stays the person's.
   */
  private async refreshValues(): Promise<void> {
    const mapping = this.mapping();
    if (!mapping || !this.preview()) return;
    const result = await this.latestPreview(mapping);
    if (!result) return;
    if (!result.ok) {
      this.error.set(result.error.message);
      return;
    }
    this.preview.update((current) =>
      current ? { ...current, values: result.value.values, problems: result.value.problems } : current,
    );
  }

  /**
   * The header and proposed mapping of a newly chosen file or kind. The previous ones are cleared at once: they
   * describe another file or kind, and must not be edited or sent with this file.
   */
  private async loadPreview(): Promise<void> {
    this.previewing.set(true);
    this.error.set(null);
    this.preview.set(null);
    this.mapping.set(null);
    const result = await this.latestPreview();
    // Stale: the preview asked for since then ends the wait, not this one.
    if (!result) return;
    this.previewing.set(false);
    if (!result.ok) {
      this.error.set(result.error.message);
      return;
    }
    this.preview.set(result.value);
    this.mapping.set(result.value.mapping);
  }

  /** No file any more: forget its preview, and any answer still on its way. */
  private dropPreview(): void {
    this.previews++;
    this.previewing.set(false);
    this.preview.set(null);
    this.mapping.set(null);
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';

import { hasAnyRole } from '@accord/domain/workspace';
import {
  LEAD_VALUE_FIELDS,
  LeadValuesStore,
  correctionWords,
  valuesSummary,
  wholeNumber,
} from '@accord/web/leads/data-access';
import { AuthStore, type LeadValueField } from '@accord/web/shared/data-access';
import {
  FormAlertComponent,
  PageHeaderComponent,
  TABLE_SCROLL_STYLES,
  tableCaptionId,
} from '@accord/web/shared/ui';

import { SIDE_PAGE_STYLES } from '../shared/side-page-styles';
import { SpellingEditorComponent } from './spelling-editor.component';

/**
 * The workspace's sources, campaigns and industries as it spells them, with how many leads hold each — what the
 * dashboard's segments and the rejection feedback are made of — and, for marketing, the correction of a spelling's
 * case ("linkedin" first stored, "LinkedIn" meant).
 */
@Component({
  selector: 'accord-lead-values-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LeadValuesStore],
  imports: [
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatProgressBar,
    RouterLink,
    FormAlertComponent,
    PageHeaderComponent,
    SpellingEditorComponent,
  ],
  template: `
    <a routerLink="/leads" class="back">← All leads</a>
    <accord-page-header heading="Sources, campaigns and industries">
      <p subtitle class="sub">
        Each value has one spelling in the workspace, the first one stored: a lead that arrives with
        “LINKEDIN” is stored as the workspace spells LinkedIn.
        @if (corrects()) {
          Correct a spelling's case here, and every lead reads it.
        }
      </p>
      <mat-button-toggle-group
        aria-label="Values of"
        hideSingleSelectionIndicator
        [value]="store.field()"
        (change)="choose($event.value)"
      >
        @for (entry of fields; track entry.field) {
          <mat-button-toggle [value]="entry.field">{{ entry.label }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
    </accord-page-header>
    <accord-form-alert [message]="store.loadError()?.message ?? saveError()" />
    <p #status class="status" role="status" tabindex="-1">{{ message() }}</p>
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading values" />
    } @else if (!store.loadError()) {
      <p class="summary">{{ summary() }}</p>
    }
    @if (store.values().length > 0) {
      <p class="visually-hidden" [id]="captionId">{{ fieldLabel() }} values and their leads</p>
      <div class="scroll">
        <table #table class="values" [attr.aria-labelledby]="captionId">
          <thead>
            <tr>
              <th scope="col">{{ fieldLabel() }}</th>
              <th scope="col" class="count">Leads</th>
              @if (corrects()) {
                <th scope="col"><span class="visually-hidden">Correction</span></th>
              }
            </tr>
          </thead>
          <tbody>
            @for (value of store.values(); track value.spelling) {
              <tr>
                @if (editing() === value.spelling) {
                  <td colspan="3">
                    <accord-spelling-editor
                      [field]="store.shownField()"
                      [current]="value.spelling"
                      [pending]="saving()"
                      (saved)="save(value.spelling, $event)"
                      (cancelled)="cancel(value.spelling)"
                    />
                  </td>
                } @else {
                  <th scope="row" class="spelling">{{ value.spelling }}</th>
                  <td class="count">{{ wholeNumber(value.leads) }}</td>
                  @if (corrects()) {
                    <td class="action">
                      <button
                        mat-button
                        type="button"
                        [attr.aria-label]="'Correct the case of ' + value.spelling"
                        [attr.data-spelling]="value.spelling"
                        (click)="edit(value.spelling)"
                      >
                        Correct case
                      </button>
                    </td>
                  }
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: [
    TABLE_SCROLL_STYLES,
    SIDE_PAGE_STYLES,
    `
      .sub {
        max-width: 72ch;
      }
      .status:empty,
      .summary:empty {
        display: none;
      }
      .status {
        margin: 0 0 12px;
        outline: none;
      }
      .summary {
        color: var(--mat-sys-on-surface-variant);
        margin: 0 0 8px;
      }
      .values {
        width: 100%;
        max-width: 760px;
      }
      .spelling {
        font-weight: normal;
        overflow-wrap: anywhere;
      }
      .count {
        white-space: nowrap;
      }
      .action {
        text-align: right;
        padding-right: 0;
        white-space: nowrap;
      }
    `,
  ],
})
export class LeadValuesPage implements OnInit {
  protected readonly store = inject(LeadValuesStore);
  private readonly auth = inject(AuthStore);
  protected readonly fields = LEAD_VALUE_FIELDS;
  protected readonly wholeNumber = wholeNumber;
  protected readonly captionId = tableCaptionId();
  /** Sources, campaigns and industries are marketing's to keep, as the API rules. */
  protected readonly corrects = computed(() => hasAnyRole(this.auth.roles(), ['ADMIN', 'MARKETING']));
  protected readonly fieldLabel = computed(
    () => LEAD_VALUE_FIELDS.find((entry) => entry.field === this.store.shownField())?.label ?? '',
  );
  protected readonly summary = computed(() =>
    valuesSummary(this.store.shownField(), this.store.values().length, this.store.total()),
  );
  protected readonly editing = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly message = signal('');
  private readonly status = viewChild.required<ElementRef<HTMLElement>>('status');
  private readonly table = viewChild<ElementRef<HTMLElement>>('table');
  private readonly injector = inject(Injector);

  ngOnInit(): void {
    void this.store.load('SOURCE');
  }

  protected choose(field: LeadValueField): void {
    this.stopEditing();
    this.message.set('');
    void this.store.load(field);
  }

  protected edit(spelling: string): void {
    this.saveError.set(null);
    this.message.set('');
    this.editing.set(spelling);
  }

  protected stopEditing(): void {
    this.editing.set(null);
    this.saveError.set(null);
  }

  /** Back to the row's button, so a keyboard user goes on from where they were. */
  protected cancel(spelling: string): void {
    this.stopEditing();
    afterNextRender(
      {
        write: () =>
          Array.from(this.table()?.nativeElement.querySelectorAll<HTMLElement>('[data-spelling]') ?? [])
            .find((button) => button.dataset['spelling'] === spelling)
            ?.focus(),
      },
      { injector: this.injector },
    );
  }

  protected async save(current: string, spelling: string): Promise<void> {
    if (spelling === current) {
      this.stopEditing();
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    const result = await this.store.correct(this.store.shownField(), spelling);
    this.saving.set(false);
    if (!result.ok) {
      this.saveError.set(result.error.message);
      return;
    }
    this.editing.set(null);
    this.message.set(correctionWords(result.value));
    // Once the message shows: an empty status is not displayed, and cannot take focus.
    afterNextRender({ write: () => this.status().nativeElement.focus() }, { injector: this.injector });
  }
}

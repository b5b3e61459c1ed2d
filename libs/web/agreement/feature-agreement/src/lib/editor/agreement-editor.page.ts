import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { Router, RouterLink } from '@angular/router';

import { canEditAgreement } from '@accord/domain/agreement';
import { canUse } from '@accord/domain/workspace';
import {
  AgreementDraftStore,
  AgreementService,
  colleagueNames,
  editingRevisionText,
  knownPeople,
  statusLabel,
  versionLabel,
  versionLoadMessage,
} from '@accord/web/agreement/data-access';
import { AuthStore } from '@accord/web/shared/data-access';
import {
  FormAlertComponent,
  IssueDirective,
  PageHeaderComponent,
  askBeforeUnload,
  mayLeave,
} from '@accord/web/shared/ui';

import { IssueIndex } from '../shared/document-issues';
import { SendBackNoteComponent } from '../shared/send-back-note.component';
import { ConflictBannerComponent } from './conflict-banner.component';
import { dateInputValue, dateText, inputText, instantOfDate } from './editing';
import { FitSectionComponent } from './fit-section.component';
import { HandoverSectionComponent } from './handover-section.component';
import { IntentSectionComponent } from './intent-section.component';
import { IssueSummaryComponent } from './issue-summary.component';
import { KpisSectionComponent } from './kpis-section.component';
import { LivePreviewComponent } from './live-preview.component';
import { ReasonsSectionComponent } from './reasons-section.component';
import { routingAdvice } from './routing-advice';
import { RoutingSectionComponent } from './routing-section.component';
import { SqlSectionComponent } from './sql-section.component';

const SECTIONS = [
  { label: 'ICP & fit', paths: ['fit'] },
  { label: 'Intent', paths: ['intent'] },
  { label: 'Matrix & SLA', paths: ['handover.matrix', 'handover.slaHours'] },
  { label: 'Routing', paths: ['handover.routing'] },
  { label: 'SQL', paths: ['sql'] },
  { label: 'Rejections', paths: ['rejectionReasons'] },
  { label: 'KPIs', paths: ['kpis'] },
] as const;

/** Marketing's editor for a draft or proposal: every section, validated as it is typed, saved over its revision. */
@Component({
  selector: 'accord-agreement-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AgreementService, AgreementDraftStore],
  host: { '(window:beforeunload)': 'warnBeforeUnload($event)' },
  imports: [
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatTab,
    MatTabGroup,
    ConflictBannerComponent,
    FitSectionComponent,
    FormAlertComponent,
    HandoverSectionComponent,
    IntentSectionComponent,
    IssueDirective,
    IssueSummaryComponent,
    KpisSectionComponent,
    LivePreviewComponent,
    PageHeaderComponent,
    ReasonsSectionComponent,
    RoutingSectionComponent,
    SendBackNoteComponent,
    SqlSectionComponent,
  ],
  template: `
    <accord-form-alert [message]="loadMessage()" />
    @if (store.version(); as version) {
      <accord-page-header [heading]="'Edit ' + label(version)">
        <p subtitle class="meta">
          {{ status(version.status) }} · {{ revisionText(version.revision, store.conflict()) }}
          @if (version.status === 'PROPOSED') {
            · saving returns it to draft and voids its signatures
          }
        </p>
        <a mat-button [routerLink]="['/agreement/versions', version.id]">Back to {{ label(version) }}</a>
      </accord-page-header>

      @if (store.sentBack(); as sentBack) {
        <accord-send-back-note [event]="sentBack" [timeZone]="timeZone()" />
      }

      @if (!allowed()) {
        <p>Only marketing and admins edit the agreement.</p>
      } @else if (!editable()) {
        <p>
          {{ label(version) }} is {{ status(version.status).toLowerCase() }} and can no longer change.
          <a routerLink="/agreement">Start a new draft from the overview.</a>
        </p>
      } @else {
        @if (store.conflict(); as conflict) {
          <accord-conflict-banner
            [conflict]="conflict"
            [pending]="store.call.pending()"
            (reload)="reloadTheirs()"
            (overwrite)="saveOverTheirs()"
          />
        }
        <accord-form-alert [message]="store.call.error()" />
        <accord-issue-summary
          [issues]="store.issues()"
          [document]="store.document()"
          [order]="sectionPaths"
        />
        @if (advice(); as text) {
          <p class="advice" role="note">
            {{ text }}
            @if (readsMembers()) {
              <a routerLink="/members">Open Members</a>
            }
          </p>
        }

        <section class="actions" aria-label="Save and propose">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Take effect on (optional)</mat-label>
            <input
              matInput
              type="date"
              [value]="dateValue(store.requestedEffectiveAt())"
              (change)="setDate($event)"
              [accordIssue]="index().at('requestedEffectiveAt')"
            />
            <mat-hint>
              @if (store.requestedEffectiveAt(); as requested) {
                {{ dateText(requested) }}
              } @else {
                Empty: as soon as both sides sign
              }
            </mat-hint>
            <mat-error>{{ index().at('requestedEffectiveAt') }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="comment">
            <mat-label>Comment for the audit trail (optional)</mat-label>
            <input matInput [value]="comment()" (input)="comment.set(text($event))" />
          </mat-form-field>
          <div class="buttons">
            <!-- Focusable while unavailable (disabledInteractive), so saving does not drop the focus. -->
            <button
              #saveButton
              mat-flat-button
              type="button"
              disabledInteractive
              [disabled]="!store.canSave()"
              (click)="save()"
            >
              {{ store.call.pending() ? 'Saving…' : 'Save' }}
            </button>
            <button
              mat-stroked-button
              type="button"
              disabledInteractive
              [disabled]="!store.canPropose()"
              (click)="propose()"
            >
              Propose
            </button>
          </div>
          <p class="state" role="status">
            @if (store.dirty()) {
              Unsaved changes.
            } @else if (saved(); as message) {
              {{ message }}
            }
          </p>
        </section>

        <div class="layout">
          <mat-tab-group class="sections" mat-stretch-tabs="false" animationDuration="0ms">
            <mat-tab [label]="sections()[0]"><accord-fit-section [issues]="index()" /></mat-tab>
            <mat-tab [label]="sections()[1]"><accord-intent-section [issues]="index()" /></mat-tab>
            <mat-tab [label]="sections()[2]"><accord-handover-section [issues]="index()" /></mat-tab>
            <mat-tab [label]="sections()[3]">
              <accord-routing-section [issues]="index()" [people]="people()" [candidates]="candidates()" />
            </mat-tab>
            <mat-tab [label]="sections()[4]"><accord-sql-section [issues]="index()" /></mat-tab>
            <mat-tab [label]="sections()[5]"><accord-reasons-section [issues]="index()" /></mat-tab>
            <mat-tab [label]="sections()[6]"><accord-kpis-section [issues]="index()" /></mat-tab>
          </mat-tab-group>
          <aside class="preview" aria-labelledby="preview-heading">
            <accord-live-preview />
          </aside>
        </div>
      }
    }
  `,
  styles: `
    .meta {
      margin: 4px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      margin: 0 0 16px;
    }
    .comment {
      flex: 1 1 260px;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
    .advice {
      margin: 0 0 16px;
      padding: 8px 16px;
      border-left: 4px solid var(--mat-sys-tertiary);
    }
    .state {
      margin: 0;
      min-width: 12em;
      color: var(--mat-sys-on-surface-variant);
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(280px, 1fr);
      gap: 24px;
      align-items: start;
    }
    .sections {
      min-width: 0;
    }
    /* Material pads each tab 24px a side (90px at least): at 1280px, beside the preview, the last tabs would
       hide behind a scroll arrow. Tighter tabs keep every section in view. */
    .sections ::ng-deep .mat-mdc-tab {
      min-width: 0;
      padding: 0 12px;
    }
    /* A section's last button (Add criterion) has a 48px touch target 4px below its bottom edge: room for it, or the
       tab's body scrolls by those 4px beside the page's own scrollbar. */
    .sections ::ng-deep .mat-mdc-tab-body-content > * {
      display: block;
      padding-bottom: 8px;
    }
    .preview {
      position: sticky;
      top: 0;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    @media (max-width: 1199.98px) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
      .preview {
        position: static;
      }
    }
  `,
})
export class AgreementEditorPage {
  private readonly service = inject(AgreementService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  protected readonly store = inject(AgreementDraftStore);
  protected readonly loadMessage = computed(() => versionLoadMessage(this.store.loadError()));
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly saveButton = viewChild<string, ElementRef<HTMLElement>>('saveButton', {
    read: ElementRef,
  });

  /** The version's id, from the route. */
  readonly id = input.required<string>();

  protected readonly index = computed(() => new IssueIndex(this.store.issues()));
  protected readonly sectionPaths = SECTIONS.flatMap((section) => section.paths);
  protected readonly sections = computed(() =>
    SECTIONS.map((section) => {
      const count = this.index().count(...section.paths);
      return count ? `${section.label} (${count})` : section.label;
    }),
  );
  protected readonly people = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly candidates = this.store.routableMembers;
  /** Only admins open Members: the advice links there for them, and says whom to ask for others. */
  protected readonly readsMembers = computed(() => canUse(this.auth.roles(), 'MEMBERS'));
  /** Why leads cannot go anywhere yet, and where to fix it, before Save or Propose finds out. */
  protected readonly advice = computed(() =>
    routingAdvice({
      candidates: this.candidates(),
      routingIssues: this.store.routingIssues().length,
      proposalIssues: this.store.proposalIssues().length,
      admin: this.readsMembers(),
    }),
  );
  protected readonly timeZone = computed(() => this.auth.workspace()?.timeZone);
  protected readonly comment = signal('');
  protected readonly saved = signal<string | null>(null);
  protected readonly editable = computed(() => {
    const status = this.store.version()?.status;
    return status === 'DRAFT' || status === 'PROPOSED';
  });
  protected readonly allowed = computed(() => canEditAgreement(this.auth.roles()));
  protected readonly label = versionLabel;
  protected readonly status = statusLabel;
  protected readonly revisionText = editingRevisionText;
  protected readonly dateValue = dateInputValue;
  protected readonly dateText = dateText;
  protected readonly text = inputText;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  /** Asked before leaving the page: unsaved edits are never dropped without the member saying so. */
  canLeave(): boolean {
    return mayLeave(this.store.dirty(), 'You have unsaved changes to the agreement. Leave and lose them?');
  }

  /** Reloading or closing the tab would drop unsaved edits too: the browser asks first, and only then. */
  protected warnBeforeUnload(event: BeforeUnloadEvent): void {
    askBeforeUnload(event, this.store.dirty());
  }

  protected setDate(event: Event): void {
    this.store.setRequestedEffectiveAt(instantOfDate(inputText(event)));
  }

  protected async save(): Promise<void> {
    if (!this.store.canSave()) return;
    this.saved.set(null);
    const result = await this.store.save(this.commentValue());
    this.afterSave(result?.ok === true);
  }

  protected async saveOverTheirs(): Promise<void> {
    this.saved.set(null);
    const result = await this.store.saveOverTheirs(this.commentValue());
    this.afterSave(result?.ok === true);
    this.focusSaveIfLost();
  }

  protected async reloadTheirs(): Promise<void> {
    this.saved.set(null);
    await this.store.reloadTheirs();
    this.focusSaveIfLost();
  }

  /** Choosing in the conflict banner removes it, focused button and all: focus goes on to Save, not the page top. */
  private focusSaveIfLost(): void {
    afterNextRender(
      {
        write: () => {
          const active = this.document.activeElement;
          if (active === null || active === this.document.body) this.saveButton()?.nativeElement.focus();
        },
      },
      { injector: this.injector },
    );
  }

  protected async propose(): Promise<void> {
    const result = await this.store.propose(this.commentValue());
    if (result?.ok) {
      this.comment.set('');
      await this.router.navigate(['/agreement/versions', result.value.id]);
    }
  }

  private afterSave(ok: boolean): void {
    const version = this.store.version();
    if (!ok || version === null) return;
    this.comment.set('');
    this.saved.set(`Saved as revision ${version.revision}.`);
  }

  private commentValue(): string | null {
    return this.comment().trim() || null;
  }

  private async load(id: string): Promise<void> {
    const [versions, colleagues] = await Promise.all([
      this.service.versions(),
      this.service.colleagues(),
      this.store.load(id),
    ]);
    const people = new Map(versions.ok ? knownPeople(versions.value) : []);
    if (colleagues.ok)
      for (const [memberId, name] of colleagueNames(colleagues.value)) people.set(memberId, name);
    this.people.set(people);
    this.store.setColleagues(colleagues.ok ? colleagues.value : null);
  }
}

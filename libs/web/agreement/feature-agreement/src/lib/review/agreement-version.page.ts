import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { canEditAgreement } from '@accord/domain/agreement';
import { type ApproverSide, canUse } from '@accord/domain/workspace';
import {
  AgreementReviewStore,
  AgreementService,
  sideLabel,
  versionLabel,
  versionLoadMessage,
} from '@accord/web/agreement/data-access';
import { ScoringStatusStore } from '@accord/web/leads/data-access';
import { AuthStore, injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import { FormAlertComponent, PageHeaderComponent, dialogConfig } from '@accord/web/shared/ui';

import { BacktestPanelComponent } from '../backtest/backtest-panel.component';
import { DocumentDiffComponent } from '../shared/document-diff.component';
import { SendBackNoteComponent } from '../shared/send-back-note.component';
import { StatusChipComponent } from '../shared/status-chip.component';
import { canRunBacktest, formatInstant } from '../shared/wording';
import { FitIntentViewComponent } from './fit-intent-view.component';
import { HandoverViewComponent } from './handover-view.component';
import { rescoreLine } from './rescore-line';
import { SendBackDialog, SendBackDialogData } from './send-back.dialog';
import { Reviewer, signerNotices, waitingText } from './signing';
import { SigningPanelComponent } from './signing-panel.component';
import { TermsViewComponent } from './terms-view.component';

/** One version, read: its status and signatures, what it changes, the agreement itself, and the reviewer's choices. */
@Component({
  selector: 'accord-agreement-version-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AgreementService, AgreementReviewStore, ScoringStatusStore],
  imports: [
    RouterLink,
    MatButton,
    MatProgressBar,
    BacktestPanelComponent,
    DocumentDiffComponent,
    FitIntentViewComponent,
    FormAlertComponent,
    HandoverViewComponent,
    PageHeaderComponent,
    SendBackNoteComponent,
    SigningPanelComponent,
    StatusChipComponent,
    TermsViewComponent,
  ],
  template: `
    <a routerLink="/agreement" class="back">Lead agreement</a>
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the version" />
    }
    <accord-form-alert [message]="store.call.error() ?? loadMessage()" />
    @if (store.version(); as version) {
      <accord-page-header [heading]="label(version)">
        <accord-status-chip headingExtra [status]="version.status" />
        <p subtitle class="meta">
          Revision {{ version.revision }}
          @if (version.inForce) {
            · in force since {{ when(version.effectiveAt) }}
          } @else if (version.effectiveAt && version.status === 'PUBLISHED') {
            · takes effect {{ when(version.effectiveAt) }}
          } @else if (version.requestedEffectiveAt) {
            · asks to take effect {{ when(version.requestedEffectiveAt) }}
          }
          @if (version.supersededAt) {
            · superseded {{ when(version.supersededAt) }}
          }
          @if (version.publishedAt) {
            · published {{ when(version.publishedAt) }}
          }
          · last changed by {{ version.updatedBy?.name ?? version.createdBy?.name ?? 'a former member' }},
          {{ when(version.updatedAt) }}
        </p>
        <p subtitle class="zone">Times in {{ timeZone() }}</p>
        @if (editable()) {
          <a mat-flat-button [routerLink]="['/agreement/versions', version.id, 'edit']">
            {{ version.status === 'PROPOSED' ? 'Edit proposal' : 'Edit draft' }}
          </a>
        }
      </accord-page-header>

      @if (store.sentBack(); as sentBack) {
        <accord-send-back-note [event]="sentBack" [timeZone]="timeZone()" />
      }

      @if (rescore(); as progress) {
        <section class="rescore" [class.failed]="progress.failed" role="status" aria-label="Rescore progress">
          <p>{{ progress.text }}</p>
          @if (progress.active) {
            <mat-progress-bar
              [mode]="progress.percent === 0 ? 'indeterminate' : 'determinate'"
              [value]="progress.percent"
              aria-label="Rescore progress"
            />
          }
        </section>
      }

      <section aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">Signatures</h2>
        @if (version.signatures.length === 0) {
          <p class="muted">No one has signed revision {{ version.revision }} yet.</p>
        } @else {
          <ul class="signatures">
            @for (signature of version.signatures; track signature.side) {
              <li>
                Signed for {{ side(signature.side) }} by {{ signature.signer.name }},
                {{ when(signature.signedAt) }}
                @if (signature.comment) {
                  — “{{ signature.comment }}”
                }
              </li>
            }
          </ul>
        }
        @if (waiting(); as text) {
          <p class="waiting">{{ text }}</p>
        }
        @for (notice of notices(); track notice.side) {
          <p class="signers" [class.missing]="notice.missing">
            {{ notice.text }}
            @if (notice.missing && readsMembers()) {
              <a routerLink="/members">Open Members</a>
            }
          </p>
        }
      </section>

      @if (reviewer(); as who) {
        <accord-signing-panel
          [version]="version"
          [reviewer]="who"
          [pending]="store.call.pending()"
          (sign)="sign($event.side, $event.comment)"
          (sentBack)="sendBack()"
        />
      }

      @if (store.diff(); as diff) {
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">
            Changes from v{{ diff.from.number
            }}{{ diff.from.id === store.inForce()?.id ? ' (in force)' : '' }}
          </h2>
          <accord-document-diff
            [diff]="diff"
            [before]="base()?.document ?? null"
            [after]="version.document"
            [people]="store.people()"
          />
        </section>
      }

      <accord-backtest-panel
        [versionId]="version.id"
        [canRun]="canBacktest()"
        [decided]="version.status !== 'DRAFT' && version.status !== 'PROPOSED'"
      />

      <section aria-labelledby="document-heading" class="document">
        <h2 id="document-heading" class="visually-hidden">The agreement</h2>
        <accord-fit-intent-view [document]="version.document" />
        <accord-handover-view [document]="version.document" [people]="store.people()" />
        <accord-terms-view [document]="version.document" />
      </section>
    }
  `,
  styles: `
    .back {
      display: inline-block;
      margin: 0 0 12px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .meta,
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      margin: 4px 0 0;
    }
    .zone {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 2px 0 0;
    }
    .signatures {
      margin: 0;
      padding-left: 20px;
    }
    .rescore {
      margin: 16px 0 0;
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .rescore.failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .rescore p {
      margin: 0 0 8px;
    }
    .waiting,
    .signers {
      margin: 8px 0 0;
    }
    .signers {
      color: var(--mat-sys-on-surface-variant);
    }
    .signers.missing {
      padding: 8px 16px;
      border-left: 4px solid var(--mat-sys-error);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class AgreementVersionPage {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly scoring = inject(ScoringStatusStore);
  protected readonly store = inject(AgreementReviewStore);
  protected readonly loadMessage = computed(() => versionLoadMessage(this.store.loadError()));

  /** The version's id, from the route. */
  readonly id = input.required<string>();

  protected readonly reviewer = computed<Reviewer | null>(() => {
    const member = this.auth.member();
    return member && { memberId: member.id, roles: member.roles, approver: member.approver };
  });
  protected readonly editable = computed(() => {
    const status = this.store.version()?.status;
    return canEditAgreement(this.auth.roles()) && (status === 'DRAFT' || status === 'PROPOSED');
  });
  protected readonly canBacktest = computed(() => canRunBacktest(this.auth.roles()));
  /** What a proposal still needs before it is published, said under the signatures it has. */
  protected readonly waiting = computed(() => {
    const version = this.store.version();
    return version && waitingText(version);
  });
  /** Only admins open Members: they are pointed there, others are told whom to ask. */
  protected readonly readsMembers = computed(() => canUse(this.auth.roles(), 'MEMBERS'));
  /** Who can sign each side still needed, or that no one can yet: a proposal must not wait in silence. */
  protected readonly notices = computed(() => {
    const version = this.store.version();
    const admin = this.readsMembers();
    const fix = (side: string) =>
      admin
        ? `make a ${side} member an approver on Members`
        : `ask an admin to make a ${side} member an approver`;
    return version ? signerNotices(version, this.store.signers(), fix) : [];
  });
  /** The version the diff starts from, for naming the items it removed. */
  protected readonly base = computed(() => {
    const from = this.store.diff()?.from.id;
    return from === undefined ? null : this.store.versionById(from);
  });
  /** The team's shared clock, in which the page's times read; named under the heading. */
  protected readonly timeZone = injectWorkspaceTimeZone();
  /** Leads being rescored under this version once it was published, then how many were (or that it failed). */
  protected readonly rescore = computed(() => {
    const version = this.store.version();
    return version && rescoreLine(this.scoring.status(), version.number, this.timeZone());
  });
  protected readonly label = versionLabel;
  protected readonly side = sideLabel;

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
    // Only a published version is rescored; its progress is read until the run is done.
    effect(() => {
      const published = this.store.version()?.status === 'PUBLISHED';
      untracked(() => (published ? void this.scoring.watch() : this.scoring.stop()));
    });
  }

  protected when(instant: string | null): string {
    return formatInstant(instant, this.timeZone());
  }

  protected async sign(side: ApproverSide, comment: string | null): Promise<void> {
    await this.store.sign(side, comment);
  }

  /** The dialog sends the revision shown now, and stays open with the text if the API refuses it. */
  protected async sendBack(): Promise<void> {
    const version = this.store.version();
    if (version === null) return;
    const data: SendBackDialogData = {
      version: versionLabel(version),
      send: (comment) => this.store.sendBack(comment, version.revision),
    };
    const sent: unknown = await firstValueFrom(
      this.dialog.open(SendBackDialog, dialogConfig(560, { injector: this.injector, data })).afterClosed(),
    );
    // A refusal was shown in the dialog, beside the text it was about; the page need not repeat it.
    if (sent !== true) this.store.call.error.set(null);
  }
}

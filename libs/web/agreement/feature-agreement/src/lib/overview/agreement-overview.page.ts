import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';

import { canEditAgreement } from '@accord/domain/agreement';
import {
  type AgreementDiff,
  AgreementOverviewStore,
  AgreementService,
  sideLabel,
  statusLabel,
  versionLabel,
} from '@accord/web/agreement/data-access';
import { AuthStore, PendingCall, injectWorkspaceTimeZone } from '@accord/web/shared/data-access';
import { FormAlertComponent, PageHeaderComponent } from '@accord/web/shared/ui';

import { DefinitionQualityComponent } from '../backtest/definition-quality.component';
import { DocumentDiffComponent } from '../shared/document-diff.component';
import { canRunBacktest, formatInstant } from '../shared/wording';
import { AuditTrailComponent } from './audit-trail.component';
import { VersionHistoryComponent } from './version-history.component';

/** The agreement at a glance: what is in force, what is open, every version, and the audit trail. */
@Component({
  selector: 'accord-agreement-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AgreementService, AgreementOverviewStore],
  imports: [
    RouterLink,
    MatButton,
    MatProgressBar,
    AuditTrailComponent,
    DefinitionQualityComponent,
    DocumentDiffComponent,
    FormAlertComponent,
    PageHeaderComponent,
    VersionHistoryComponent,
  ],
  template: `
    <accord-page-header heading="Lead agreement">
      <p subtitle class="zone">Times in {{ timeZone() }}</p>
    </accord-page-header>
    <accord-form-alert [message]="call.error() ?? store.loadError()?.message ?? null" />
    @if (store.loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the agreement" />
    }
    <div class="cards">
      <section class="card" aria-labelledby="in-force-heading">
        <h2 id="in-force-heading">In force</h2>
        @if (store.inForce(); as version) {
          <p>
            <a [routerLink]="['/agreement/versions', version.id]">{{ label(version) }}</a>
            since {{ when(version.effectiveAt) }}
          </p>
          <p class="muted">
            @for (signature of version.signatures; track signature.side; let last = $last) {
              Signed for {{ side(signature.side) }} by {{ signature.signer.name }}{{ last ? '.' : ';' }}
            }
          </p>
        } @else if (loaded()) {
          <p class="muted">No version is in force yet.</p>
        }
      </section>
      <section class="card" aria-labelledby="open-heading">
        <h2 id="open-heading">Open for change</h2>
        @if (store.open(); as version) {
          <p>{{ label(version) }} · {{ status(version.status) }} · revision {{ version.revision }}</p>
          <p class="muted">
            Last changed by {{ version.updatedBy?.name ?? version.createdBy?.name ?? 'a former member' }},
            {{ when(version.updatedAt) }}
          </p>
          <div class="buttons">
            @if (version.status === 'PROPOSED') {
              <a mat-flat-button [routerLink]="['/agreement/versions', version.id]">Review proposal</a>
            } @else if (!editor()) {
              <a mat-button [routerLink]="['/agreement/versions', version.id]">Read draft</a>
            }
            @if (editor()) {
              <a mat-stroked-button [routerLink]="['/agreement/versions', version.id, 'edit']">
                {{ version.status === 'PROPOSED' ? 'Edit proposal' : 'Edit draft' }}
              </a>
            }
          </div>
        } @else if (loaded()) {
          <p class="muted">No draft or proposal is open.</p>
          @if (editor()) {
            <button
              mat-flat-button
              type="button"
              disabledInteractive
              [disabled]="call.pending()"
              (click)="startDraft()"
            >
              Start a new draft
            </button>
          }
        }
      </section>
    </div>

    @if (store.inForce(); as version) {
      <accord-definition-quality [inForceId]="version.id" [canRun]="canBacktest()" />
    }

    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <accord-version-history
        [versions]="store.versions()"
        [timeZone]="timeZone()"
        (compare)="compare($event)"
      />
      <accord-form-alert [message]="diffCall.error()" />
      @if (diff(); as shown) {
        <accord-document-diff
          [diff]="shown"
          [before]="documentOf(shown.from.id)"
          [after]="documentOf(shown.to.id)"
          [people]="store.people()"
        />
      }
    </section>

    <section aria-labelledby="trail-heading">
      <h2 id="trail-heading">Audit trail</h2>
      <accord-form-alert [message]="store.eventsError()?.message ?? null" />
      <accord-audit-trail
        [events]="store.events()"
        [hasMore]="store.hasMoreEvents()"
        [loading]="store.eventsLoading()"
        [timeZone]="timeZone()"
        (more)="store.loadMoreEvents()"
      />
    </section>
  `,
  styles: `
    .zone {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 4px 0 0;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin: 24px 0 8px;
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(280px, 1fr));
      gap: 16px;
    }
    .card {
      padding: 0 16px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .card h2 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .card p {
      margin: 0 0 8px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class AgreementOverviewPage implements OnInit {
  private readonly auth = inject(AuthStore);
  private readonly service = inject(AgreementService);
  private readonly router = inject(Router);
  protected readonly store = inject(AgreementOverviewStore);

  protected readonly editor = computed(() => canEditAgreement(this.auth.roles()));
  protected readonly canBacktest = computed(() => canRunBacktest(this.auth.roles()));
  /** The versions are known: not loading, and not failed — a failed load is not "no version", nor a reason to start one. */
  protected readonly loaded = computed(() => !this.store.loading() && this.store.loadError() === null);
  /** The team's shared clock, in which the page's times read; named under the heading. */
  protected readonly timeZone = injectWorkspaceTimeZone();
  protected readonly call = new PendingCall();
  protected readonly diffCall = new PendingCall();
  protected readonly diff = signal<AgreementDiff | null>(null);
  private comparisons = 0;
  protected readonly label = versionLabel;
  protected readonly status = statusLabel;
  protected readonly side = sideLabel;

  ngOnInit(): void {
    void this.store.load();
  }

  protected when(instant: string | null): string {
    return formatInstant(instant, this.timeZone());
  }

  protected documentOf(id: string) {
    return this.store.versions().find((version) => version.id === id)?.document ?? null;
  }

  protected async startDraft(): Promise<void> {
    if (this.call.pending()) return;
    const result = await this.call.run(() => this.store.createDraft(null));
    if (result.ok) await this.router.navigate(['/agreement/versions', result.value.id, 'edit']);
  }

  /** Shows what changed between the two picked versions; with fewer than two picked, nothing. */
  protected async compare(pair: [string, string] | null): Promise<void> {
    const asked = ++this.comparisons;
    this.diff.set(null);
    this.diffCall.error.set(null);
    if (pair === null) return;
    const result = await this.diffCall.run(() => this.service.diff(pair[0], pair[1]));
    // A later pick (or un-pick) has asked another question meanwhile: this answer is no longer wanted.
    if (result.ok && asked === this.comparisons) this.diff.set(result.value);
  }
}

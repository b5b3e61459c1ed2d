import { Injectable, computed, inject, signal } from '@angular/core';

import {
  AgreementDocument,
  DocumentIssue,
  parseAgreementDocument,
  proposalIssues,
  requestedTimeRefusal,
  unroutableMembers,
} from '@accord/domain/agreement';
import { ApiError, CLOCK, FieldProblem, PendingCall } from '@accord/web/shared/data-access';

import { AgreementColleague, RoutableMember, colleagueNames, routableMembers } from './agreement-colleagues';
import { AgreementEvent, AgreementVersion } from './agreement-version';
import { AgreementResult, AgreementService } from './agreement.service';

/** Someone else moved the version on while this member edited it; their edits wait in the editor. */
export interface DraftConflict {
  /** The revision that won, when the API names it. */
  currentRevision: number | null;
  /** Who saved it: a name, "you" (in another tab or window), or null when the API does not say. */
  changedBy: string | null;
  message: string;
}

/** The conflict banner's headline: who saved which revision first, as far as the API said. */
export function conflictHeadline({ currentRevision, changedBy }: DraftConflict): string {
  if (currentRevision === null) return 'Someone changed this version first.';
  if (changedBy === 'you') return `You saved revision ${currentRevision} first, in another tab or window.`;
  return `${changedBy ?? 'Someone'} saved revision ${currentRevision} first.`;
}

/**
 * The editor header's revision: the one being edited, and during a conflict also the one that won, so the
 * header does not name a revision the banner below it says is already behind.
 */
export function editingRevisionText(revision: number, conflict: DraftConflict | null): string {
  if (conflict === null) return `revision ${revision}`;
  if (conflict.currentRevision === null) return `your edits start from revision ${revision}, since changed`;
  return `your edits start from revision ${revision}; the latest is revision ${conflict.currentRevision}`;
}

/** The API names document fields `document.fit.grades.A`; the editor knows them by the domain's path. */
export function toDocumentIssue(problem: FieldProblem): DocumentIssue {
  if (problem.field === 'document') return { path: '', message: problem.message };
  const path = problem.field.startsWith('document.')
    ? problem.field.slice('document.'.length)
    : problem.field;
  return { path, message: problem.message };
}

/**
 * What is wrong with the day a draft asks to take effect, in the editor's words: the day is the start of the date
 * the member picked, so "in the future" means a date after today.
 */
export function requestedDayIssues(requested: string | null, now: Date): DocumentIssue[] {
  if (requested === null) return [];
  const path = 'requestedEffectiveAt';
  switch (requestedTimeRefusal(new Date(requested), now)) {
    case 'NOT_IN_FUTURE':
      return [
        {
          path,
          message: 'choose a date after today, or leave it empty to take effect as soon as both sides sign',
        },
      ];
    case 'TOO_FAR':
      return [{ path, message: 'choose a date within five years' }];
    case null:
      return [];
  }
}

function sameInstant(a: string | null, b: string | null): boolean {
  return a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));
}

/**
 * One draft or proposal being edited: the member's copy of the document, validated by the domain on every
 * change, saved over the revision it started from. A save that loses a race keeps the member's copy and says
 * which revision won, so the member chooses between theirs and their own. Provide it per editor page.
 */
@Injectable()
export class AgreementDraftStore {
  private readonly service = inject(AgreementService);
  private readonly clock = inject(CLOCK);
  private readonly base = signal<AgreementVersion | null>(null);
  private readonly draft = signal<AgreementDocument | null>(null);
  private readonly effectiveAt = signal<string | null>(null);
  private readonly colleagues = signal<readonly AgreementColleague[] | null>(null);
  private readonly parsed = computed(() => {
    const document = this.draft();
    return document === null ? null : parseAgreementDocument(document);
  });

  /** The version as last read from or saved to the API. */
  readonly version = this.base.asReadonly();
  /** The member's copy, which may not be valid yet. */
  readonly document = this.draft.asReadonly();
  readonly requestedEffectiveAt = this.effectiveAt.asReadonly();
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly conflict = signal<DraftConflict | null>(null);
  /** The send-back this draft is waiting on (who, when, what should change); null otherwise. */
  readonly sentBack = signal<AgreementEvent | null>(null);
  /** Field problems the API reported on the last save, shown until the next save or reload. */
  readonly serverIssues = signal<DocumentIssue[]>([]);
  readonly call = new PendingCall();

  /** Problems with the member's copy, found by the same rules the API applies. */
  readonly localIssues = computed<DocumentIssue[]>(() => {
    const parsed = this.parsed();
    return parsed && !parsed.ok ? parsed.issues : [];
  });
  /** The active sales members routing may name; null while the workspace's members are not known. */
  readonly routableMembers = computed<RoutableMember[] | null>(() => {
    const colleagues = this.colleagues();
    return colleagues && routableMembers(colleagues);
  });
  /**
   * Routed members who cannot take leads, named: the API refuses to save them, so the editor says so first. Unknown
   * until the members are read; the API still checks.
   */
  readonly routingIssues = computed<DocumentIssue[]>(() => {
    const colleagues = this.colleagues();
    const document = this.draft();
    if (colleagues === null || document === null) return [];
    const routable = new Set(routableMembers(colleagues).map((member) => member.id));
    const names = colleagueNames(colleagues);
    return unroutableMembers(document.handover.routing, (id) => routable.has(id)).map((entry) => ({
      path: entry.path,
      message: `${names.get(entry.memberId) ?? 'a member who is not in this workspace'} is not an active sales member`,
    }));
  });
  /** What must change before the saved version can be proposed (someone to route leads to), beyond saving it. */
  readonly proposalIssues = computed<DocumentIssue[]>(() => {
    const document = this.validDocument();
    return document === null ? [] : proposalIssues(document);
  });
  /**
   * A "take effect on" day the API would refuse: every save sends it, so it blocks saving. Proposing sends no
   * date, and a day that passed since it was saved means "at once" there, so it does not block proposing.
   */
  readonly scheduleIssues = computed(() => requestedDayIssues(this.effectiveAt(), this.clock()));
  readonly issues = computed(() => [
    ...this.scheduleIssues(),
    ...this.localIssues(),
    ...this.routingIssues(),
    ...this.serverIssues(),
  ]);
  readonly valid = computed(() => this.parsed()?.ok === true && this.routingIssues().length === 0);
  /** The member's copy as the domain normalises it, or null while it has problems. */
  readonly validDocument = computed(() => {
    const parsed = this.parsed();
    return parsed?.ok ? parsed.document : null;
  });
  readonly dirty = computed(() => {
    const version = this.base();
    const document = this.draft();
    if (version === null || document === null) return false;
    return (
      JSON.stringify(document) !== JSON.stringify(version.document) ||
      !sameInstant(this.effectiveAt(), version.requestedEffectiveAt)
    );
  });
  readonly canSave = computed(
    () => this.valid() && this.scheduleIssues().length === 0 && this.dirty() && !this.call.pending(),
  );
  readonly canPropose = computed(
    () =>
      this.base()?.status === 'DRAFT' &&
      this.valid() &&
      this.proposalIssues().length === 0 &&
      !this.dirty() &&
      !this.call.pending(),
  );

  /** The workspace's members, for checking routing before saving; null when they could not be read. */
  setColleagues(colleagues: readonly AgreementColleague[] | null): void {
    this.colleagues.set(colleagues);
  }

  async load(id: string): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    const result = await this.service.version(id);
    this.loading.set(false);
    if (!result.ok) {
      this.loadError.set(result.error);
      return;
    }
    this.accept(result.value);
    // Read after the version, without holding up the editor: only a draft can be waiting on a send-back.
    if (result.value.status === 'DRAFT') void this.loadSentBack(result.value.id);
  }

  private async loadSentBack(id: string): Promise<void> {
    const result = await this.service.standingSendBack(id);
    // The note points at what the audit trail also says: a failed read leaves the editor without it. Proposed
    // meanwhile, the draft is no longer waiting on it.
    if (result.ok && this.base()?.status === 'DRAFT') this.sentBack.set(result.value);
  }

  /** Applies one change to the member's copy; the recipe edits a fresh copy, never the saved one. */
  edit(recipe: (document: AgreementDocument) => void): void {
    const current = this.draft();
    if (current === null) return;
    const next = structuredClone(current);
    recipe(next);
    this.draft.set(next);
  }

  setRequestedEffectiveAt(instant: string | null): void {
    this.effectiveAt.set(instant);
  }

  /** Saves over the revision the edit started from. */
  save(comment: string | null): Promise<AgreementResult<AgreementVersion> | null> {
    const version = this.base();
    return version === null ? Promise.resolve(null) : this.write(version.revision, comment);
  }

  /** After a conflict: saves the member's copy over the revision that won, replacing their edits. */
  saveOverTheirs(comment: string | null): Promise<AgreementResult<AgreementVersion> | null> {
    const revision = this.conflict()?.currentRevision;
    return revision === null || revision === undefined
      ? Promise.resolve(null)
      : this.write(revision, comment);
  }

  /** After a conflict: drops the member's copy for the version as it now is. */
  async reloadTheirs(): Promise<void> {
    const version = this.base();
    if (version !== null) await this.load(version.id);
  }

  /** Asks both sides to sign the saved revision. */
  async propose(comment: string | null): Promise<AgreementResult<AgreementVersion> | null> {
    const version = this.base();
    if (version === null || !this.canPropose()) return null;
    const result = await this.call.run(() =>
      this.service.propose({ versionId: version.id, revision: version.revision, comment }),
    );
    this.settle(result);
    return result;
  }

  private async write(
    baseRevision: number,
    comment: string | null,
  ): Promise<AgreementResult<AgreementVersion> | null> {
    const version = this.base();
    const parsed = this.parsed();
    // The API refuses both; the editor shows them on their fields instead.
    if (version === null || parsed === null || !parsed.ok || this.scheduleIssues().length > 0) return null;
    const result = await this.call.run(() =>
      this.service.save({
        versionId: version.id,
        baseRevision,
        document: parsed.document,
        requestedEffectiveAt: this.effectiveAt(),
        comment,
      }),
    );
    this.settle(result);
    return result;
  }

  private settle(result: AgreementResult<AgreementVersion>): void {
    if (result.ok) {
      this.accept(result.value);
      return;
    }
    const { error } = result;
    this.serverIssues.set(error.fields.map(toDocumentIssue));
    if (error.code === 'CONFLICT') {
      // The banner says it with the choices; the member's copy stays as it is.
      this.conflict.set({
        currentRevision: error.currentRevision,
        changedBy: error.changedBy,
        message: error.message,
      });
      this.call.error.set(null);
    }
  }

  private accept(version: AgreementVersion): void {
    // Saving keeps a draft sent back; proposing it answers the send-back.
    if (version.status !== 'DRAFT') this.sentBack.set(null);
    this.base.set(version);
    this.draft.set(structuredClone(version.document));
    this.effectiveAt.set(version.requestedEffectiveAt);
    this.conflict.set(null);
    this.serverIssues.set([]);
  }
}

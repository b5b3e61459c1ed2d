import { Injectable, computed, inject, signal } from '@angular/core';

import { ApiError, ApproverSide, PendingCall } from '@accord/web/shared/data-access';

import { AgreementColleague, SignersBySide, colleagueNames, signersBySide } from './agreement-colleagues';
import { AgreementDiff, AgreementEvent, AgreementVersion, knownPeople } from './agreement-version';
import { AgreementResult, AgreementService } from './agreement.service';

/** Which earlier version a version is read against: the one in force for an open version, else its base. */
export function comparisonBase(
  version: AgreementVersion,
  versions: readonly AgreementVersion[],
): AgreementVersion | null {
  const open = version.status === 'DRAFT' || version.status === 'PROPOSED';
  const base = open
    ? versions.find((candidate) => candidate.inForce)
    : versions.find((candidate) => candidate.id === version.basedOnId);
  return base && base.id !== version.id ? base : null;
}

/** One version read for review: the version, what changed against its comparison base, signing and sending back. */
@Injectable()
export class AgreementReviewStore {
  private readonly service = inject(AgreementService);
  private readonly versions = signal<AgreementVersion[]>([]);

  readonly version = signal<AgreementVersion | null>(null);
  readonly diff = signal<AgreementDiff | null>(null);
  /** The send-back a draft is waiting on (who, when, what should change); null otherwise. */
  readonly sentBack = signal<AgreementEvent | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly inForce = computed(() => this.versions().find((version) => version.inForce) ?? null);
  private readonly colleagues = signal<readonly AgreementColleague[] | null>(null);
  private readonly colleaguesRead = signal(false);
  /** Names for the member ids a version holds: its authors and signers, and the colleagues routing names. */
  readonly people = computed(
    () => new Map([...colleagueNames(this.colleagues() ?? []), ...knownPeople(this.versions())]),
  );
  /** Who can sign for each side now; null until the colleagues are read (or when they could not be). */
  readonly signers = computed<SignersBySide | null>(() => {
    const colleagues = this.colleagues();
    return this.colleaguesRead() && colleagues ? signersBySide(colleagues) : null;
  });
  readonly call = new PendingCall();

  versionById(id: string): AgreementVersion | null {
    return this.versions().find((version) => version.id === id) ?? null;
  }

  async load(id: string): Promise<void> {
    // Read once per page, beside the version; until it answers (or if it fails) routing shows the ids it has.
    if (this.colleagues() === null) void this.loadColleagues();
    this.loading.set(true);
    this.loadError.set(null);
    const [version, versions] = await Promise.all([this.service.version(id), this.service.versions()]);
    if (!version.ok || !versions.ok) {
      this.loading.set(false);
      this.loadError.set(version.ok ? (versions.ok ? null : versions.error) : version.error);
      return;
    }
    this.versions.set(versions.value);
    this.version.set(version.value);
    void this.loadSentBack(version.value);
    const base = comparisonBase(version.value, versions.value);
    const diff = base ? await this.service.diff(base.id, version.value.id) : null;
    this.loading.set(false);
    if (diff && !diff.ok) this.loadError.set(diff.error);
    this.diff.set(diff?.ok ? diff.value : null);
  }

  /** Read beside the diff; only a draft can be waiting on a send-back. */
  private async loadSentBack(version: AgreementVersion): Promise<void> {
    this.sentBack.set(null);
    if (version.status !== 'DRAFT') return;
    const result = await this.service.standingSendBack(version.id);
    // The note points at what the audit trail also says: a failed read leaves the page without it. An answer for
    // a revision the page no longer shows is dropped.
    if (result.ok && this.version()?.revision === version.revision) this.sentBack.set(result.value);
  }

  private async loadColleagues(): Promise<void> {
    this.colleagues.set([]);
    const colleagues = await this.service.colleagues();
    if (!colleagues.ok) return;
    this.colleagues.set(colleagues.value);
    this.colleaguesRead.set(true);
  }

  sign(side: ApproverSide, comment: string | null): Promise<AgreementResult<AgreementVersion> | null> {
    return this.act((version) =>
      this.service.sign({ versionId: version.id, revision: version.revision, side, comment }),
    );
  }

  /**
   * Sends back the revision the reviewer read (`revision`, from when they chose to): if it has moved on since, the
   * API refuses with CONFLICT and the page shows what it is now, rather than sending back a revision unread.
   */
  sendBack(comment: string, revision: number): Promise<AgreementResult<AgreementVersion> | null> {
    return this.act((version) => this.service.sendBack({ versionId: version.id, revision, comment }));
  }

  /**
   * Runs an action on the revision shown, then reads the version again: a signature may have published it, and
   * after a conflict the member must read what changed before acting again.
   */
  private async act(
    action: (version: AgreementVersion) => Promise<AgreementResult<AgreementVersion>>,
  ): Promise<AgreementResult<AgreementVersion> | null> {
    const version = this.version();
    if (version === null) return null;
    const result = await this.call.run(() => action(version));
    if (result.ok || result.error.code === 'CONFLICT') await this.load(version.id);
    return result;
  }
}

import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { ScoringStatusDocument, ScoringStatusQuery, attempt, required } from '@accord/web/shared/data-access';

export type ScoringStatus = ScoringStatusQuery['scoringStatus'];

/** While a rescore is queued or running, its progress is read again this often. */
export const SCORING_POLL_MS = 2_000;

/** How far a rescore run is, in words and as a percentage for a progress bar. */
export interface RescoreProgress {
  active: boolean;
  failed: boolean;
  percent: number;
  text: string;
}

/** The banner's wording for the latest run; null when there is nothing worth saying. */
export function rescoreProgress(status: ScoringStatus | null): RescoreProgress | null {
  const run = status?.latestRun;
  if (!run) return null;
  const percent = run.total === 0 ? 0 : Math.min(100, Math.round((run.processed / run.total) * 100));
  const counts = `${run.processed.toLocaleString('en')} of ${run.total.toLocaleString('en')} leads`;
  switch (run.status) {
    case 'QUEUED':
      return {
        active: true,
        failed: false,
        percent: 0,
        text: `Rescoring under v${run.versionNumber} is queued.`,
      };
    case 'RUNNING':
      return {
        active: true,
        failed: false,
        percent,
        text: `Rescoring under v${run.versionNumber}: ${counts} (${percent}%).`,
      };
    case 'FAILED':
      return {
        active: false,
        failed: true,
        percent,
        text: `Rescoring under v${run.versionNumber} failed after ${counts}. Leads keep their scores under v${status.scoredVersionNumber ?? '?'}.`,
      };
    default:
      return null;
  }
}

/** The latest rescore's progress, read again while it is under way. Provide it per page. */
@Injectable()
export class ScoringStatusStore {
  private readonly apollo = inject(Apollo);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  readonly status = signal<ScoringStatus | null>(null);
  readonly progress = computed(() => rescoreProgress(this.status()));
  /** Counts runs seen to finish while watched, so a page can reload the scores they changed. */
  readonly finishedRuns = signal(0);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Reads the status now, and keeps reading it while a run is queued or running. */
  async watch(): Promise<void> {
    this.stopped = false;
    const wasActive = this.progress()?.active ?? false;
    await this.refresh();
    const active = this.progress()?.active ?? false;
    if (wasActive && !active) this.finishedRuns.update((count) => count + 1);
    if (active && !this.stopped) {
      this.timer = setTimeout(() => void this.watch(), SCORING_POLL_MS);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  async refresh(): Promise<void> {
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: ScoringStatusDocument, fetchPolicy: 'network-only' }),
      );
      return required(answer.data?.scoringStatus);
    });
    // The banner is a courtesy: a failed read keeps the last known status rather than blocking the page.
    if (result.ok) this.status.set(result.value);
  }
}

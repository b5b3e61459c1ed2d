import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import type { BacktestResult } from '@accord/domain/backtest';
import {
  ApiError,
  BacktestRunDocument,
  BacktestRunFieldsFragment,
  DefinitionQualityDocument,
  LatestBacktestDocument,
  PendingCall,
  StartBacktestDocument,
  attempt,
  required,
} from '@accord/web/shared/data-access';

/** A backtest run as the web reads it: the API's JSON result typed with the domain's shape. */
export type BacktestRunView = Omit<BacktestRunFieldsFragment, 'result'> & { result: BacktestResult | null };

/** How often a running backtest is read again. */
export const BACKTEST_POLL_MS = 1_000;

/** The longest wait between reads of a running backtest while they keep failing. */
export const BACKTEST_POLL_MAX_MS = 30_000;

/**
 * The wait before the next read after `failures` failed reads in a row: it doubles, so a blip is retried soon
 * and an API that is down is not hammered.
 */
export function backtestPollDelay(failures: number): number {
  return Math.min(BACKTEST_POLL_MS * 2 ** failures, BACKTEST_POLL_MAX_MS);
}

function toView(run: BacktestRunFieldsFragment): BacktestRunView {
  return { ...run, result: run.result as unknown as BacktestResult | null };
}

/**
 * One backtest shown on a page — the newest of a version, or the version in force's definition quality — with
 * starting a new one and following it until it is done. Provide it per component.
 */
@Injectable()
export class BacktestStore {
  private readonly apollo = inject(Apollo);
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Reads of the running backtest that failed in a row; the wait before the next one grows with it. */
  private failures = 0;
  /** Bumped whenever polling stops, so that a read already on its way then is dropped rather than followed. */
  private polls = 0;
  private destroyed = false;

  readonly run = signal<BacktestRunView | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly call = new PendingCall();
  readonly running = computed(() => {
    const status = this.run()?.status;
    return status === 'QUEUED' || status === 'RUNNING';
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.stopPolling();
    });
  }

  /** The newest backtest of a version, if any. */
  loadLatest(versionId: string): Promise<void> {
    return this.load(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({
          query: LatestBacktestDocument,
          variables: { versionId },
          fetchPolicy: 'network-only',
        }),
      );
      return required(answer.data).latestBacktest;
    });
  }

  /** The version in force's newest finished backtest against itself, if any. */
  loadDefinitionQuality(): Promise<void> {
    return this.load(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: DefinitionQualityDocument, fetchPolicy: 'network-only' }),
      );
      return required(answer.data).definitionQuality;
    });
  }

  /** Starts a backtest of the version's current revision and follows it. */
  async start(versionId: string, months = 12): Promise<void> {
    const result = await this.call.run(() =>
      attempt(async () => {
        const answer = await firstValueFrom(
          this.apollo.mutate({
            mutation: StartBacktestDocument,
            variables: { input: { versionId, months } },
          }),
        );
        return required(answer.data?.startBacktest);
      }),
    );
    if (result.ok) this.show(result.value);
  }

  private async load(read: () => Promise<BacktestRunFieldsFragment | null>): Promise<void> {
    this.stopPolling();
    this.loading.set(true);
    this.loadError.set(null);
    const result = await attempt(read);
    this.loading.set(false);
    if (result.ok) this.show(result.value);
    else this.loadError.set(result.error);
  }

  private show(run: BacktestRunFieldsFragment | null): void {
    this.run.set(run ? toView(run) : null);
    this.stopPolling();
    this.failures = 0;
    if (run && (run.status === 'QUEUED' || run.status === 'RUNNING')) this.poll(run.id, BACKTEST_POLL_MS);
  }

  private poll(id: string, delay: number): void {
    // An answer arriving after the page was left must not start a timer nobody will stop.
    if (this.destroyed) return;
    const poll = this.polls;
    this.timer = setTimeout(() => void this.refresh(id, poll), delay);
  }

  private async refresh(id: string, poll: number): Promise<void> {
    this.timer = null;
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: BacktestRunDocument, variables: { id }, fetchPolicy: 'network-only' }),
      );
      return required(answer.data?.backtestRun);
    });
    // Another run was shown, the backtest reloaded or the page left while this read was on its way.
    if (poll !== this.polls) return;
    if (result.ok) {
      this.loadError.set(null);
      this.show(result.value);
    } else this.retry(id, result.error);
  }

  /** A failed read says so but keeps following the run: otherwise progress freezes and it cannot be rerun. */
  private retry(id: string, error: ApiError): void {
    this.loadError.set(error);
    this.failures++;
    this.poll(id, backtestPollDelay(this.failures));
  }

  private stopPolling(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.polls++;
  }
}

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

  readonly run = signal<BacktestRunView | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<ApiError | null>(null);
  readonly call = new PendingCall();
  readonly running = computed(() => {
    const status = this.run()?.status;
    return status === 'QUEUED' || status === 'RUNNING';
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
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
    if (run && (run.status === 'QUEUED' || run.status === 'RUNNING'))
      this.timer = setTimeout(() => void this.refresh(run.id), BACKTEST_POLL_MS);
  }

  private async refresh(id: string): Promise<void> {
    this.timer = null;
    const result = await attempt(async () => {
      const answer = await firstValueFrom(
        this.apollo.query({ query: BacktestRunDocument, variables: { id }, fetchPolicy: 'network-only' }),
      );
      return required(answer.data?.backtestRun);
    });
    if (result.ok) this.show(result.value);
    else this.loadError.set(result.error);
  }

  private stopPolling(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

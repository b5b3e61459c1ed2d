import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { BACKTEST_POLL_MAX_MS, BACKTEST_POLL_MS, BacktestStore, backtestPollDelay } from './backtest.store';

function runNode(values: Record<string, unknown> = {}) {
  return {
    __typename: 'BacktestRun',
    id: 'run-id',
    versionId: 'v2-id',
    versionNumber: 2,
    revision: 3,
    baselineVersionId: 'v1-id',
    baselineVersionNumber: 1,
    status: 'RUNNING',
    processed: 1000,
    total: 3000,
    progress: 1 / 3,
    stale: false,
    windowFrom: '2025-11-25T09:00:00.000Z',
    windowTo: '2026-11-25T09:00:00.000Z',
    createdAt: '2026-11-25T09:00:00.000Z',
    finishedAt: null,
    error: null,
    result: null,
    ...values,
  };
}

/** The store in an injector of its own, as a component provides it, so that the test can destroy it. */
async function following() {
  TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
  const injector = createEnvironmentInjector([BacktestStore], TestBed.inject(EnvironmentInjector));
  const store = injector.get(BacktestStore);
  const apollo = TestBed.inject(ApolloTestingController);
  const loading = store.loadLatest('v2-id');
  apollo.expectOne('LatestBacktest').flushData({ latestBacktest: runNode() });
  await loading;
  return { store, apollo, injector };
}

type TestRead = ReturnType<ApolloTestingController['expectOne']>;

/** Lets the poll timer fire after exactly `wait` and answers the read it makes. */
async function poll(apollo: ApolloTestingController, wait: number, answer: (read: TestRead) => void) {
  await jest.advanceTimersByTimeAsync(wait - 1);
  apollo.expectNone('BacktestRun');
  await jest.advanceTimersByTimeAsync(1);
  answer(apollo.expectOne('BacktestRun'));
  await jest.advanceTimersByTimeAsync(0);
}

describe('backtestPollDelay', () => {
  it('doubles the wait after each failed read, up to a ceiling', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backtestPollDelay)).toEqual([
      2_000,
      4_000,
      8_000,
      16_000,
      BACKTEST_POLL_MAX_MS,
      BACKTEST_POLL_MAX_MS,
      BACKTEST_POLL_MAX_MS,
    ]);
  });
});

describe('BacktestStore', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps following a running backtest through failed reads, backing off, and clears the error once one succeeds', async () => {
    const { store, apollo } = await following();

    await poll(apollo, BACKTEST_POLL_MS, (read) => read.networkError(new Error('offline')));
    expect([store.running(), store.loadError()?.message]).toEqual([true, expect.any(String)]);

    await poll(apollo, backtestPollDelay(1), (read) => read.networkError(new Error('offline')));
    expect(store.loadError()).not.toBeNull();

    await poll(apollo, backtestPollDelay(2), (read) =>
      read.flushData({ backtestRun: runNode({ processed: 2000, progress: 2 / 3 }) }),
    );
    expect([store.loadError(), store.run()?.processed]).toEqual([null, 2000]);

    // Back to the normal pace after a success.
    await poll(apollo, BACKTEST_POLL_MS, (read) =>
      read.flushData({ backtestRun: runNode({ status: 'DONE', processed: 3000, progress: 1 }) }),
    );
    expect(store.running()).toBe(false);
    await jest.advanceTimersByTimeAsync(BACKTEST_POLL_MAX_MS);
    apollo.expectNone('BacktestRun');
  });

  it.each([
    ['succeeds', (read: TestRead) => read.flushData({ backtestRun: runNode() })],
    ['fails', (read: TestRead) => read.networkError(new Error('offline'))],
  ])('stops polling when it is destroyed while a read that %s is on its way', async (_, answer) => {
    const { apollo, injector } = await following();

    await jest.advanceTimersByTimeAsync(BACKTEST_POLL_MS);
    const read = apollo.expectOne('BacktestRun');
    injector.destroy();
    answer(read);

    await jest.advanceTimersByTimeAsync(BACKTEST_POLL_MAX_MS * 2);
    apollo.expectNone('BacktestRun');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('stops polling when it is destroyed between reads', async () => {
    const { apollo, injector } = await following();

    injector.destroy();

    await jest.advanceTimersByTimeAsync(BACKTEST_POLL_MAX_MS);
    apollo.expectNone('BacktestRun');
    expect(jest.getTimerCount()).toBe(0);
  });
});

import { TestBed } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';

import { SCORING_POLL_MS, ScoringStatus, ScoringStatusStore, rescoreProgress } from './scoring-status.store';

function status(run: Partial<NonNullable<ScoringStatus['latestRun']>> | null): ScoringStatus {
  return {
    scoredVersionNumber: 1,
    latestRun:
      run === null
        ? null
        : {
            id: 'r1',
            status: 'RUNNING',
            processed: 10,
            total: 40,
            versionNumber: 2,
            startedAt: '2026-11-25T09:00:00.000Z',
            finishedAt: null,
            error: null,
            ...run,
          },
  };
}

describe('rescoreProgress', () => {
  it('shows a running rescore with its share done', () => {
    expect(rescoreProgress(status({}))).toEqual({
      active: true,
      failed: false,
      percent: 25,
      text: 'Rescoring under v2: 10 of 40 leads (25%).',
    });
  });

  it('shows a queued rescore as not started', () => {
    expect(rescoreProgress(status({ status: 'QUEUED', processed: 0 }))).toEqual({
      active: true,
      failed: false,
      percent: 0,
      text: 'Rescoring under v2 is queued.',
    });
  });

  it('warns of a failed rescore and which version still scores the leads', () => {
    expect(rescoreProgress(status({ status: 'FAILED' }))).toEqual({
      active: false,
      failed: true,
      percent: 25,
      text: 'Rescoring under v2 failed after 10 of 40 leads. Leads keep their scores under v1.',
    });
  });

  it('says nothing once the rescore is done or when there was none', () => {
    expect([
      rescoreProgress(status({ status: 'DONE', processed: 40 })),
      rescoreProgress(status(null)),
    ]).toEqual([null, null]);
  });
});

describe('ScoringStatusStore', () => {
  function answer(run: Partial<NonNullable<ScoringStatus['latestRun']>>) {
    const { latestRun, scoredVersionNumber } = status(run);
    return {
      scoringStatus: {
        __typename: 'ScoringStatus',
        scoredVersionNumber,
        latestRun: { __typename: 'RescoreRun', ...latestRun },
      },
    };
  }

  afterEach(() => jest.useRealTimers());

  it('reads the status again while a run is under way, and counts the run once it finishes', async () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ imports: [ApolloTestingModule], providers: [ScoringStatusStore] });
    const store = TestBed.inject(ScoringStatusStore);
    const apollo = TestBed.inject(ApolloTestingController);

    const watching = store.watch();
    apollo.expectOne('ScoringStatus').flushData(answer({ status: 'RUNNING' }));
    await watching;
    expect([store.progress()?.percent, store.finishedRuns()]).toEqual([25, 0]);

    jest.advanceTimersByTime(SCORING_POLL_MS);
    apollo.expectOne('ScoringStatus').flushData(answer({ status: 'DONE', processed: 40 }));
    await jest.runOnlyPendingTimersAsync();

    expect([store.progress(), store.finishedRuns()]).toEqual([null, 1]);
    jest.advanceTimersByTime(SCORING_POLL_MS * 2);
    apollo.expectNone('ScoringStatus');
  });
});

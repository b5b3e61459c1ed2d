import type { ScoringStatus } from '@accord/web/leads/data-access';

import { rescoreLine } from './rescore-line';

function status(run: Partial<NonNullable<ScoringStatus['latestRun']>>): ScoringStatus {
  return {
    scoredVersionNumber: 2,
    latestRun: {
      id: 'run-1',
      status: 'DONE',
      processed: 3040,
      total: 3040,
      versionNumber: 2,
      startedAt: '2026-03-02T10:00:00.000Z',
      finishedAt: '2026-03-02T10:04:00.000Z',
      error: null,
      ...run,
    },
  };
}

describe('rescoreLine', () => {
  it('says how many leads a finished rescore scored under the version, and when it finished', () => {
    expect(rescoreLine(status({}), 2, 'UTC')).toEqual({
      active: false,
      failed: false,
      percent: 100,
      text: 'Rescored 3,040 leads under v2 on 2 Mar 2026, 10:04.',
    });
    expect(rescoreLine(status({ processed: 1, total: 1, finishedAt: null }), 2)?.text).toBe(
      'Rescored 1 lead under v2.',
    );
  });

  it('follows a rescore under way as the leads pages word it', () => {
    expect(rescoreLine(status({ status: 'QUEUED', processed: 0, finishedAt: null }), 2)).toEqual({
      active: true,
      failed: false,
      percent: 0,
      text: 'Rescoring under v2 is queued.',
    });
  });

  it('says nothing on the page of a version the latest rescore was not under', () => {
    expect([rescoreLine(status({}), 1), rescoreLine({ scoredVersionNumber: 1, latestRun: null }, 1)]).toEqual(
      [null, null],
    );
  });
});

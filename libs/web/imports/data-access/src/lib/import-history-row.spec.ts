import type { ImportFieldsFragment } from '@accord/web/shared/data-access';

import { toImportHistoryRow } from './import-history-row';

const item: ImportFieldsFragment = {
  id: 'i1',
  kind: 'OPPORTUNITIES',
  fileName: 'deals.csv',
  dryRun: true,
  status: 'FAILED',
  headers: [],
  rows: 12,
  created: 3,
  updated: 2,
  unchanged: 4,
  skipped: 1,
  refused: 2,
  cleaned: 5,
  reportLines: 9,
  refusedRowsKept: 0,
  error: 'Stopped after row 13',
  startedAt: '2026-11-27T08:05:09.120Z',
  finishedAt: '2026-11-27T08:05:10.000Z',
};

describe('toImportHistoryRow', () => {
  it("words a past import: its start on the workspace's clock, its kind, run and status in words", () => {
    expect(toImportHistoryRow(item, 'Europe/Berlin')).toEqual({
      id: 'i1',
      started: '27 Nov 2026, 09:05',
      kind: 'Opportunities',
      file: 'deals.csv',
      run: 'Dry run',
      rows: 12,
      created: 3,
      updated: 2,
      unchanged: 4,
      skipped: 1,
      refused: 2,
      refusedRowsKept: 0,
      status: 'Failed',
      problem: 'Stopped after row 13',
    });
  });

  it('says the upload named no file, and gives no problem for an import that did not fail', () => {
    expect(
      toImportHistoryRow({ ...item, fileName: null, dryRun: false, status: 'DONE' }, 'UTC'),
    ).toMatchObject({
      file: 'No file name',
      run: 'Import',
      status: 'Done',
      problem: '',
    });
  });
});

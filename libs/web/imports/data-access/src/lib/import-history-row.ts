import { type ImportFieldsFragment, zonedMinute } from '@accord/web/shared/data-access';

import type { ImportKindName } from './import-requests';

/** How the page names each kind of import. */
export const IMPORT_KIND_LABELS: Record<ImportKindName, string> = {
  LEADS: 'Leads & contacts',
  ACCOUNTS: 'Accounts',
  OPPORTUNITIES: 'Opportunities',
  SIGNALS: 'Activities & signals',
  SALES_REPS: 'Sales reps',
};

const STATUS_WORDS: Record<ImportFieldsFragment['status'], string> = {
  RUNNING: 'Running',
  DONE: 'Done',
  FAILED: 'Failed',
};

/** One line of the past imports table, already worded for display. */
export interface ImportHistoryRow {
  id: string;
  started: string;
  kind: string;
  file: string;
  run: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  refused: number;
  /** Refused rows the refused rows file holds: it is offered only when there are some. */
  refusedRowsKept: number;
  status: string;
  /** Why a failed import stopped, as the API recorded it ("The file is empty: it needs a header row."); else empty. */
  problem: string;
}

/**
 * Its start on the workspace's clock, `timeZone`, which the table names once in its header, as the other pages that
 * list what happened when do.
 */
export function toImportHistoryRow(item: ImportFieldsFragment, timeZone: string): ImportHistoryRow {
  return {
    id: item.id,
    started: zonedMinute(item.startedAt, timeZone),
    kind: IMPORT_KIND_LABELS[item.kind],
    // Sent over the API without a fileName: said, rather than an empty cell.
    file: item.fileName ?? 'No file name',
    run: item.dryRun ? 'Dry run' : 'Import',
    rows: item.rows,
    created: item.created,
    updated: item.updated,
    unchanged: item.unchanged,
    skipped: item.skipped,
    refused: item.refused,
    refusedRowsKept: item.refusedRowsKept,
    status: STATUS_WORDS[item.status],
    problem: item.status === 'FAILED' ? (item.error ?? '') : '',
  };
}

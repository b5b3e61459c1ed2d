import { type ImportFieldsFragment, utcMinute } from '@accord/web/shared/data-access';

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
  refused: number;
  status: string;
}

/** Times in UTC with the zone named, as on the other pages that list what happened when. */
export function toImportHistoryRow(item: ImportFieldsFragment): ImportHistoryRow {
  return {
    id: item.id,
    started: utcMinute(item.startedAt),
    kind: IMPORT_KIND_LABELS[item.kind],
    file: item.fileName ?? '',
    run: item.dryRun ? 'Dry run' : 'Import',
    rows: item.rows,
    created: item.created,
    updated: item.updated,
    refused: item.refused,
    status: STATUS_WORDS[item.status],
  };
}

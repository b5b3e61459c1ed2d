/** What happened to one row of a file. */
export const ROW_OUTCOMES = ['CREATED', 'UPDATED', 'UNCHANGED', 'SKIPPED', 'REFUSED'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** One line of an import's report: rows that were created, updated or unchanged without notes are counted only. */
export interface ReportLine {
  /** The row's number in the file, the header being row 1 (as a spreadsheet shows it). */
  row: number;
  outcome: RowOutcome;
  /** The column (its header) the line is about; empty for the row as a whole. */
  column: string;
  /** Why a row was refused or skipped, or what was cleaned. */
  message: string;
}

export type OutcomeCounts = Record<RowOutcome, number>;

export function emptyCounts(): OutcomeCounts {
  return { CREATED: 0, UPDATED: 0, UNCHANGED: 0, SKIPPED: 0, REFUSED: 0 };
}

/**
 * A cell as it is safe to open in a spreadsheet: a value starting with =, +, -, @, tab or carriage return is
 * prefixed with an apostrophe so it is shown, never run as a formula; quoted when it holds a comma, quote or
 * line break.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const REPORT_HEADER = ['row', 'outcome', 'column', 'message'];

export function reportCsvLine(line: ReportLine): string {
  return `${[line.row, line.outcome, line.column, line.message].map(csvCell).join(',')}\r\n`;
}

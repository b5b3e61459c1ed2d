import type { MetricUnit } from './metrics';
import type { TargetScope } from './targets';

export type CsvCell = string | number | boolean | null | undefined;

/** Characters a spreadsheet may read as the start of a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV: text that a spreadsheet could run as a formula gets a leading apostrophe, and a cell with a
 * comma, quote or line break is quoted. Numbers are written as numbers (a negative gap stays a number), to two
 * decimals — cents of an amount, hundredths of a percentage — not the float's 61.76470588235294.
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(Math.round(cell * 100) / 100 || 0) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text, lines ending in CRLF as RFC 4180 writes them. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The parts of a dashboard view the export writes. */
export interface DashboardView {
  from: Date | string;
  to: Date | string;
  timeZone: string;
  filters: Record<string, string | null | undefined>;
  /** WORKSPACE: the targets are the whole workspace's, written under "Workspace target", with no gap. */
  targetScope?: TargetScope;
  outcomes: readonly ExportedMetric[];
  activities: readonly ExportedMetric[];
  funnel: readonly {
    stage: string;
    count: number;
    conversionFromPrevious: number | null;
    dropOff: number | null;
  }[];
}

export interface ExportedMetric {
  key: string;
  name: string;
  kind: string;
  unit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  targetGap: number | null;
  targetToDate: number | null;
  paceGap: number | null;
}

const iso = (value: Date | string): string => (typeof value === 'string' ? value : value.toISOString());

/** A metric's kind and unit as a reader of the file is told them (the Key column stays the machine's name). */
const KIND_WORDS: Readonly<Record<string, string>> = {
  OUTCOME: 'Outcome',
  ACTIVITY: 'Activity (diagnostic)',
};
const UNIT_WORDS: Readonly<Record<MetricUnit, string>> = {
  COUNT: 'count',
  RATE: '%',
  AMOUNT: 'amount (see Currency)',
  DAYS: 'days',
  RATIO: 'ratio',
};

/**
 * The current view as one CSV: the period and filters, every metric, then the funnel. While the period runs, the
 * part of each count's and amount's target due so far and the gap to it follow the whole target and its gap. Under
 * a segment, owner or team filter the target columns are headed "Workspace target" and no gap is written, as the
 * page shows them.
 */
export function dashboardCsv(view: DashboardView): string {
  const workspaceTargets = view.targetScope === 'WORKSPACE';
  const rows: CsvCell[][] = [
    ['From', iso(view.from)],
    ['To', iso(view.to)],
    ['Time zone', view.timeZone],
  ];
  for (const [name, value] of Object.entries(view.filters)) if (value) rows.push([name, value]);
  rows.push([]);
  rows.push([
    'Metric',
    'Key',
    'Kind',
    'Unit',
    'Value',
    workspaceTargets ? 'Workspace target' : 'Target',
    'Gap',
    workspaceTargets ? 'Workspace target to date' : 'Target to date',
    'Gap to date',
    'Numerator',
    'Denominator',
  ]);
  for (const metric of [...view.outcomes, ...view.activities])
    rows.push([
      metric.name,
      metric.key,
      KIND_WORDS[metric.kind] ?? metric.kind,
      UNIT_WORDS[metric.unit as MetricUnit] ?? metric.unit,
      metric.value,
      metric.target,
      workspaceTargets ? null : metric.targetGap,
      metric.targetToDate,
      workspaceTargets ? null : metric.paceGap,
      metric.numerator,
      metric.denominator,
    ]);
  rows.push([]);
  rows.push(['Stage', 'Count', 'Conversion from previous (%)', 'Drop-off']);
  for (const step of view.funnel)
    rows.push([step.stage, step.count, step.conversionFromPrevious, step.dropOff]);
  return toCsv(rows);
}

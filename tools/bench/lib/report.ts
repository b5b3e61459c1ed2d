import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

/** Latency percentiles of one measurement, in milliseconds. */
export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** One measured load: how many operations completed, how fast, and how long each took. */
export interface Measurement {
  /** Short name printed in the report, e.g. "bare pg". */
  label: string;
  /** Unit of `perSecond`, e.g. "req/s", "q/s", "tx/s". */
  unit: string;
  operations: number;
  durationSeconds: number;
  perSecond: number;
  latencyMs: LatencySummary;
  concurrency: number;
  /** True for one long bulk operation (a rescore, a table-wide UPDATE): its latency is its duration. */
  single?: boolean;
}

/** A baseline measured in the same run, and the subject's throughput as a share of it. */
export interface Comparison {
  baseline: Measurement;
  ratio: number;
  description: string;
}

/** What a scenario hands back: the figure under test and its same-run baselines, primary first. */
export interface ScenarioResult {
  scenario: string;
  subject: Measurement;
  comparisons: Comparison[];
  notes?: Record<string, string | number | boolean>;
  /** Further result lines printed under the ratios: targets, breakdowns. */
  summary?: string[];
}

/** Builds a measurement from raw per-operation latencies (ms) gathered over `durationSeconds`. */
export function summarise(
  label: string,
  unit: string,
  latenciesMs: number[],
  durationSeconds: number,
  concurrency: number,
): Measurement {
  const sorted = Float64Array.from(latenciesMs).sort();
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    label,
    unit,
    operations: sorted.length,
    durationSeconds,
    perSecond: sorted.length / durationSeconds,
    latencyMs: {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.length > 0 ? sorted[sorted.length - 1] : 0,
      mean: sorted.length > 0 ? sum / sorted.length : 0,
    },
    concurrency,
  };
}

/** A measurement of one bulk operation of `operations` rows that took `durationMs`. */
export function single(label: string, unit: string, operations: number, durationMs: number): Measurement {
  return {
    label,
    unit,
    operations,
    durationSeconds: durationMs / 1000,
    perSecond: durationMs > 0 ? operations / (durationMs / 1000) : 0,
    latencyMs: { p50: durationMs, p99: durationMs, max: durationMs, mean: durationMs },
    concurrency: 1,
    single: true,
  };
}

/** Nearest-rank percentile of an ascending array; 0 when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function compare(subject: Measurement, baseline: Measurement, description: string): Comparison {
  return {
    baseline,
    ratio: baseline.perSecond > 0 ? subject.perSecond / baseline.perSecond : 0,
    description,
  };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function rate(value: number): string {
  return value >= 100 ? integer.format(value) : value.toFixed(1);
}

function ms(value: number): string {
  return value >= 10 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

function ratio(value: number): string {
  return value >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
}

function describe(measurement: Measurement): string {
  if (measurement.single)
    return `${rate(measurement.perSecond)} ${measurement.unit} (${measurement.durationSeconds.toFixed(2)} s)`;
  const { p50, p99 } = measurement.latencyMs;
  return `${rate(measurement.perSecond)} ${measurement.unit} (p50 ${ms(p50)}, p99 ${ms(p99)})`;
}

/** One line per comparison, the primary baseline first: `name: subject vs baseline → ratio r`. */
export function formatResult(result: ScenarioResult): string {
  const indent = ' '.repeat(result.scenario.length + 1);
  return result.comparisons
    .map((comparison, index) => {
      const head = index === 0 ? `${result.scenario}:` : indent;
      return `${head} ${describe(result.subject)} vs ${comparison.baseline.label} ${describe(comparison.baseline)} → ratio ${ratio(comparison.ratio)}`;
    })
    .concat((result.summary ?? []).map((line) => `${indent} ${line}`))
    .join('\n');
}

/** Writes `<dir>/<scenario>.json` with the result, the options and the machine it ran on. */
export function writeResult(
  dir: string,
  result: ScenarioResult,
  context: { options: Record<string, unknown>; databaseVersion?: string },
): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.scenario}.json`);
  const document = {
    ...result,
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      // Other work on the machine moves the figures; this shows how busy it was when the scenario ended.
      loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
      node: process.version,
      postgres: context.databaseVersion ?? 'unknown',
    },
    options: context.options,
  };
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return file;
}

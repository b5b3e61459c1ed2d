import type { ScenarioResult } from './report';

/** Options shared by every scenario, parsed from the command line by run.ts. */
export interface BenchOptions {
  /** Seconds each measured load runs. */
  durationSeconds: number;
  /** Seconds of unrecorded load before each measurement. */
  warmupSeconds: number;
  /** The PostgreSQL server the product and the baselines use. */
  databaseUrl: string;
  /** Pool size for the product and for the bare-pg baselines, so both get the same number of connections. */
  poolSize: number;
}

/** Hands a scenario what it needs from the runner. */
export interface BenchContext {
  options: BenchOptions;
  /** Registers clean-up (stop a server, end a pool) that the runner runs, last first, when the scenario ends. */
  defer(cleanup: () => Promise<void> | void): void;
  /** Prints a progress line to stderr, so stdout keeps only the results. */
  log(message: string): void;
}

/** One benchmark: measures a figure and its baseline in the same run. A thrown error fails the scenario. */
export interface Scenario {
  name: string;
  description: string;
  run(context: BenchContext): Promise<ScenarioResult>;
}

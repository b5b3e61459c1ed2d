import { performance } from 'node:perf_hooks';

import { type Measurement, summarise } from './report';

/** Runs `work` once and returns how long it took, in ms. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Runs `operation` in `concurrency` back-to-back loops for `durationSeconds`, recording each call's latency.
 * Every loop stops by itself at the deadline; the first failing call fails the whole run.
 */
export async function runLoops(
  label: string,
  unit: string,
  concurrency: number,
  durationSeconds: number,
  operation: () => Promise<void>,
): Promise<Measurement> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const before = performance.now();
      await operation();
      latencies.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return summarise(label, unit, latencies, elapsedSeconds, concurrency);
}

// autocannon ships no type declarations; these cover the options and results used here.
interface AutocannonRequest {
  method: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  expectBody?: string;
  verifyBody?: (body: string) => boolean;
  requests?: { method: 'POST'; setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
  timeout?: number;
}

interface AutocannonHistogram {
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

interface AutocannonResult {
  duration: number;
  latency: AutocannonHistogram;
  requests: { total: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  statusCodeStats: Record<string, { count: number }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

/** An HTTP load's measurement plus everything that went wrong, which callers must check is zero. */
export interface HttpMeasurement extends Measurement {
  failures: { non2xx: number; errors: number; timeouts: number; mismatches: number };
  statusCodes: Record<string, number>;
}

export interface HttpLoad {
  url: string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  body: string;
  /** When set, any response body that differs counts as a mismatch. */
  expectBody?: string;
  /** When set, gives each request its own body (a unique id per event, say); `body` is then unused. */
  nextBody?: () => string;
  /** When set, a response body for which it returns false counts as a mismatch. */
  verifyBody?: (body: string) => boolean;
}

/** Drives a POST with autocannon at a fixed number of connections. Throughput counts 2xx responses only. */
export async function runHttp(label: string, load: HttpLoad): Promise<HttpMeasurement> {
  const url = new URL(load.url);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`benchmarks only send traffic to 127.0.0.1, not ${url.hostname}`);
  const { nextBody, verifyBody } = load;
  // autocannon spreads its options over its defaults, so an option given as undefined would erase a default.
  const result = await autocannon({
    url: load.url,
    connections: load.connections,
    duration: load.durationSeconds,
    method: 'POST',
    headers: load.headers,
    body: load.body,
    expectBody: load.expectBody,
    ...(verifyBody ? { verifyBody } : {}),
    // autocannon rebuilds a request (Content-Length included) through setupRequest before every send.
    ...(nextBody
      ? { requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: nextBody() }) }] }
      : {}),
    timeout: 10,
  });
  return {
    label,
    unit: 'req/s',
    operations: result['2xx'],
    durationSeconds: result.duration,
    perSecond: result['2xx'] / result.duration,
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    concurrency: load.connections,
    failures: {
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
    },
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, stats]) => [code, Number(stats.count)]),
    ),
  };
}

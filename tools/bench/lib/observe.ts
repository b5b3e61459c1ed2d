import { cpus } from 'node:os';
import type { Pool } from 'pg';

/** What a share of a connection pool's sessions were doing, over all samples. */
export interface ActivityShare {
  /** `active: CPU` (running, no wait), `active: Lock/transactionid`, `idle in transaction` (waiting on the client)… */
  activity: string;
  /** Average number of sessions in that state. */
  sessions: number;
}

/**
 * Samples pg_stat_activity for one application's sessions every `intervalMs` until stop(): where the server
 * side of a load spends its time — running, waiting on a lock or on WAL, or idle in a transaction while the
 * application computes.
 */
export function sampleActivity(
  pool: Pool,
  applicationName: string,
  intervalMs = 100,
): { stop(): Promise<ActivityShare[]> } {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = await pool.query<{ activity: string; sessions: number }>(
        `SELECT CASE WHEN state = 'active' THEN 'active: ' || coalesce(wait_event_type || '/' || wait_event, 'CPU')
                     ELSE state END AS activity, count(*)::int AS sessions
           FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 GROUP BY 1`,
        [applicationName],
      );
      samples += 1;
      for (const row of result.rows) counts.set(row.activity, (counts.get(row.activity) ?? 0) + row.sessions);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return [...counts]
        .map(([activity, total]) => ({ activity, sessions: total / Math.max(1, samples) }))
        .sort((a, b) => b.sessions - a.sessions);
    },
  };
}

function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** The machine's CPU use (all processes, all cores) from now until stop(), as a share of its capacity. */
export function sampleCpu(): { stop(): number } {
  const start = cpuTimes();
  return {
    stop() {
      const end = cpuTimes();
      return (end.busy - start.busy) / Math.max(1, end.total - start.total);
    },
  };
}

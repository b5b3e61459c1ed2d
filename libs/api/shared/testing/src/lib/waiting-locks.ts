import { setTimeout as sleep } from 'node:timers/promises';

import type { OwnerDb } from '@accord/api/shared/database';

/**
 * Waits, polling, until a lock request of the kind waits in the server (not granted yet) — a transaction the test
 * holds open has made another wait — and fails after five seconds. Read as the owner, since pg_locks shows other
 * sessions' locks to it only.
 */
export async function untilLockWaits(
  ownerDb: OwnerDb,
  workspaceId: string,
  locktype: 'advisory' | 'transactionid',
): Promise<void> {
  const waiting = async () => {
    const { rows } = await ownerDb.inWorkspace(workspaceId, (client) =>
      client.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = $1 AND NOT granted`,
        [locktype],
      ),
    );
    return rows[0].waiting;
  };
  for (const started = Date.now(); (await waiting()) === 0; await sleep(20))
    if (Date.now() - started > 5_000) throw new Error(`no ${locktype} lock request ever waited`);
}

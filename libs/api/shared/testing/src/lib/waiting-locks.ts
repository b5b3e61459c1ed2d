import { setTimeout as sleep } from 'node:timers/promises';

import type { OwnerDb, TenantDb } from '@accord/api/shared/database';

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

/**
 * Runs `statements` in a transaction of the workspace and keeps it open, with the locks they took, until `release`
 * is called — a writer in flight, or an import's dry run, which holds its locks to its end.
 */
export async function heldOpen(
  tenantDb: TenantDb,
  workspaceId: string,
  statements: string[],
): Promise<{ release(): Promise<void> }> {
  let release = () => undefined as void;
  let ready = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const taken = new Promise<void>((resolve) => (ready = resolve));
  const transaction = tenantDb.inWorkspace(workspaceId, async (manager) => {
    for (const statement of statements) await manager.query(statement);
    ready();
    await held;
  });
  await Promise.race([taken, transaction]);
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
}

/** What every writer of leads takes first (shareScoringLock), and an import's dry run keeps until it ends. */
export const SHARED_SCORING_LOCK = `SELECT pg_advisory_xact_lock_shared(hashtextextended(accord_current_workspace()::text, 7))`;

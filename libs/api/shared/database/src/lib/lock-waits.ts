import { EntityManager, QueryFailedError } from 'typeorm';

/**
 * From here to the end of the transaction, a statement waits at most `ms` for any one lock, then fails with
 * lock_not_available (see isLockTimeout) instead of waiting up to the statement timeout. For a transaction that
 * would rather give way, and try again later, than keep others queued behind it.
 */
export async function limitLockWaits(manager: EntityManager, ms: number): Promise<void> {
  await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${Math.max(1, Math.round(ms))}ms`]);
}

/** Lifts limitLockWaits for the rest of the transaction: its statements wait for locks as the session's do. */
export async function unlimitLockWaits(manager: EntityManager): Promise<void> {
  await manager.query(`SET LOCAL lock_timeout TO DEFAULT`);
}

/** A lock was not granted within the transaction's lock_timeout (lock_not_available): someone held it longer. */
export function isLockTimeout(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '55P03';
}

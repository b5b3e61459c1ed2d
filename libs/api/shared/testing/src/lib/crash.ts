import { Client } from 'pg';

import type { OwnerDb } from '@accord/api/shared/database';

/** What a pass that was meant to die did instead: finish. */
function survived(): Error {
  return new Error('the pass finished; it was meant to die');
}

/**
 * Kills a background pass mid-transaction, as a crashed process would: holds `table` with a lock, runs `pass`
 * until its connection waits to write `table` (so the statements before it ran), terminates that connection
 * with pg_terminate_backend, and resolves once the pass has failed. Run the pass on an app instance of its own:
 * its pool has a dead connection afterwards. Needs a server that takes concurrent connections.
 */
export async function terminateWhileWriting(
  databaseUrl: string,
  table: string,
  pass: () => Promise<unknown>,
): Promise<void> {
  const blocker = new Client({ connectionString: databaseUrl });
  await blocker.connect();
  try {
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE ${table} IN SHARE MODE`);
    const outcome = pass().then(survived, (error: unknown) => error);
    // pg_locks, not pg_stat_activity: a transaction sees the activity as it was when it first looked.
    let pid: number | undefined;
    for (let tries = 0; !pid && tries < 400; tries += 1) {
      const { rows } = await blocker.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE relation = $1::regclass AND NOT granted`,
        [table],
      );
      pid = rows[0]?.pid;
      if (!pid) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    if (!pid) throw new Error(`the pass never came to write ${table}`);
    await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
    const error = await outcome;
    if (!String(error).includes('terminat')) throw error;
  } finally {
    await blocker.query('ROLLBACK').catch(() => undefined);
    await blocker.end();
  }
}

/**
 * Runs `pass` while inserting a row into `table` that matches `when` (a trigger's WHEN condition) fails, and
 * resolves once the pass has failed so: a statement failing after the ones before it ran, in one transaction.
 */
export function failingInsert(
  ownerDb: OwnerDb,
  table: string,
  when: string,
  pass: () => Promise<unknown>,
): Promise<void> {
  return failingWrite(ownerDb, 'INSERT', table, when, pass);
}

/** As `failingInsert`, for the statement given: an UPDATE of a row matching `when` fails. */
export async function failingWrite(
  ownerDb: OwnerDb,
  statement: 'INSERT' | 'UPDATE',
  table: string,
  when: string,
  pass: () => Promise<unknown>,
): Promise<void> {
  await ownerDb.maintain(`CREATE FUNCTION accord_test_crash() RETURNS trigger LANGUAGE plpgsql
                          AS $$ BEGIN RAISE EXCEPTION 'injected crash'; END $$`);
  await ownerDb.maintain(`CREATE TRIGGER accord_test_crash BEFORE ${statement} ON ${table}
                          FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION accord_test_crash()`);
  try {
    const error = await pass().then(survived, (caught: unknown) => caught);
    if (!String(error).includes('injected crash')) throw error;
  } finally {
    await ownerDb.maintain(`DROP TRIGGER accord_test_crash ON ${table}`);
    await ownerDb.maintain(`DROP FUNCTION accord_test_crash()`);
  }
}

import { Pool } from 'pg';

import { type Session, graphql, signIn } from '../lib/graphql';
import { runHttp, runLoops } from '../lib/load';
import { startProduct } from '../lib/product';
import { compare } from '../lib/report';
import type { BenchContext, Scenario } from '../lib/scenario';

const CONNECTIONS = 32;

const VIEWER = '{ viewer { member { id email name } } }';

const PLAIN_SELECT = 'SELECT id, email, name FROM members WHERE workspace_id = $1 AND id = $2';
const RLS_SELECT = 'SELECT id, email, name FROM members WHERE id = $1';

interface MemberRow {
  id: string;
  email: string;
  name: string;
}

/** The same read the resolver does, as one statement the superuser runs directly: the floor for this query. */
function plainSelect(pool: Pool, session: Session): () => Promise<void> {
  return async () => {
    const result = await pool.query<MemberRow>(PLAIN_SELECT, [session.workspaceId, session.memberId]);
    if (result.rowCount !== 1) throw new Error(`expected one member row, got ${result.rowCount}`);
  };
}

/** The same read inside the tenant transaction the product wraps it in (role switch + workspace setting). */
function rlsTransaction(pool: Pool, session: Session): () => Promise<void> {
  return async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE accord_app');
      await client.query("SELECT set_config('app.workspace_id', $1, true)", [session.workspaceId]);
      const result = await client.query<MemberRow>(RLS_SELECT, [session.memberId]);
      await client.query('COMMIT');
      if (result.rowCount !== 1) throw new Error(`expected one member row under RLS, got ${result.rowCount}`);
      client.release();
    } catch (error) {
      // Destroy rather than reuse a connection left in an unknown transaction state.
      client.release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  };
}

async function run({ options, defer, log }: BenchContext) {
  log('starting the product on a fresh database');
  const product = await startProduct({ DATABASE_POOL_SIZE: String(options.poolSize) });
  defer(() => product.stop());
  if (!product.databaseUrl)
    throw new Error('the product runs on embedded PGlite; set DATABASE_URL to a PostgreSQL server');

  const session = await signIn(product.baseUrl);
  const viewer = await graphql<{ viewer: { member: MemberRow } }>(product.baseUrl, VIEWER, session.token);

  const pool = new Pool({ connectionString: product.databaseUrl, max: options.poolSize });
  defer(() => pool.end());
  const row = await pool.query<MemberRow>(PLAIN_SELECT, [session.workspaceId, session.memberId]);
  if (JSON.stringify(row.rows[0]) !== JSON.stringify(viewer.data.viewer.member)) {
    throw new Error('the bare pg query does not read the row the viewer query returns');
  }

  const http = {
    url: `${product.baseUrl}/graphql`,
    connections: CONNECTIONS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ query: VIEWER }),
    // A 200 that carries GraphQL errors would otherwise count as a success.
    expectBody: viewer.text,
  };

  log(`warming up for ${options.warmupSeconds} s each`);
  await runHttp('warm-up', { ...http, durationSeconds: options.warmupSeconds });
  await runLoops('warm-up', 'q/s', CONNECTIONS, options.warmupSeconds, plainSelect(pool, session));
  await runLoops('warm-up', 'tx/s', CONNECTIONS, options.warmupSeconds, rlsTransaction(pool, session));

  log(`measuring GraphQL viewer for ${options.durationSeconds} s at ${CONNECTIONS} connections`);
  const subject = await runHttp('GraphQL viewer', { ...http, durationSeconds: options.durationSeconds });
  const { non2xx, errors, timeouts, mismatches } = subject.failures;
  if (non2xx + errors + timeouts + mismatches > 0) {
    throw new Error(
      `GraphQL viewer load had failures: non-2xx ${non2xx}, errors ${errors}, timeouts ${timeouts}, body mismatches ${mismatches}`,
    );
  }

  log(`measuring bare pg select for ${options.durationSeconds} s at ${CONNECTIONS} loops`);
  const plain = await runLoops(
    'bare pg',
    'q/s',
    CONNECTIONS,
    options.durationSeconds,
    plainSelect(pool, session),
  );
  log(`measuring bare pg RLS transaction for ${options.durationSeconds} s at ${CONNECTIONS} loops`);
  const rls = await runLoops(
    'bare pg RLS tx',
    'tx/s',
    CONNECTIONS,
    options.durationSeconds,
    rlsTransaction(pool, session),
  );

  return {
    scenario: 'graphql-read',
    subject,
    comparisons: [
      compare(subject, plain, `${PLAIN_SELECT} as the superuser, pool of ${options.poolSize}`),
      compare(
        subject,
        rls,
        `BEGIN; SET LOCAL ROLE accord_app; set_config(app.workspace_id); ${RLS_SELECT}; COMMIT`,
      ),
    ],
    notes: { connections: CONNECTIONS, poolSize: options.poolSize, query: VIEWER },
  };
}

export const scenario: Scenario = {
  name: 'graphql-read',
  description: 'authenticated GraphQL viewer query over HTTP vs the bare pg read of the same member row',
  run,
};

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

import { EVALUATION_COLUMNS, RESCORE_COLUMNS, RescoreRows } from '@accord/api/leads/feature';
import { type CopyRow, CopyTextRows } from '@accord/api/shared/database';
import type { AgreementDocument } from '@accord/domain/agreement';

import { copyLines } from './copy';
import { timed } from './load';

/** Each stage of the rescore's stream measured on its own, in ms (the runner overlaps them). */
export interface StreamProfile {
  /** `COPY (SELECT …) TO STDOUT` (text format) into a sink that drops it. */
  copyOutMs: number;
  copyOutBytes: number;
  /** The same, decoded into rows by CopyTextRows. */
  copyOutDecodeMs: number;
  /** The same, plus scoring each batch of rows and formatting its evaluation lines (RescoreRows.lines). */
  copyOutDecodeScoreMs: number;
  /** Inside the last: the time spent in RescoreRows.lines alone. */
  scoreMs: number;
  /** `COPY … FROM STDIN` of as many evaluation rows (written 2,000 per chunk) into a table like a partition. */
  copyInMs: number;
  /** The runner's whole stream, built from the same parts, into such a table. */
  streamMs: number;
}

function sink(objectMode: boolean, onChunk: (size: number) => void = () => undefined): Writable {
  return new Writable({
    objectMode,
    write(chunk: { length?: number }, _encoding, done) {
      onChunk(chunk.length ?? 0);
      done();
    },
  });
}

/**
 * Times the stages of a rescore's stream over the workspace's leads, one after another, with the runner's own
 * parts (RESCORE_COLUMNS, CopyTextRows, RescoreRows), so the profile cannot drift from the product.
 */
export async function profileRescoreStream(
  client: ClientBase,
  writer: ClientBase,
  workspace: { workspaceId: string; versionId: string; document: AgreementDocument; leads: number },
  log: (message: string) => void,
): Promise<StreamProfile> {
  const { workspaceId, versionId, document } = workspace;
  const copyOut = () =>
    client.query(
      copyTo(`COPY (SELECT ${RESCORE_COLUMNS} FROM leads WHERE workspace_id = '${workspaceId}') TO STDOUT`),
    );
  let copyOutBytes = 0;
  log('profile: COPY out alone');
  const copyOutMs = await timed(() =>
    pipeline(
      copyOut(),
      sink(false, (size) => (copyOutBytes += size)),
    ),
  );
  log('profile: COPY out + decode');
  const copyOutDecodeMs = await timed(() => pipeline(copyOut(), new CopyTextRows(), sink(true)));

  const now = new Date();
  let scoreMs = 0;
  const score = (timing: boolean) => {
    const rows = new RescoreRows(workspaceId, { id: versionId, document }, now);
    return new Transform({
      writableObjectMode: true,
      transform(batch: CopyRow[], _encoding, done) {
        const start = timing ? performance.now() : 0;
        const lines = rows.lines(batch);
        if (timing) scoreMs += performance.now() - start;
        done(null, lines);
      },
    });
  };
  log('profile: COPY out + decode + score and format');
  const copyOutDecodeScoreMs = await timed(() =>
    pipeline(copyOut(), new CopyTextRows(), score(true), sink(false)),
  );

  await client.query(`CREATE TABLE bench_copy_in (LIKE lead_evaluations INCLUDING DEFAULTS)`);
  log('profile: the whole stream into a table');
  const streamMs = await timed(() =>
    pipeline(
      copyOut(),
      new CopyTextRows(),
      score(false),
      writer.query(copyFrom(`COPY bench_copy_in (${EVALUATION_COLUMNS}) FROM STDIN`)),
    ),
  );
  await client.query('TRUNCATE bench_copy_in');

  log('profile: COPY in alone');
  const at = now.toISOString();
  function* rows(): Generator<string> {
    for (let i = 0; i < workspace.leads; i++)
      yield `${workspaceId}\t${versionId}\t${randomUUID()}\t${(i % 97) + 0.5}\tB\t${(i % 89) + 0.25}\tWARM\tMQL\t${at}\n`;
  }
  const copyInMs = await timed(() => copyLines(client, `bench_copy_in (${EVALUATION_COLUMNS})`, rows()));
  await client.query('DROP TABLE bench_copy_in');
  return { copyOutMs, copyOutBytes, copyOutDecodeMs, copyOutDecodeScoreMs, scoreMs, copyInMs, streamMs };
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows per write to the COPY stream: large enough to amortise the stream's per-chunk cost. */
const CHUNK_ROWS = 2_000;

function* chunks(lines: Iterable<string>, size: number): Generator<string> {
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length === size) {
      yield buffer.join('');
      buffer = [];
    }
  }
  if (buffer.length > 0) yield buffer.join('');
}

/**
 * Streams `lines` (each a COPY text-format row ending in a newline) into `COPY <target> FROM STDIN`, with
 * backpressure, so that rows are generated as fast as PostgreSQL takes them and never all held at once.
 */
export async function copyLines(client: ClientBase, target: string, lines: Iterable<string>): Promise<void> {
  await pipeline(
    Readable.from(chunks(lines, CHUNK_ROWS)),
    client.query(copyFrom(`COPY ${target} FROM STDIN`)),
  );
}

/** A value as a COPY text-format field: `\N` for null, with backslash, tab and line breaks escaped. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

/** A text[] literal, every element double-quoted; pass it through copyField like any other text. */
export function copyTextArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

interface Constraint {
  name: string;
  definition: string;
  kind: 'p' | 'u' | 'f';
}

/**
 * Runs a bulk load with the table's primary key, unique and foreign-key constraints and its indexes removed,
 * then puts every one back exactly as it was defined (same names, same definitions): building an index once
 * after a load is several times faster than maintaining it row by row. Foreign keys of other tables that
 * reference it are dropped first and added back last (they are checked again then).
 */
export async function withoutIndexes<T>(
  client: ClientBase,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  const constraints = (
    await client.query<Constraint>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition, contype AS kind
         FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'f')`,
      [table],
    )
  ).rows;
  const indexes = (
    await client.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
         FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
      [table],
    )
  ).rows;
  const referencing = (
    await client.query<{ owner: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS owner, conname AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE confrelid = $1::regclass AND contype = 'f' AND conrelid <> confrelid`,
      [table],
    )
  ).rows;
  for (const reference of referencing)
    await client.query(`ALTER TABLE ${reference.owner} DROP CONSTRAINT "${reference.name}"`);
  const byKind = (kinds: string) => constraints.filter((constraint) => kinds.includes(constraint.kind));
  for (const constraint of byKind('f').concat(byKind('pu')))
    await client.query(`ALTER TABLE ${table} DROP CONSTRAINT "${constraint.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  const result = await load();
  for (const constraint of byKind('pu').concat(byKind('f')))
    await client.query(`ALTER TABLE ${table} ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`);
  for (const index of indexes) await client.query(index.definition);
  for (const reference of referencing)
    await client.query(
      `ALTER TABLE ${reference.owner} ADD CONSTRAINT "${reference.name}" ${reference.definition}`,
    );
  return result;
}

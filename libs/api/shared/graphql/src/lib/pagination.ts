import { Field, ObjectType } from '@nestjs/graphql';

import { AppError } from './app-error';

@ObjectType({ description: 'Where a page of a connection ends and whether more follow.' })
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

/** Opaque cursors: base64url of a JSON tuple, so clients cannot depend on their contents. */
export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As `toISOString` writes it, or with microseconds as PostgreSQL's `to_char(… 'US')` does. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,6})?Z$/;
const BIGINT_MAX = 9223372036854775807n;
const CONTROL_CHARACTER = /[\u0000-\u001f]/; // eslint-disable-line no-control-regex

/**
 * What each part of a cursor may be. A client can send any string as a cursor, and a part goes to SQL as a typed
 * parameter, so every part is checked here: a wrong one is the client's mistake, not the database's error.
 */
const CURSOR_PARTS = {
  /** An instant, and a real one: `Date` would roll 30 February over into March, PostgreSQL refuses it. */
  instant: (part: unknown) => {
    const match = typeof part === 'string' && ISO_INSTANT.exec(part);
    return !!match && !Number.isNaN(Date.parse(part)) && new Date(part).toISOString().startsWith(match[1]);
  },
  uuid: (part: unknown) => typeof part === 'string' && UUID.test(part),
  integer: (part: unknown) => Number.isSafeInteger(part) && Math.abs(part as number) < 2 ** 31,
  number: (part: unknown) => typeof part === 'number' && Number.isFinite(part),
  /** A `bigint` id, carried as text because JSON numbers lose its precision. */
  serial: (part: unknown) =>
    typeof part === 'string' && /^\d{1,19}$/.test(part) && BigInt(part) <= BIGINT_MAX,
  /** Any short text without control characters (PostgreSQL refuses NUL in text). */
  text: (part: unknown) => typeof part === 'string' && part.length <= 500 && !CONTROL_CHARACTER.test(part),
} satisfies Record<string, (part: unknown) => boolean>;

export type CursorPart = keyof typeof CURSOR_PARTS;
type PartValue<P extends CursorPart> = P extends 'integer' | 'number' ? number : string;
type CursorValues<S extends readonly CursorPart[]> = { -readonly [K in keyof S]: PartValue<S[K]> };

/** The parts of a cursor this API issued, each of the kind `shape` names; anything else is BAD_USER_INPUT. */
export function decodeCursor<const S extends readonly CursorPart[]>(
  cursor: string,
  shape: S,
): CursorValues<S> {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (
    Array.isArray(parts) &&
    parts.length === shape.length &&
    shape.every((kind, index) => CURSOR_PARTS[kind](parts[index]))
  )
    return parts as CursorValues<S>;
  throw AppError.badInput('after: not a cursor returned by this API', [
    { field: 'after', message: 'invalid cursor' },
  ]);
}

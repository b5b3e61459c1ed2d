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

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p) => ['string', 'number'].includes(typeof p))
    ) {
      return parts as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw AppError.badInput('after: not a cursor returned by this API', [
    { field: 'after', message: 'invalid cursor' },
  ]);
}

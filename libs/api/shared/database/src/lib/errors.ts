import { QueryFailedError } from 'typeorm';

/** A unique index refused a row: the database's answer to two writers racing for the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}

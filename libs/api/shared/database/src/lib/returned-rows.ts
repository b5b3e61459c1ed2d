/**
 * The rows of an `UPDATE … RETURNING` (or DELETE) run by `manager.query`: TypeORM's pg driver answers those as
 * `[rows, affected]`, and a SELECT or INSERT as the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}

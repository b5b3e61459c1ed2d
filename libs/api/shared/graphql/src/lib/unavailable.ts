/** How long a client waits before retrying when the database is briefly unavailable (restart, failover). */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** SQLSTATEs of a server that is shutting down, starting up, unreachable or out of connections. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);
const UNAVAILABLE_SYSCALL_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** node-postgres reports a lost or never-made connection by message only. */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Connection is closed/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/**
 * True when an error (or what it wraps: TypeORM's driverError, a cause, an AggregateError's errors, a value
 * graphql-js wrapped) says the
 * database could not be reached or went away mid-request: a retryable condition, answered 503 with Retry-After,
 * not an internal error.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, driverError, cause, errors, thrownValue, originalError } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
    /** graphql-js wraps a thrown value it does not recognise as an Error (another realm's) in NonErrorThrown. */
    thrownValue?: unknown;
    originalError?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSCALL_CODES.has(code)))
    return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)))
    return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return [driverError, cause, thrownValue, originalError].some((inner) =>
    isDatabaseUnavailable(inner, depth + 1),
  );
}

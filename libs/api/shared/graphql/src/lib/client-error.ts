import { HttpException, HttpStatus } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

import { AppError, ErrorCode } from './app-error';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './unavailable';

/** Codes produced by Apollo or graphql-js itself for malformed operations; their messages are safe. */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Extensions of protocol errors a client may act on: which operation limit was hit, and its maximum. */
const PROTOCOL_DETAILS = ['limit', 'maximum'];

export const DATABASE_UNAVAILABLE_MESSAGE = `The database is unavailable for a moment; retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`;

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on our side. Quote the request id if you contact support.';

function codeForStatus(status: number): ErrorCode | null {
  switch (status as HttpStatus) {
    case HttpStatus.BAD_REQUEST:
    case HttpStatus.UNPROCESSABLE_ENTITY:
      return ErrorCode.BAD_USER_INPUT;
    case HttpStatus.UNAUTHORIZED:
      return ErrorCode.UNAUTHENTICATED;
    case HttpStatus.FORBIDDEN:
      return ErrorCode.FORBIDDEN;
    case HttpStatus.NOT_FOUND:
      return ErrorCode.NOT_FOUND;
    case HttpStatus.CONFLICT:
      return ErrorCode.CONFLICT;
    default:
      return null;
  }
}

function clientMessage(code: ErrorCode, error: AppError | HttpException): string {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return error instanceof AppError ? error.message : 'Sign in to continue.';
    case ErrorCode.FORBIDDEN:
      return error instanceof AppError ? error.message : 'You do not have permission to do this.';
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.CONFLICT:
    case ErrorCode.RATE_LIMITED:
    case ErrorCode.SERVICE_UNAVAILABLE:
      return error.message;
  }
}

/**
 * The error behind Apollo's wrapper: a resolver's (the wrapper has a path) or one thrown by a plugin before
 * execution (the operation gate's rate limit, say), which Apollo wraps without a path.
 */
function causeOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}

/**
 * The single place where server errors become client errors. Expected errors keep their code and message;
 * anything else becomes a generic INTERNAL_SERVER_ERROR, so no SQL, stack or row value reaches a client.
 */
export function toClientError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const cause = causeOf(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (cause instanceof AppError) {
    const fields = cause.fields.length > 0 ? { fields: cause.fields } : {};
    return {
      ...base,
      message: clientMessage(cause.code, cause),
      extensions: { ...cause.details, code: cause.code, ...fields },
    };
  }
  if (isDatabaseUnavailable(cause)) {
    return {
      ...base,
      message: DATABASE_UNAVAILABLE_MESSAGE,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
    };
  }
  if (cause instanceof HttpException) {
    const code = codeForStatus(cause.getStatus());
    if (code) return { ...base, message: clientMessage(code, cause), extensions: { code } };
  }
  const protocolCode = formatted.extensions?.['code'];
  if (cause instanceof GraphQLError && typeof protocolCode === 'string' && PROTOCOL_CODES.has(protocolCode)) {
    const details = Object.fromEntries(
      PROTOCOL_DETAILS.filter((key) => formatted.extensions?.[key] !== undefined).map((key) => [
        key,
        formatted.extensions?.[key],
      ]),
    );
    return { ...base, extensions: { code: protocolCode, ...details } };
  }
  return { ...base, message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

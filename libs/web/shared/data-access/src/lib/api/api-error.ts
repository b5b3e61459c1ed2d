import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';

import { GraphqlErrorsResponse, GraphqlTransportError } from './post-graphql';

/** The error codes the API puts in `extensions.code`, plus NETWORK when the API could not be reached. */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  // Too many requests or sign-in attempts: the API's message says when to try again.
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface FieldProblem {
  field: string;
  message: string;
}

/** What a page needs to explain a failed call: a code to branch on and a sentence to show. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
  fields: FieldProblem[];
}

/** The outcome of a call that may fail with an ApiError; pages branch on `ok` instead of catching. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

const UNREACHABLE = 'Accord could not be reached. Check your connection and try again.';
const UNEXPECTED = 'Something went wrong on our side. Please try again.';

function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && (API_ERROR_CODES as readonly string[]).includes(value);
}

function fieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, message } = entry as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

/**
 * A field's problem as the API words it ("must be an e-mail address", to follow the field's name) read as a
 * sentence under that field: "Must be an e-mail address."
 */
export function sentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** "occurredAt: must not be …": a field's path (no spaces), a colon, then what is wrong with it. */
const PROBLEM_LINE = /^([A-Za-z_$][\w$.[\]]*): (.+)$/s;

/**
 * A problem the API answered as one line of text, "occurredAt: must not be …" (so come a refused ingestion event's
 * problems), as the field it names and its message, for a form to show under that field and by its label. A line
 * naming no field is the message alone, of field ''.
 */
export function fieldProblemOf(line: string): FieldProblem {
  const named = PROBLEM_LINE.exec(line);
  return named ? { field: named[1], message: named[2] } : { field: '', message: line };
}

/**
 * What a page loading one record by its address says when that failed: `missing` when the address names no record
 * of this workspace (an id that is not one, or not found: the API does not tell another workspace's from none),
 * otherwise the API's own sentence; null when nothing failed.
 */
export function recordLoadMessage(
  error: Pick<ApiError, 'code' | 'message'> | null,
  missing: string,
): string | null {
  if (error === null) return null;
  return error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND' ? missing : error.message;
}

/** The code of one GraphQL error; an unknown or missing code counts as an internal error. */
export function errorCode(error: GraphQLFormattedError): ApiErrorCode {
  const code = error.extensions?.['code'];
  return isApiErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR';
}

function errorsInBody(bodyText: string): readonly GraphQLFormattedError[] | null {
  try {
    const errors: unknown = (JSON.parse(bodyText) as { errors?: unknown } | null)?.errors;
    return Array.isArray(errors) ? (errors as GraphQLFormattedError[]) : null;
  } catch {
    return null;
  }
}

function graphQLErrorsOf(error: unknown): readonly GraphQLFormattedError[] | null {
  if (CombinedGraphQLErrors.is(error) || error instanceof GraphqlErrorsResponse) return error.errors;
  // A 4xx answer that is not a GraphQL response (a rate limit, a body too large) still carries errors in its body.
  if (ServerError.is(error) && error.statusCode >= 400 && error.statusCode < 500) {
    return errorsInBody(error.bodyText);
  }
  return null;
}

/** The API could not be reached, or answered that it is briefly unable to (503, e.g. its database restarting). */
function isUnreachable(error: unknown, errors: readonly GraphQLFormattedError[] | null): boolean {
  if (errors !== null) return errors[0]?.extensions?.['code'] === 'SERVICE_UNAVAILABLE';
  return (
    ServerError.is(error) ||
    ServerParseError.is(error) ||
    error instanceof GraphqlTransportError ||
    // fetch rejects with a TypeError when the request never got an answer; Apollo passes it on as it is.
    (error instanceof TypeError && /fetch|network/i.test(error.message))
  );
}

/** True when any of the errors says the caller is not (or no longer) signed in. */
export function isUnauthenticated(error: unknown): boolean {
  return graphQLErrorsOf(error)?.some((entry) => errorCode(entry) === 'UNAUTHENTICATED') ?? false;
}

/** The `extensions` of the first GraphQL error, for codes that carry more than a message (a CONFLICT's revision). */
export function errorExtensions(error: unknown): Readonly<Record<string, unknown>> {
  return graphQLErrorsOf(error)?.[0]?.extensions ?? {};
}

/** Turns whatever Apollo or postGraphql threw into the first error's code and human message. */
export function toApiError(error: unknown): ApiError {
  const errors = graphQLErrorsOf(error);
  if (isUnreachable(error, errors)) return { code: 'NETWORK', message: UNREACHABLE, fields: [] };
  if (errors !== null) {
    const first = errors[0];
    if (first === undefined) return { code: 'INTERNAL_SERVER_ERROR', message: UNEXPECTED, fields: [] };
    const code = errorCode(first);
    const message = code === 'INTERNAL_SERVER_ERROR' || !first.message ? UNEXPECTED : first.message;
    return { code, message, fields: fieldProblems(first.extensions?.['fields']) };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: UNEXPECTED, fields: [] };
}

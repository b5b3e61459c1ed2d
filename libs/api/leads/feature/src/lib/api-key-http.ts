import { HttpStatus } from '@nestjs/common';

import { RateLimits, WRONG_API_KEY_MESSAGE, asHttpRateLimit } from '@accord/api/shared/auth';

/** What the machine routes (`/api/v1/…`) read of a request; the body parsers of configure-app fill `body`. */
export interface ApiKeyRequest {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** The client's address, as TRUST_PROXY lets Express read it. */
  ip?: string;
}

export interface ApiKeyResponse {
  status(code: number): ApiKeyResponse;
  setHeader(name: string, value: string): void;
  json(body: unknown): void;
}

/** Answers an error in the REST shape every machine route uses: `{ error, message }`. */
export function problem(response: ApiKeyResponse, status: number, code: string, message: string): void {
  response.status(status).json({ error: code, message });
}

/** Why a machine route's body parser found no batch to take: more items than a request may hold, or unreadable. */
export type BatchRefusal = { tooMany: true } | { error: string };

/** Why a machine route will not run a request it was sent: the status, code and message it answers. */
export interface Problem {
  status: number;
  code: string;
  message: string;
}

/**
 * What a machine route finds in place of a body the HTTP server could not read (JSON that does not parse, a body
 * over its limit): configure-app's body error handler leaves it there and lets the route run, so that the route
 * answers it as it answers its own refusals, only once the key is known good (refuseRequest).
 */
export class UnreadBody {
  constructor(readonly problem: Problem) {}
}

/** Whether a body parser's result is a refusal rather than the batch. */
export function isBatchRefusal(parsed: unknown): parsed is BatchRefusal {
  return (
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    ('tooMany' in parsed || 'error' in parsed)
  );
}

/** How a refused batch is answered: 413 for more than `max` `items`, 400 naming what is unreadable. */
export function batchProblem(refusal: BatchRefusal, max: number, items: string): Problem {
  return 'tooMany' in refusal
    ? {
        status: HttpStatus.PAYLOAD_TOO_LARGE,
        code: 'PAYLOAD_TOO_LARGE',
        message: `At most ${max} ${items} per request; split the batch.`,
      }
    : { status: HttpStatus.BAD_REQUEST, code: 'BAD_USER_INPUT', message: refusal.error };
}

/** One machine request that presented a key, and how to check that key. */
export interface KeyedCall {
  request: ApiKeyRequest;
  response: ApiKeyResponse;
  secret: string;
  rateLimits: RateLimits;
  /** Says whether a key is a workspace's, unrevoked (ApiKeysService). */
  keys: { isValid(secret: string): Promise<boolean> };
}

/**
 * Answers `refused`, a request the route will not run for its body or headers, once its key is known good. A
 * wrong key is answered 401 whatever else is wrong, as a request without those faults would be: a client learns
 * first that its key is wrong, and a caller without a valid key learns nothing of what the route takes. The key's
 * one lookup is paid only on this error path; a good request authenticates inside its own transaction.
 */
export async function refuseRequest(call: KeyedCall, refused: Problem): Promise<void> {
  if (!(await call.keys.isValid(call.secret))) return refuseKey(call.rateLimits, call.request, call.response);
  problem(call.response, refused.status, refused.code, refused.message);
}

/**
 * The API key a request presents, from `X-Api-Key` or `Authorization: Bearer …`. An empty X-Api-Key (a client's
 * template with the value left out) is no key: a Bearer key still counts.
 */
export function presentedKey(
  authorization: string | undefined,
  apiKeyHeader: string | undefined,
): string | undefined {
  return [apiKeyHeader, authorization?.replace(/^Bearer\s+/i, '')]
    .map((value) => value?.trim())
    .find((value) => value);
}

/**
 * Refuses a missing, wrong or revoked key with 401. It counts against the client address's budget for wrong
 * keys first: past that budget the answer is 429 instead (thrown, as Nest answers HttpExceptions).
 */
export async function refuseKey(
  rateLimits: RateLimits,
  request: ApiKeyRequest,
  response: ApiKeyResponse,
): Promise<void> {
  await rateLimits.wrongApiKey(request.ip ?? 'unknown').catch((error: unknown) => {
    throw asHttpRateLimit(error, response);
  });
  problem(response, HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', WRONG_API_KEY_MESSAGE);
}

/**
 * Whether a request carries body bytes, from its headers as Node reads them: a chunked body, or a Content-Length
 * other than 0. (A chunked body of no bytes at all reads as present; no client sends one for an empty body.)
 */
export function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

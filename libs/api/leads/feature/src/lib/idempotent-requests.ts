import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';

import { ApiKeysRepository, IngestRequestEntity } from '@accord/api/leads/data-access';
import { RateLimits } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';

import { ApiKeyRequest, ApiKeyResponse, Problem, problem, refuseKey } from './api-key-http';
import { ApiKeysService } from './api-keys.service';

/** A reserved Idempotency-Key whose request has not answered within this time is taken to have died with it. */
const ABANDONED_REQUEST_MS = 5 * 60_000;

/**
 * Why an Idempotency-Key header is refused (400): it is not 1 to 200 visible ASCII characters. No header is
 * fine: the request runs without one.
 */
export function idempotencyKeyProblem(key: string | undefined): Problem | null {
  if (key === undefined || /^[\x21-\x7e]{1,200}$/.test(key)) return null;
  return {
    status: HttpStatus.BAD_REQUEST,
    code: 'BAD_USER_INPUT',
    message: 'Idempotency-Key must be 1 to 200 visible ASCII characters.',
  };
}

/** One machine request as `IdempotentRequests.answer` runs it. */
export interface KeyedRequest {
  request: ApiKeyRequest;
  response: ApiKeyResponse;
  /** The API key the request presents. */
  secret: string;
  /** Its Idempotency-Key header, already checked by idempotencyKeyProblem. */
  idempotencyKey: string | undefined;
  /**
   * What the body's fingerprint starts with, so that one key sent to two routes is two different requests: the
   * route, except for `/api/v1/signals`, whose fingerprints are its body's alone as they were before the routes
   * shared this (`''`), so that a retry sent across that upgrade is still replayed.
   */
  fingerprintScope: string;
}

/**
 * The machine routes' `Idempotency-Key`: a retry with the key of a request that was answered gets the first
 * response again instead of running a second time. The key is reserved (a row of `ingest_requests`) before the
 * request runs, so a retry sent while the first still runs gets 409 rather than running beside it; the same key
 * with another body or route is a client's bug, refused with 422. A request that fails frees its key; one whose
 * process died frees it after five minutes.
 */
@Injectable()
export class IdempotentRequests {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly keys: ApiKeysRepository,
    private readonly clock: Clock,
    private readonly rateLimits: RateLimits,
  ) {}

  /**
   * Answers the request 200 with what `work` returns, or 401 when it returns null (a wrong or revoked key);
   * with an Idempotency-Key, at most once per key, replaying that answer to every retry.
   */
  async answer(
    { request, response, secret, idempotencyKey, fingerprintScope }: KeyedRequest,
    work: () => Promise<object | null>,
  ): Promise<void> {
    const unauthenticated = () => refuseKey(this.rateLimits, request, response);
    if (idempotencyKey === undefined) {
      const body = await work();
      return body ? void response.status(HttpStatus.OK).json(body) : unauthenticated();
    }
    const bodyHash = fingerprint(fingerprintScope, request.body);
    const claim = await this.apiKeys.inKeyWorkspace(secret, async (manager, key) => {
      const now = this.clock.now();
      const reservation = { workspaceId: key.workspaceId, idempotencyKey, bodyHash };
      const abandonedBefore = new Date(now.getTime() - ABANDONED_REQUEST_MS);
      if (await this.keys.reserveRequest(manager, reservation, now, abandonedBefore))
        return { reserved: true };
      return { reserved: false, earlier: await this.keys.findRequest(manager, idempotencyKey) };
    });
    if (!claim) return unauthenticated();
    if (!claim.reserved) return answerAgain(response, claim.earlier ?? null, bodyHash);

    let body: object | null;
    try {
      body = await work();
    } catch (error) {
      await this.release(secret, idempotencyKey);
      throw error;
    }
    if (!body) {
      await this.release(secret, idempotencyKey);
      return unauthenticated();
    }
    await this.apiKeys.inKeyWorkspace(secret, (manager) =>
      this.keys.answerRequest(manager, idempotencyKey, { statusCode: HttpStatus.OK, response: body }),
    );
    response.status(HttpStatus.OK).json(body);
  }

  /** Frees the key of a request that ended without an answer to replay, so that a retry runs. */
  private async release(secret: string, idempotencyKey: string): Promise<void> {
    await this.apiKeys
      .inKeyWorkspace(secret, (manager) => this.keys.releaseRequest(manager, idempotencyKey))
      .catch(() => undefined); // the key stays taken until ABANDONED_REQUEST_MS passes
  }
}

/** SHA-256 of the scope and the body as parsed (NDJSON stays text), to tell a retry from another request. */
function fingerprint(scope: string, body: unknown): string {
  return createHash('sha256')
    .update(scope === '' ? '' : `${scope}\n`)
    .update(typeof body === 'string' ? body : JSON.stringify(body))
    .digest('hex');
}

/**
 * A request whose Idempotency-Key is taken: the first response again, or why not — the key was used with another
 * body or route (422), or its first request is still running (409: retry once it has been answered).
 */
function answerAgain(response: ApiKeyResponse, earlier: IngestRequestEntity | null, bodyHash: string): void {
  if (earlier && earlier.bodyHash !== bodyHash) {
    return problem(
      response,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'BAD_USER_INPUT',
      'This Idempotency-Key was used with a different body or route.',
    );
  }
  if (!earlier || earlier.statusCode === null) {
    response.setHeader('Retry-After', '1');
    return problem(
      response,
      HttpStatus.CONFLICT,
      'CONFLICT',
      'A request with this Idempotency-Key is still running; retry once it has been answered.',
    );
  }
  response.setHeader('Idempotent-Replayed', 'true');
  response.status(earlier.statusCode).json(earlier.response);
}

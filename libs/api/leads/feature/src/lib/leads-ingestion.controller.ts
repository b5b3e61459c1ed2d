import { Controller, Headers, Post, Req, Res } from '@nestjs/common';

import { Public, RateLimits } from '@accord/api/shared/auth';

import {
  ApiKeyRequest,
  ApiKeyResponse,
  BatchRefusal,
  KeyedCall,
  UnreadBody,
  batchProblem,
  hasBody,
  isBatchRefusal,
  presentedKey,
  refuseKey,
  refuseRequest,
} from './api-key-http';
import { ApiKeysService } from './api-keys.service';
import { IdempotentRequests, idempotencyKeyProblem } from './idempotent-requests';
import { LeadUpsertService } from './lead-upsert.service';

/** The route machines create and update leads on. */
export const LEADS_ROUTE = '/api/v1/leads';
/**
 * Leads in one request. Each is locked and scored in the request's one transaction, so this bounds how long a
 * request holds its leads' locks (and its 1 MB JSON body holds about this many anyway).
 */
export const MAX_LEADS = 1_000;

/**
 * The lead objects of a JSON body: one object, or an array of them (each item is checked on its own later).
 * A request without a body, or with a body the JSON parser did not take (another Content-Type), holds none.
 */
export function leadItemsOf(body: unknown, present: boolean): unknown[] | BatchRefusal {
  const items = !present
    ? []
    : Array.isArray(body)
      ? body
      : typeof body === 'object' && body !== null
        ? [body]
        : null;
  if (items === null)
    return {
      error: 'Send one lead object or an array of leads as JSON, with Content-Type: application/json.',
    };
  if (items.length > MAX_LEADS) return { tooMany: true };
  return items.length === 0 ? { error: 'The request holds no leads.' } : items;
}

/**
 * Leads from machines (a website form, a marketing automation tool): `POST /api/v1/leads` with a workspace API
 * key, authenticated and rate-limited as `/api/v1/signals` is. Each lead is upserted by e-mail; the response
 * reports every item (created, updated, unchanged, refused with the reasons) and the stage of its lead. An
 * `Idempotency-Key` replays the first response to a retry, which therefore never writes an item's fields again
 * over a change another request made in between.
 */
@Public()
@Controller('api/v1')
export class LeadsIngestionController {
  constructor(
    private readonly upserts: LeadUpsertService,
    private readonly apiKeys: ApiKeysService,
    private readonly rateLimits: RateLimits,
    private readonly idempotent: IdempotentRequests,
  ) {}

  @Post('leads')
  async upsert(
    @Req() request: ApiKeyRequest,
    @Res() response: ApiKeyResponse,
    @Headers('authorization') authorization: string | undefined,
    @Headers('x-api-key') apiKeyHeader: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<void> {
    const secret = presentedKey(authorization, apiKeyHeader);
    if (!secret) return refuseKey(this.rateLimits, request, response);
    const call: KeyedCall = { request, response, secret, rateLimits: this.rateLimits, keys: this.apiKeys };
    if (request.body instanceof UnreadBody) return refuseRequest(call, request.body.problem);
    const badIdempotencyKey = idempotencyKeyProblem(idempotencyKey);
    if (badIdempotencyKey) return refuseRequest(call, badIdempotencyKey);
    const items = leadItemsOf(request.body, hasBody(request.headers));
    if (isBatchRefusal(items)) return refuseRequest(call, batchProblem(items, MAX_LEADS, 'leads'));
    await this.idempotent.answer(
      { request, response, secret, idempotencyKey, fingerprintScope: LEADS_ROUTE },
      () => this.upserts.upsert(secret, items),
    );
  }
}

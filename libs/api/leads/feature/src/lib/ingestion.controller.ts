import { Controller, Headers, HttpStatus, Post, Req, Res } from '@nestjs/common';

import { Public, RateLimits } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';

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
import {
  IngestReport,
  InvalidJsonLine,
  SignalIngestionService,
  UnknownApiKey,
} from './signal-ingestion.service';

export { hasBody } from './api-key-http';

export const NDJSON_TYPE = 'application/x-ndjson';
/**
 * Events in one request. A request is parsed, validated and answered whole, so this bounds the memory one
 * request holds (≈10 MB); a bulk sender sends more requests, a few at a time.
 */
export const MAX_EVENTS = 10_000;
/** The largest NDJSON body: 10,000 events of up to about 1 kB each. */
export const MAX_NDJSON_BODY = '10mb';

/** The route that takes NDJSON bodies: only it has their larger limit (configure-app). */
export const SIGNALS_ROUTE = '/api/v1/signals';

/**
 * The non-blank lines of an NDJSON body with their numbers (counted from 1, blank lines included, so a message
 * names the line an editor shows), or null as soon as there are more than `max`: an over-long body of tiny lines
 * ("{}" a line, millions of them) is refused before anything is parsed or held per line.
 */
function ndjsonLines(body: string, max: number): { text: string; number: number }[] | null {
  const lines: { text: string; number: number }[] = [];
  for (let start = 0, number = 1; start < body.length; number++) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const text = body.slice(start, end);
    if (text.trim() !== '') {
      if (lines.length === max) return null;
      lines.push({ text, number });
    }
    start = end + 1;
  }
  return lines;
}

/** What a request sent: its parsed body, its Content-Type and whether it had a body at all. */
export interface IngestBody {
  body: unknown;
  contentType: string;
  /** False for a request without body bytes, which the JSON parser hands on as `{}`, the same as a body of "{}". */
  present: boolean;
}

/** The events of a request; for NDJSON, the line of each. */
export interface IngestEvents {
  events: unknown[];
  lines?: number[];
}

/**
 * Reads the events of a JSON object, a JSON array or NDJSON; a line that is not JSON becomes a refusal. More than
 * `max` events is `tooMany`, found before any line is parsed. A request without a body holds no events.
 */
export function eventsOf(
  { body, contentType, present }: IngestBody,
  max: number,
): IngestEvents | BatchRefusal {
  if (!present) return { events: [] };
  if (contentType.startsWith(NDJSON_TYPE)) {
    if (typeof body !== 'string') return { error: 'An NDJSON body must be text, one JSON event per line.' };
    const lines = ndjsonLines(body, max);
    if (lines === null) return { tooMany: true };
    return {
      events: lines.map(({ text, number }) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return new InvalidJsonLine(text.slice(0, 80), number);
        }
      }),
      lines: lines.map((line) => line.number),
    };
  }
  if (Array.isArray(body)) return body.length > max ? { tooMany: true } : { events: body };
  if (typeof body === 'object' && body !== null) return { events: [body] };
  // No parser took the body (another Content-Type), or it is JSON but not an event: `42`, `"text"`, `null`.
  if (body !== undefined) return { error: 'The request body must be an event object or an array of events.' };
  return {
    error: `Send JSON (one event or an array) as application/json, or one event per line as ${NDJSON_TYPE}.`,
  };
}

/**
 * Signals from machines: `POST /api/v1/signals` with a workspace API key. The response reports every event
 * (stored, duplicate, refused with the reason, unmatched). An `Idempotency-Key` makes a retried request
 * replay the first response instead of running again (IdempotentRequests).
 */
@Public()
@Controller('api/v1')
export class IngestionController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly ingestion: SignalIngestionService,
    private readonly clock: Clock,
    private readonly rateLimits: RateLimits,
    private readonly idempotent: IdempotentRequests,
  ) {}

  @Post('signals')
  async ingest(
    @Req() request: ApiKeyRequest,
    @Res() response: ApiKeyResponse,
    @Headers('authorization') authorization: string | undefined,
    @Headers('x-api-key') apiKeyHeader: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<void> {
    const secret = presentedKey(authorization, apiKeyHeader);
    if (!secret) return refuseKey(this.rateLimits, request, response);
    const call: KeyedCall = { request, response, secret, rateLimits: this.rateLimits, keys: this.apiKeys };
    if (request.body instanceof UnreadBody) return refuseRequest(call, request.body.problem);
    const badIdempotencyKey = idempotencyKeyProblem(idempotencyKey);
    if (badIdempotencyKey) return refuseRequest(call, badIdempotencyKey);
    const parsed = eventsOf(
      {
        body: request.body,
        contentType: (contentType ?? '').toLowerCase(),
        present: hasBody(request.headers),
      },
      MAX_EVENTS,
    );
    if (isBatchRefusal(parsed)) return refuseRequest(call, batchProblem(parsed, MAX_EVENTS, 'events'));
    if (parsed.events.length === 0)
      return refuseRequest(call, {
        status: HttpStatus.BAD_REQUEST,
        code: 'BAD_USER_INPUT',
        message: 'The request holds no events.',
      });
    await this.idempotent.answer({ request, response, secret, idempotencyKey, fingerprintScope: '' }, () =>
      this.run(secret, parsed),
    );
  }

  /** Stores the events; null when the key is wrong or revoked. */
  private async run(
    secret: string,
    { events, lines }: IngestEvents,
  ): Promise<ReturnType<typeof toResponse> | null> {
    const apiKeyHash = this.apiKeys.hashOf(secret);
    if (!apiKeyHash) return null;
    let report: IngestReport;
    try {
      report = await this.ingestion.ingest({ apiKeyHash }, events, this.clock.now(), 'soon');
    } catch (error) {
      if (error instanceof UnknownApiKey) return null;
      throw error;
    }
    // No event reached the statement that authenticates the key: authenticate it before answering.
    const workspaceId = report.workspaceId ?? (await this.apiKeys.authenticate(secret))?.workspaceId;
    return workspaceId ? toResponse(report, lines) : null;
  }
}

/** The report as the API answers it; an NDJSON body's items name their line. */
function toResponse(report: IngestReport, lines?: readonly number[]) {
  return {
    stored: report.stored,
    duplicates: report.duplicates,
    refused: report.refused,
    unmatched: report.unmatched,
    items: report.items.map(({ index, problems, ...item }) => ({
      index,
      ...(lines ? { line: lines[index] } : {}),
      ...item,
      problems: problems?.map((p) => ({ field: p.path, message: p.message })),
    })),
  };
}

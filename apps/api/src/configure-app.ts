import type { NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response, text } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';

import { IMPORTS_ROUTE } from '@accord/api/imports/feature';
import {
  LEADS_ROUTE,
  MAX_NDJSON_BODY,
  NDJSON_TYPE,
  SIGNALS_ROUTE,
  UnreadBody,
} from '@accord/api/leads/feature';
import { AppConfig } from '@accord/api/shared/config';
import { DatabaseUnavailableFilter, createValidationPipe } from '@accord/api/shared/graphql';

import { answerPolicy } from './content-security-policy';

/** The largest JSON body: a GraphQL operation, a batch of signals or of leads. */
export const MAX_JSON_BODY = '1mb';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  /** The text the JSON parser refused. */
  body?: unknown;
}

/** Why the JSON parser refused a body, in words that say what to send instead. */
function parseFailure(request: Request, body: unknown): string {
  // Where CSV files are uploaded, a JSON body is a file sent the wrong way.
  if (request.path.startsWith(`${IMPORTS_ROUTE}/`))
    return "An import's file is the raw request body, sent with Content-Type: text/csv, not as JSON.";
  try {
    // Valid JSON that is neither an object nor an array (`42`, `null`): the parser takes only those.
    if (typeof body === 'string') JSON.parse(body);
    if (request.path.startsWith(SIGNALS_ROUTE))
      return 'The request body must be an event object or an array of events.';
    return request.path.startsWith(LEADS_ROUTE)
      ? 'The request body must be a lead object or an array of leads.'
      : 'The request body must be a JSON object or array.';
  } catch {
    return 'The request body is not valid JSON.';
  }
}

/** The routes machines call with an API key, which answer a wrong key before anything wrong with the body. */
const MACHINE_ROUTES = [SIGNALS_ROUTE, LEADS_ROUTE];

/** What is wrong with a body its parser refused, or null for an error that is not the parser's. */
function bodyProblem(failure: BodyParserError | undefined, req: Request) {
  if (failure?.type === 'entity.too.large')
    return {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is larger than the limit of ${failure.limit} bytes.`,
    };
  if (failure?.type === 'entity.parse.failed')
    return { status: 400, code: 'BAD_USER_INPUT', message: parseFailure(req, failure.body) };
  return null;
}

/**
 * A body over its limit is answered 413 with the limit named, in the API's error shape, instead of the
 * parser's HTML page; other parser errors (malformed JSON) keep their 400 in the same shape. On the machine routes
 * the route answers it instead (the parser has read the body off by then), so that a wrong API key hears 401 first
 * and learns nothing of what the route takes.
 */
function bodyErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const problem = bodyProblem(error as BodyParserError | undefined, req);
  if (problem === null) return next(error);
  if (MACHINE_ROUTES.some((route) => req.path === route)) {
    req.body = new UnreadBody(problem);
    return next();
  }
  res.status(problem.status).json({ error: problem.code, message: problem.message });
}

/**
 * Security headers on every answer (helmet): nosniff, no framing, no referrer, HSTS, no X-Powered-By; and the
 * content security policy on all but /graphql, whose development IDE loads Apollo's page from its CDN (production
 * serves no IDE there).
 */
function securityHeaders(app: NestExpressApplication): void {
  app.use(helmet({ contentSecurityPolicy: false, xFrameOptions: { action: 'deny' } }));
  app.use((req: Request, res: Response, next: NextFunction) =>
    req.path === '/graphql' ? next() : answerPolicy(req, res, next),
  );
}

/**
 * Everything main.ts sets on the application besides its modules, shared with the tests that boot it: body
 * limits, validation, 503 for an unavailable database on REST, shutdown hooks, proxy trust.
 */
export function configureApp(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  securityHeaders(app);
  app.useBodyParser('json', { limit: MAX_JSON_BODY });
  // Bulk signals arrive as NDJSON, one event per line; larger than a JSON request, still bounded. Only their
  // route reads it: elsewhere an NDJSON body is not read at all, so no other route buffers 10 MB.
  app.use(SIGNALS_ROUTE, text({ type: NDJSON_TYPE, limit: MAX_NDJSON_BODY }));
  app.use(bodyErrors);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DatabaseUnavailableFilter(app.getHttpAdapter()));
  app.enableShutdownHooks();
  // Which proxies may name the client in X-Forwarded-For: per-address limits key on that address (TRUST_PROXY).
  app.set('trust proxy', app.get(AppConfig).trustProxy);
  // API answers are not cached by validators: computing an ETag would hash every response body for nothing.
  app.set('etag', false);
}

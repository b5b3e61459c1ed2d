import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

import { AppError } from './app-error';
import { DATABASE_UNAVAILABLE_MESSAGE } from './client-error';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './unavailable';

/**
 * REST's counterpart of the GraphQL error formatter for one case: a database that is briefly unavailable is a
 * retryable 503 with Retry-After, not a 500. Everything else keeps Nest's handling; GraphQL errors pass through
 * to the GraphQL error formatter — an `AppError` (bad input, a conflict, a refusal) as handled, so that Nest does not
 * log an expected answer as a server error with its stack, which would page whoever watches error-level logs.
 */
@Catch()
export class DatabaseUnavailableFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // GraphQL: an AppError returned is one the resolver fails with, unlogged; anything else is not handled here
    // (undefined): Nest logs it and rethrows it to the resolver. The GraphQL formatter answers both.
    if (host.getType<string>() !== 'http') return exception instanceof AppError ? exception : undefined;
    if (isDatabaseUnavailable(exception)) {
      const response = host.switchToHttp().getResponse<Response>();
      if (!response.headersSent) {
        response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
        response.status(503).json({
          error: 'SERVICE_UNAVAILABLE',
          message: DATABASE_UNAVAILABLE_MESSAGE,
          retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
        });
      }
      return undefined;
    }
    super.catch(exception, host);
    return undefined;
  }
}

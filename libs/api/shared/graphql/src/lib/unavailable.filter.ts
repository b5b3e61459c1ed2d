import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

import { DATABASE_UNAVAILABLE_MESSAGE } from './client-error';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './unavailable';

/**
 * REST's counterpart of the GraphQL error formatter for one case: a database that is briefly unavailable is a
 * retryable 503 with Retry-After, not a 500. Everything else keeps Nest's handling; GraphQL errors pass through
 * to the GraphQL error formatter.
 */
@Catch()
export class DatabaseUnavailableFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // Not handled here (undefined): Nest rethrows it to the resolver, and the GraphQL formatter answers.
    if (host.getType<string>() !== 'http') return undefined;
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

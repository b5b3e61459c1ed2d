import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { Request, Response } from 'express';

import {
  AppError,
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  ErrorCode,
  isDatabaseUnavailable,
  toClientError,
} from '@accord/api/shared/graphql';

import { AccessGuard } from './access.guard';
import type { AuthMember } from './auth-member';
import { RateLimitGuard } from './rate-limit.guard';

interface GateContext {
  req?: Request & { user?: AuthMember };
  res?: Response;
}

/**
 * Every GraphQL operation is authenticated (when it carries a token) and counted against its rate limit before
 * anything runs — also the ones no resolver answers (`{ __typename }`), which guards never see, the ones answered
 * from the verified result cache, and the ones refused before they run (unparsable, invalid, over a limit): it
 * counts as soon as the source is known, before parsing, so refused operations are not free to repeat. Guards
 * then find the request authenticated and counted.
 */
@Plugin()
export class OperationGate implements ApolloServerPlugin<GateContext> {
  constructor(
    private readonly access: AccessGuard,
    private readonly rateLimit: RateLimitGuard,
  ) {}

  requestDidStart(): Promise<GraphQLRequestListener<GateContext>> {
    // Why this operation may not run (over its limit, the database away), found before parsing. Apollo answers an
    // error thrown that early as an internal one, so it is thrown once the operation is resolved, or — for one
    // refused before that (unparsable, invalid) — takes the place of that refusal in the response.
    let refusal: AppError | null = null;
    let resolved = false;
    return Promise.resolve({
      didResolveSource: async ({ contextValue: { req, res } }) => {
        if (!req) return;
        try {
          await this.admit(req, res);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refusal = error;
        }
      },
      didResolveOperation: () => {
        resolved = true;
        return refusal ? Promise.reject(refusal) : Promise.resolve();
      },
      willSendResponse: ({ response }) => {
        if (!refusal || resolved || response.body.kind !== 'single') return Promise.resolve();
        const error = toClientError({ message: refusal.message }, refusal);
        response.body.singleResult = { errors: [error] };
        const retryAfter = refusal.details['retryAfterSeconds'];
        response.http.status = refusal.code === ErrorCode.RATE_LIMITED ? 429 : 503;
        if (typeof retryAfter === 'number') response.http.headers.set('retry-after', String(retryAfter));
        return Promise.resolve();
      },
    });
  }

  /** Authenticates the request (when it carries a token) and counts it; throws why it may not run. */
  private async admit(req: NonNullable<GateContext['req']>, res: GateContext['res']): Promise<void> {
    if (req.headers.authorization) {
      try {
        await this.access.authenticate(new ExecutionContextHost([req, res]));
      } catch (error) {
        if (isDatabaseUnavailable(error))
          throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE, [], {
            retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
          });
      }
    }
    await this.rateLimit.countOnce(req, 'graphql');
  }
}

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
 * anything runs — also the ones no resolver answers (`{ __typename }`), which guards never see, and the ones
 * answered from the verified result cache. Guards then find the request authenticated and counted.
 */
@Plugin()
export class OperationGate implements ApolloServerPlugin<GateContext> {
  constructor(
    private readonly access: AccessGuard,
    private readonly rateLimit: RateLimitGuard,
  ) {}

  requestDidStart(): Promise<GraphQLRequestListener<GateContext>> {
    return Promise.resolve({
      didResolveOperation: async ({ contextValue: { req, res } }) => {
        if (!req) return;
        if (req.headers.authorization) {
          try {
            await this.access.authenticate(new ExecutionContextHost([req, res]));
          } catch (error) {
            // A bad token leaves the request anonymous: public operations still answer, guarded ones refuse it.
            // An unreachable database is a retryable 503, said here in so many words: Apollo keeps only errors it
            // recognises as such, and one from another realm (a test's sandbox) would arrive as a bare 500.
            if (isDatabaseUnavailable(error))
              throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE, [], {
                retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
              });
          }
        }
        await this.rateLimit.countOnce(req, 'graphql');
      },
    });
  }
}

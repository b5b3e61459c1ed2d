import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';

import { AppError, ErrorCode } from '@accord/api/shared/graphql';

import type { AuthMember } from './auth-member';
import { requestOf } from './decorators';
import { RateLimits } from './rate-limits';

/**
 * A spent budget on REST, as every REST route answers it: 429 with Retry-After and the error's code, message and
 * seconds. Any other error is returned as it is.
 */
export function asHttpRateLimit(
  error: unknown,
  response: { setHeader(name: string, value: string): unknown },
): unknown {
  if (!(error instanceof AppError) || error.code !== ErrorCode.RATE_LIMITED) return error;
  const seconds = Number(error.details['retryAfterSeconds']);
  response.setHeader('Retry-After', String(seconds));
  return new HttpException(
    { error: ErrorCode.RATE_LIMITED, message: error.message, retryAfterSeconds: seconds },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

/**
 * The global rate limit, after the access guard: a signed-in member is counted by their id (the JWT subject), a
 * machine client by its API key, and only what has neither — anonymous GraphQL operations — by client address.
 * A request counts once however many resolvers and field resolvers its guards run for.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly counted = new WeakMap<object, Promise<void>>();

  constructor(private readonly limits: RateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context) as (Request & { user?: AuthMember }) | undefined;
    if (!request) return true;
    try {
      await this.countOnce(request, context.getType<string>() === 'graphql' ? 'graphql' : 'http');
    } catch (error) {
      if (context.getType<string>() === 'http')
        throw asHttpRateLimit(error, context.switchToHttp().getResponse<Response>());
      throw error;
    }
    return true;
  }

  /**
   * Counts the request against its budget the first time a guard or the operation gate asks; rejects with
   * RATE_LIMITED once the budget is spent.
   */
  countOnce(request: Request & { user?: AuthMember }, kind: 'graphql' | 'http'): Promise<void> {
    let counting = this.counted.get(request);
    if (!counting) {
      counting = this.count(kind, request);
      this.counted.set(request, counting);
    }
    return counting;
  }

  private async count(kind: 'graphql' | 'http', request: Request & { user?: AuthMember }): Promise<void> {
    // A key acting as its creator (an import) spends the key's budget, as the key's other requests do.
    if (request.user && !request.user.apiKeyId) return this.limits.member(request.user.id);
    if (kind === 'graphql') return this.limits.anonymous(request.ip ?? 'unknown');
    // Wrong keys are limited per address where the key is looked up (RateLimits.wrongApiKey), not here: refusing
    // the address before its key is known would refuse valid keys of others behind the same egress address.
    const header = request.headers['x-api-key'] ?? request.headers.authorization;
    const secret = (Array.isArray(header) ? header[0] : header)?.replace(/^Bearer\s+/i, '').trim();
    // REST without a key (health, metrics) is not counted: load balancers poll it.
    return secret ? this.limits.apiKey(secret) : Promise.resolve();
  }
}

import { ExecutionContext, Injectable, type Type } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';

import { AppError, isDatabaseUnavailable } from '@accord/api/shared/graphql';
import { Role, hasAnyRole } from '@accord/domain/workspace';

import { ApiKeyMembers, presentedApiKey } from './api-key-members';
import type { AuthMember } from './auth-member';
import { ACCEPTS_API_KEY, PUBLIC_KEY, ROLES_KEY, requestOf } from './decorators';

/**
 * The global guard: every operation needs a valid token unless marked @Public() — or, on a route marked
 * @AcceptsApiKey(), an API key allowed to import, acting as its creator — and one of the roles its @Roles() (or
 * @AnyMember()) names. An operation with no rule at all is refused: registered once as APP_GUARD,
 * so a new resolver is closed until someone decides who may use it.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  /** Each request's one authentication, settled or not, for every guard and plugin that asks. */
  private readonly authentications = new WeakMap<object, Promise<AuthMember>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeyMembers: ApiKeyMembers,
  ) {
    super();
  }

  /**
   * Verifies the request's bearer token and loads its member, once per request (field resolvers run guards
   * too, and the operation gate authenticates before any resolver). Rejects with UNAUTHENTICATED, or with the
   * database's unavailability.
   */
  authenticate(context: ExecutionContext): Promise<AuthMember> {
    const request = requestOf(context);
    if (request.user) return Promise.resolve(request.user);
    let authentication = this.authentications.get(request);
    if (!authentication) {
      // The operation gate authenticates before any resolver is known: it has no handler or class to read.
      const handler = context.getHandler() as (() => unknown) | null | undefined;
      const type = context.getClass() as Type | null | undefined;
      const apiKey =
        handler && type && this.reflector.getAllAndOverride<boolean>(ACCEPTS_API_KEY, [handler, type])
          ? presentedApiKey(request)
          : undefined;
      authentication = apiKey
        ? this.apiKeyMembers
            .memberOf(apiKey, request.ip ?? 'unknown')
            .then((member) => (request.user = member))
        : (super.canActivate(context) as Promise<boolean>).then(() => request.user as AuthMember);
      this.authentications.set(request, authentication);
    }
    return authentication;
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const member = await this.authenticate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0)
      throw AppError.forbidden('This operation has no access rule yet, so it stays closed.');
    if (!(member && hasAnyRole(member.roles, roles))) {
      // A script's owner reads this: the key's rights are its creator's, as they are now.
      if (member?.apiKeyId)
        throw AppError.forbidden(
          `This API key acts as ${member.name}, who created it and no longer holds one of the roles this needs: ${roles.join(', ')}.`,
        );
      throw AppError.forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, member: T): T {
    // Loading the member needs the database: its absence is a retryable 503, not a reason to sign anyone out.
    if (isDatabaseUnavailable(error)) throw error;
    if (error || !member) throw AppError.unauthenticated();
    return member;
  }
}

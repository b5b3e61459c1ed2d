import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';

import { AppError, isDatabaseUnavailable } from '@accord/api/shared/graphql';
import { Role, hasAnyRole } from '@accord/domain/workspace';

import { PUBLIC_KEY, ROLES_KEY, requestOf } from './decorators';

/**
 * The global guard: every operation needs a valid token unless marked @Public(), and one of the roles its
 * @Roles() (or @AnyMember()) names. An operation with no rule at all is refused: registered once as APP_GUARD,
 * so a new resolver is closed until someone decides who may use it.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = requestOf(context);
    // Field resolvers run guards too: a request authenticates once, its later checks only compare roles.
    if (!request.user) await (super.canActivate(context) as Promise<boolean>);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const member = request.user;
    if (!roles || roles.length === 0)
      throw AppError.forbidden('This operation has no access rule yet, so it stays closed.');
    if (!(member && hasAnyRole(member.roles, roles))) {
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

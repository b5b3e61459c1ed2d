import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';

import { AppError } from '@accord/api/shared/graphql';
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
    await (super.canActivate(context) as Promise<boolean>);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const member = requestOf(context).user;
    if (!roles || roles.length === 0)
      throw AppError.forbidden('This operation has no access rule yet, so it stays closed.');
    if (!(member && hasAnyRole(member.roles, roles))) {
      throw AppError.forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, member: T): T {
    if (error || !member) throw AppError.unauthenticated();
    return member;
  }
}

import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';

import { ROLES, type Role } from '@accord/domain/workspace';

import type { AuthMember } from './auth-member';

export const PUBLIC_KEY = 'accord:public';
export const ROLES_KEY = 'accord:roles';

/** Opens an operation or route to anonymous callers; everything else requires a signed-in member. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const ACCEPTS_API_KEY = 'accord:accepts-api-key';

/**
 * Lets a REST route's callers present an API key allowed to import in place of a member's token: the request then
 * acts as the key's creator (ApiKeyMembers), and @Roles applies to the roles they hold.
 */
export const AcceptsApiKey = () => SetMetadata(ACCEPTS_API_KEY, true);

/** Restricts an operation to members holding at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Opens an operation to every signed-in member, on purpose; the service may still apply finer rules. */
export const AnyMember = () => Roles(...ROLES);

export function requestOf(context: ExecutionContext): Request & { user?: AuthMember } {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: Request & { user?: AuthMember } }>().req;
  }
  return context.switchToHttp().getRequest();
}

/** The signed-in member of the current request. */
export const CurrentMember = createParamDecorator((_data: unknown, context: ExecutionContext): AuthMember => {
  const member = requestOf(context).user;
  if (!member) throw new Error('CurrentMember used on an operation that is not authenticated');
  return member;
});

import 'reflect-metadata';

import { PUBLIC_KEY, ROLES_KEY } from '@accord/api/shared/auth';
import { ROLES, type Role } from '@accord/domain/workspace';

import { ALL_RESOLVERS } from './resolvers';

/** Who may run an operation: anyone, any member, or the members holding one of these roles. */
export type Rule = 'PUBLIC' | 'ANY_MEMBER' | Role[];

/** Where @Query and @Mutation record their kind on a method (RESOLVER_TYPE_METADATA in @nestjs/graphql). */
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';

/** Who may run each operation, read from the decorators the global AccessGuard reads. */
export function accessRules(): Record<string, Rule> {
  const rules: Record<string, Rule> = {};
  for (const resolver of ALL_RESOLVERS) {
    const prototype = resolver.prototype as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = prototype[name];
      if (typeof method !== 'function') continue;
      const kind: unknown = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method);
      if (kind !== 'Query' && kind !== 'Mutation') continue;
      const metadata = <T>(key: string): T | undefined =>
        (Reflect.getMetadata(key, method) as T | undefined) ??
        (Reflect.getMetadata(key, resolver) as T | undefined);
      const isPublic = metadata<boolean>(PUBLIC_KEY);
      const roles = metadata<Role[]>(ROLES_KEY);
      rules[`${kind} ${name}`] = isPublic
        ? 'PUBLIC'
        : roles && ROLES.every((role) => roles.includes(role))
          ? 'ANY_MEMBER'
          : (roles ?? []);
    }
  }
  return rules;
}

import { Injectable } from '@nestjs/common';
import type { Request } from 'express';

import { ApiKeysRepository, apiKeyHashOf } from '@accord/api/leads/data-access';
import { MembersRepository } from '@accord/api/members/data-access';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';

import type { AuthMember } from './auth-member';
import { RateLimits } from './rate-limits';

/** What every machine route answers a missing, wrong or revoked API key (401). */
export const WRONG_API_KEY_MESSAGE = 'Send a valid, unrevoked API key as "Authorization: Bearer <key>".';

/**
 * The API key a request presents instead of a member's token: `X-Api-Key`, or a Bearer credential that reads as a
 * key (`acc_…`; a member's token is a JWT). Undefined when it presents none.
 */
export function presentedApiKey(request: Pick<Request, 'headers'>): string | undefined {
  const header = request.headers['x-api-key'];
  const apiKey = (Array.isArray(header) ? header[0] : header)?.trim();
  if (apiKey) return apiKey;
  const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, '').trim();
  return bearer && apiKeyHashOf(bearer) ? bearer : undefined;
}

/**
 * Who a request acts as when it presents an API key on a route that takes one for imports (@AcceptsApiKey): the
 * admin who created the key, with the roles they hold now — so a key never does more than its creator still may,
 * and stops importing once they leave. Only keys an admin allowed to import (`imports`) are taken.
 */
@Injectable()
export class ApiKeyMembers {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly keys: ApiKeysRepository,
    private readonly members: MembersRepository,
    private readonly rateLimits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /**
   * The member the key acts as. A wrong or revoked key counts against the client address's budget for wrong keys
   * (RATE_LIMITED past it) and is UNAUTHENTICATED; a key not allowed to import, or whose creator is no longer an
   * active member, is FORBIDDEN.
   */
  async memberOf(secret: string, address: string): Promise<AuthMember> {
    const secretHash = apiKeyHashOf(secret);
    const key =
      secretHash &&
      (await this.tenantDb.run({ apiKeyHash: secretHash }, async (manager) => {
        const found = await this.keys.enterKeyWorkspace(manager, secretHash);
        if (found?.imports) await this.keys.touch(manager, found.keyId, this.clock.now());
        return found;
      }));
    if (!key) {
      await this.rateLimits.wrongApiKey(address);
      throw AppError.unauthenticated(WRONG_API_KEY_MESSAGE);
    }
    if (!key.imports)
      throw AppError.forbidden(
        'This API key sends leads and signals only; an admin creates a key that may also import files.',
      );
    const member = key.createdById
      ? await this.members.signedIn(this.tenantDb.standalone, key.workspaceId, key.createdById)
      : null;
    if (!member || member.status !== 'ACTIVE')
      throw AppError.forbidden(
        'The member who created this API key is no longer active, so it imports no more; an admin creates a new key.',
      );
    return {
      id: member.id,
      workspaceId: member.workspaceId,
      email: member.email,
      name: member.name,
      roles: member.roles,
      approver: member.approver,
      apiKeyId: key.keyId,
    };
  }
}

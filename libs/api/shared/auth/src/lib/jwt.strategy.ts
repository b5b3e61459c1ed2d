import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { MembersRepository } from '@accord/api/members/data-access';
import { AppConfig } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';

import type { AccessTokenClaims, AuthMember } from './auth-member';
import { JWT_ALGORITHM } from './token.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies the bearer token (algorithm, issuer and audience pinned as top-level options — passport-jwt ignores
 * them inside jsonWebTokenOptions) and re-reads the member, so a deactivated member, or a token of an earlier
 * session epoch (the member changed their password or signed out everywhere), is refused at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly tenantDb: TenantDb,
    private readonly members: MembersRepository,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not a string: given a string, jsonwebtoken first tries (and fails) to parse it as a public
      // key on every request, which cost about a sixth of the API's CPU under load.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: [JWT_ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: Partial<AccessTokenClaims>): Promise<AuthMember> {
    const { sub, wid, exp } = claims;
    if (
      typeof exp !== 'number' ||
      typeof sub !== 'string' ||
      typeof wid !== 'string' ||
      !UUID.test(sub) ||
      !UUID.test(wid)
    ) {
      throw new UnauthorizedException();
    }
    const member = await this.members.signedIn(this.tenantDb.standalone, wid, sub);
    if (!member || member.status !== 'ACTIVE') throw new UnauthorizedException();
    // Issued before the member changed their password or signed out everywhere: revoked.
    if ((claims.sep ?? 0) !== member.sessionEpoch) throw new UnauthorizedException();
    return {
      id: member.id,
      workspaceId: member.workspaceId,
      email: member.email,
      name: member.name,
      roles: member.roles,
      approver: member.approver,
    };
  }
}

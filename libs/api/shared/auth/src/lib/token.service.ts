import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { AppConfig } from '@accord/api/shared/config';

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  async issue(
    member: { id: string; workspaceId: string; sessionEpoch?: number },
    now = new Date(),
  ): Promise<IssuedToken> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.config.JWT_TTL_SECONDS;
    const accessToken = await this.jwt.signAsync(
      { sub: member.id, wid: member.workspaceId, iat, exp, sep: member.sessionEpoch ?? 0 },
      {
        algorithm: JWT_ALGORITHM,
        secret: this.config.jwtSecret,
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
      },
    );
    return { accessToken, expiresAt: new Date(exp * 1000) };
  }
}

import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';

import { AccessGuard } from './access.guard';
import { JwtStrategy } from './jwt.strategy';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

/** Authentication for the whole API: bearer tokens, the global access guard, password hashing. */
@Module({
  imports: [PassportModule, JwtModule.register({}), MembersDataAccessModule],
  providers: [JwtStrategy, TokenService, PasswordHasher, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TokenService, PasswordHasher],
})
export class SharedAuthModule {}

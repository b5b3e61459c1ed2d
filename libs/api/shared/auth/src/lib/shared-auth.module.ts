import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';

import { LeadsDataAccessModule } from '@accord/api/leads/data-access';
import { MembersDataAccessModule } from '@accord/api/members/data-access';

import { AccessGuard } from './access.guard';
import { ApiKeyMembers } from './api-key-members';
import { JwtStrategy } from './jwt.strategy';
import { OperationGate } from './operation-gate.plugin';
import { PasswordHasher } from './password-hasher';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimits } from './rate-limits';
import { TokenService } from './token.service';

/**
 * Authentication for the whole API: bearer tokens, the global access guard, then the global rate limit (global
 * guards run in the order they are provided, so the limit knows the member), the operation gate that applies
 * both to every GraphQL operation before it runs, password hashing.
 */
@Module({
  imports: [PassportModule, JwtModule.register({}), MembersDataAccessModule, LeadsDataAccessModule],
  providers: [
    JwtStrategy,
    TokenService,
    PasswordHasher,
    RateLimits,
    ApiKeyMembers,
    AccessGuard,
    RateLimitGuard,
    { provide: APP_GUARD, useExisting: AccessGuard },
    { provide: APP_GUARD, useExisting: RateLimitGuard },
    OperationGate,
  ],
  exports: [TokenService, PasswordHasher, RateLimits],
})
export class SharedAuthModule {}

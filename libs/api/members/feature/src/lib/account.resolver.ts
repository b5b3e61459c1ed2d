import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';

import { AnyMember, AuthMember, CurrentMember, RateLimits } from '@accord/api/shared/auth';

import { ChangePasswordInput } from './dto/auth.inputs';
import { EmailVerificationService } from './email-verification.service';
import { AuthPayload } from './models/auth.model';
import { EmailVerificationRequest } from './models/email-verification.model';
import { SessionService } from './session.service';

/** A signed-in member's own account: their password, their sessions and their e-mail address. */
@AnyMember()
@Resolver()
export class AccountResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly rateLimits: RateLimits,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  @Mutation(() => AuthPayload, {
    description:
      "Changes the signed-in member's password, given the current one; every other session ends, and this one " +
      'continues with the new token answered.',
  })
  async changePassword(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: ChangePasswordInput,
    @Context('req') request: Request,
  ): Promise<AuthPayload> {
    // A guess at the current password is a sign-in attempt: a stolen token must not buy unlimited guesses.
    await this.rateLimits.loginAttempt(actor.email, request.ip ?? 'unknown');
    const session = await this.sessions.changePassword(actor, input);
    await this.rateLimits.loginSucceeded(actor.email, request.ip ?? 'unknown');
    return session;
  }

  @Mutation(() => Boolean, {
    description:
      'Ends every session of the signed-in member, this one included: every token they hold is refused.',
  })
  signOutEverywhere(@CurrentMember() actor: AuthMember): Promise<boolean> {
    return this.sessions.signOutEverywhere(actor);
  }

  @Mutation(() => EmailVerificationRequest, {
    description:
      'Sends the signed-in member a new link that confirms their e-mail address; earlier links stop working. ' +
      'CONFLICT when the address is already confirmed.',
  })
  async sendEmailVerification(@CurrentMember() actor: AuthMember): Promise<EmailVerificationRequest> {
    // Each request sends an e-mail: counted against the member's address as reset requests are.
    await this.rateLimits.linkMail(actor.email);
    return this.emailVerification.resend(actor);
  }
}

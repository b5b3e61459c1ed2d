import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';

import { Public, RateLimits } from '@accord/api/shared/auth';
import { normaliseEmail } from '@accord/domain/workspace';

import {
  AcceptInvitationInput,
  LoginInput,
  OneTimeLinkInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignUpInput,
  VerifyEmailInput,
} from './dto/auth.inputs';
import { EmailVerificationService } from './email-verification.service';
import { AuthPayload } from './models/auth.model';
import { EmailVerification } from './models/email-verification.model';
import { OneTimeLinkPreview } from './models/one-time-link.model';
import { PasswordResetRequest } from './models/password-reset.model';
import { OneTimeLinksService } from './one-time-links.service';
import { PasswordResetService } from './password-reset.service';
import { SessionService } from './session.service';

@Public()
@Resolver()
export class SessionResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly passwordResets: PasswordResetService,
    private readonly links: OneTimeLinksService,
    private readonly rateLimits: RateLimits,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  @Query(() => OneTimeLinkPreview, {
    description:
      'What a one-time link (an invitation, a password reset, an e-mail confirmation) is for — the workspace, the account, who sent it — ' +
      'for its holder, before they use it. BAD_INPUT when it could not be used now.',
  })
  oneTimeLink(@Args('input') input: OneTimeLinkInput): Promise<OneTimeLinkPreview> {
    return this.links.preview(input.token, input.purpose);
  }

  @Query(() => Boolean, {
    description:
      'Whether this instance e-mails password reset links (as requestPasswordReset would answer `mailed`), so the ' +
      'forgot-password page can say before anyone asks when only an admin can give a link. Says nothing of accounts.',
  })
  passwordResetsMailed(): boolean {
    return this.passwordResets.mailsLinks;
  }

  @Mutation(() => AuthPayload, { description: 'Creates a workspace and its first admin, and signs them in.' })
  async signUp(@Args('input') input: SignUpInput, @Context('req') request: Request): Promise<AuthPayload> {
    await this.rateLimits.passwordSetting(request.ip ?? 'unknown');
    return this.sessions.signUp(input);
  }

  @Mutation(() => AuthPayload, { description: 'Signs a member in with e-mail and password.' })
  async login(@Args('input') input: LoginInput, @Context('req') request: Request): Promise<AuthPayload> {
    // Counted before the password is checked, per e-mail (guessing one account) and per address (spraying many).
    const email = normaliseEmail(input.email);
    await this.rateLimits.loginAttempt(email, request.ip ?? 'unknown');
    const session = await this.sessions.login(input);
    await this.rateLimits.loginSucceeded(email, request.ip ?? 'unknown');
    return session;
  }

  @Mutation(() => AuthPayload, {
    description: "Sets an invited member's password with their one-time link, and signs them in.",
  })
  async acceptInvitation(
    @Args('input') input: AcceptInvitationInput,
    @Context('req') request: Request,
  ): Promise<AuthPayload> {
    await this.rateLimits.passwordSetting(request.ip ?? 'unknown');
    return this.sessions.acceptInvitation(input);
  }

  @Mutation(() => PasswordResetRequest, {
    description:
      'Sends a one-time link to set a new password to every active membership of the e-mail. Answers the same ' +
      'whether or not the e-mail belongs to anyone.',
  })
  async requestPasswordReset(
    @Args('input') input: RequestPasswordResetInput,
    @Context('req') request: Request,
  ): Promise<PasswordResetRequest> {
    // Counted for every e-mail, known or not: a limit that only known e-mails reached would tell them apart.
    await this.rateLimits.passwordResetRequest(normaliseEmail(input.email), request.ip ?? 'unknown');
    return this.passwordResets.request(input.email);
  }

  @Mutation(() => AuthPayload, {
    description:
      "Sets a member's new password with their one-time reset link, ends every session they had, and signs them in.",
  })
  async resetPassword(
    @Args('input') input: ResetPasswordInput,
    @Context('req') request: Request,
  ): Promise<AuthPayload> {
    await this.rateLimits.passwordSetting(request.ip ?? 'unknown');
    return this.sessions.resetPassword(input);
  }

  @Mutation(() => EmailVerification, {
    description:
      "Confirms a member's e-mail address with the one-time link sent to it. Needs no session: the link may be " +
      'opened on another device.',
  })
  verifyEmail(@Args('input') input: VerifyEmailInput): Promise<EmailVerification> {
    return this.emailVerification.verify(input.token);
  }
}

import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import {
  InvitationsRepository,
  type MemberEntity,
  MembersRepository,
  WorkspacesRepository,
} from '@accord/api/members/data-access';
import { type AuthMember, RateLimits } from '@accord/api/shared/auth';
import { AppConfig, Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';

import { AfterAnswer } from './after-answer';
import { EmailVerificationMailer } from './email-verification-mailer';
import { hashInvitationToken, newInvitationToken } from './invitation-token';
import { EmailVerification, EmailVerificationRequest } from './models/email-verification.model';
import { BAD_LINK } from './one-time-links.service';

/** How long a confirmation link works: over a weekend. A member who misses it sends another from the banner. */
export const EMAIL_VERIFICATION_TTL_MS = 3 * 24 * 3600_000;

/** Why an admin whose address is not confirmed cannot invite, while this instance sends mail. */
export const CONFIRM_BEFORE_INVITING =
  'Confirm your e-mail address before you invite anyone: open the confirmation link e-mailed to you, or send a ' +
  'new one from the banner at the top of the page.';

/** Why no link is made when this instance sends no mail. */
const NO_MAIL = 'This instance sends no e-mail, so no address needs confirming.';

/**
 * Whether the member must still confirm their e-mail address: an admin (only admins invite), while this instance
 * sends mail — it is Accord's mail server that a made-up sign-up would otherwise send invitations through to anyone.
 */
export function mustVerifyEmail(
  member: Pick<MemberEntity, 'emailVerifiedAt' | 'roles'>,
  sendsMail: boolean,
): boolean {
  return sendsMail && member.roles.includes('ADMIN') && member.emailVerifiedAt === null;
}

/**
 * One-time links with which a member confirms that their e-mail address is theirs: the first is sent after sign-up,
 * others on the member's request; each new one voids the ones before. Only while this instance sends mail: without
 * it no one needs to confirm, and a link written to the log would prove nothing.
 */
@Injectable()
export class EmailVerificationService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(EmailVerificationService.name);
  private readonly sending = new AfterAnswer();

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly workspaces: WorkspacesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly mailer: EmailVerificationMailer,
    private readonly rateLimits: RateLimits,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * The first link, after the sign-up has answered: a slow mail server must not hold the new workspace's answer
   * (nor make a retried sign-up a second workspace). Counted against the address's budget of e-mails asked for, as
   * a new link from the banner is, so signing up again and again cannot flood someone else's inbox; past it, or when
   * the mail server refuses, nothing is sent and the member sends a link from the banner later.
   */
  sendAfterSignUp(workspaceId: string, memberId: string, email: string): void {
    if (!this.mailer.sendsMail) return;
    this.sending.start(async () => {
      try {
        await this.rateLimits.linkMail(email);
        await this.issue(workspaceId, memberId);
      } catch (error) {
        this.logger.warn({ err: error, memberId }, 'No e-mail confirmation link was sent after sign-up');
      }
    });
  }

  /** A new link for the signed-in member; CONFLICT when their address is confirmed, or no mail goes out. */
  async resend(actor: AuthMember): Promise<EmailVerificationRequest> {
    if (!this.mailer.sendsMail) throw AppError.conflict(NO_MAIL);
    return { expiresAt: await this.issue(actor.workspaceId, actor.id) };
  }

  /**
   * Confirms the address of the link's member, once. BAD_INPUT, in the confirmation page's words, for a link that is
   * unknown, used, expired or voided by a newer one, or whose member is no longer active.
   */
  async verify(token: string): Promise<EmailVerification> {
    const bad = () => AppError.badInput(BAD_LINK.VERIFY_EMAIL);
    const tokenHash = hashInvitationToken(token);
    const link = await this.tenantDb.run({ invitationTokenHash: tokenHash }, (manager) =>
      this.invitations.findByTokenHash(manager, tokenHash, 'VERIFY_EMAIL'),
    );
    const now = this.clock.now();
    if (!link || link.acceptedAt || link.expiresAt <= now) throw bad();
    return this.tenantDb.inWorkspace(link.workspaceId, async (manager) => {
      // Both updates are conditional, and a refusal rolls back the other: the link stays unused for a member
      // deactivated meanwhile, and two tabs using it at once confirm once.
      if (!(await this.invitations.consume(manager, link.id, now))) throw bad();
      if (!(await this.members.confirmEmail(manager, link.memberId, now))) throw bad();
      const [member, workspace] = await Promise.all([
        this.members.findById(manager, link.memberId),
        this.workspaces.findById(manager, link.workspaceId),
      ]);
      if (!member || !workspace) throw bad();
      return { email: member.email, workspaceName: workspace.name };
    });
  }

  /** Resolves once every link started after a sign-up has been sent (or has failed): at shutdown, and in tests. */
  idle(): Promise<void> {
    return this.sending.idle();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.idle();
  }

  /**
   * Voids the member's unused confirmation links, makes a new one and e-mails it. The member's row is locked
   * meanwhile, so that two requests at once leave one link working, not two.
   */
  private async issue(workspaceId: string, memberId: string): Promise<Date> {
    const { token, tokenHash } = newInvitationToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS);
    const email = await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const member = await this.members.lockById(manager, memberId);
      if (!member || member.status !== 'ACTIVE') throw AppError.notFound('No such member in this workspace.');
      if (member.emailVerifiedAt) throw AppError.conflict(`${member.email} is already confirmed.`);
      await this.invitations.revokeOpen(manager, memberId, now, ['VERIFY_EMAIL']);
      await this.invitations.insert(manager, {
        workspaceId,
        id: randomUUID(),
        memberId,
        purpose: 'VERIFY_EMAIL',
        tokenHash,
        expiresAt,
        mailed: true,
        createdById: null,
        createdAt: now,
      });
      return member.email;
    });
    const verifyUrl = `${this.config.publicUrl}/verify-email?token=${token}`;
    await this.mailer.send({ to: email, verifyUrl, expiresAt });
    return expiresAt;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import {
  InvitationsRepository,
  type MemberEntity,
  MembersRepository,
  WorkspacesRepository,
} from '@accord/api/members/data-access';
import type { AuthMember } from '@accord/api/shared/auth';
import { AppConfig, Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';

import { EmailVerificationMailer } from './email-verification-mailer';
import { hashInvitationToken, newInvitationToken } from './invitation-token';
import { EmailVerification, EmailVerificationRequest } from './models/email-verification.model';
import { BAD_LINK } from './one-time-links.service';

/** How long a confirmation link works: over a weekend. A member who misses it sends another from the banner. */
export const EMAIL_VERIFICATION_TTL_MS = 3 * 24 * 3600_000;

/** Why an admin whose address is not confirmed cannot invite, while this instance sends mail. */
export const CONFIRM_BEFORE_INVITING =
  'Confirm your e-mail address before you invite anyone: open the link we sent you, or send a new one from the ' +
  'banner at the top of the page.';

/**
 * Whether the member must still confirm their e-mail address: only while this instance sends mail, since it is
 * Accord's mail server that an unconfirmed sign-up could otherwise send invitations through to anyone.
 */
export function mustVerifyEmail(member: Pick<MemberEntity, 'emailVerifiedAt'>, sendsMail: boolean): boolean {
  return sendsMail && member.emailVerifiedAt === null;
}

/**
 * One-time links with which a member confirms that their e-mail address is theirs: the first is sent at sign-up,
 * others on the member's request; each new one voids the ones before.
 */
@Injectable()
export class EmailVerificationService {
  private readonly logger = new Logger(EmailVerificationService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly workspaces: WorkspacesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly mailer: EmailVerificationMailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Whether this instance sends mail, so that a member must confirm their address (see mustVerifyEmail). */
  get required(): boolean {
    return this.mailer.sendsMail;
  }

  /**
   * The first link, right after sign-up. A mail server refusing it costs the new workspace nothing: it is logged,
   * and the member sends another from the banner.
   */
  async sendAfterSignUp(workspaceId: string, memberId: string): Promise<void> {
    await this.issue(workspaceId, memberId).catch((error: unknown) =>
      this.logger.warn({ err: error, memberId }, 'Could not send the e-mail confirmation link after sign-up'),
    );
  }

  /** A new link for the signed-in member; CONFLICT when their address is already confirmed. */
  async resend(actor: AuthMember): Promise<EmailVerificationRequest> {
    const expiresAt = await this.issue(actor.workspaceId, actor.id);
    return { mailed: this.mailer.sendsMail, expiresAt };
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
      // deactivated meanwhile, and two tabs opening it at once confirm once.
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

  /**
   * Voids the member's unused confirmation links, makes a new one and sends it (or logs it without SMTP). The
   * member's row is locked meanwhile, so that two requests at once leave one link working, not two.
   */
  private async issue(workspaceId: string, memberId: string): Promise<Date> {
    const { token, tokenHash } = newInvitationToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS);
    const { email, workspaceName } = await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
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
        createdById: null,
        createdAt: now,
      });
      const workspace = await this.workspaces.findById(manager, workspaceId);
      return { email: member.email, workspaceName: workspace?.name ?? '' };
    });
    const verifyUrl = `${this.config.publicUrl}/verify-email?token=${token}`;
    await this.mailer.send({ to: email, workspaceName, verifyUrl, expiresAt });
    return expiresAt;
  }
}

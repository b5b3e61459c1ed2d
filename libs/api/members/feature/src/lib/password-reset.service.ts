import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
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
import { normaliseEmail } from '@accord/domain/workspace';

import { AfterAnswer } from './after-answer';
import { newInvitationToken } from './invitation-token';
import { toMember } from './models/member.model';
import { PasswordResetLink, PasswordResetRequest } from './models/password-reset.model';
import { PasswordResetMailer } from './password-reset-mailer';

/**
 * How long a reset link works: enough to open the e-mail, short enough that a link left in an inbox is not a
 * standing key to the account.
 */
export const PASSWORD_RESET_TTL_MS = 3600_000;

interface IssuedLink {
  member: MemberEntity;
  resetUrl: string;
  expiresAt: Date;
}

/**
 * One-time links with which an active member sets a new password: asked for by the member (by e-mail address,
 * answered alike whether or not it belongs to anyone) or made by an admin. Redeeming one is SessionService's.
 */
@Injectable()
export class PasswordResetService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordResetService.name);
  private readonly sending = new AfterAnswer();

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly workspaces: WorkspacesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly mailer: PasswordResetMailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Whether reset links go out by e-mail: what `request` answers, known before anyone asks (the page says it). */
  get mailsLinks(): boolean {
    return this.mailer.sendsMail;
  }

  /**
   * Sends a reset link to every active membership of the e-mail, when this instance sends mail (otherwise only an
   * admin makes links). Answers before looking anyone up: the links are made and sent after the answer, so neither
   * what it says nor how long it takes tells whether the e-mail belongs to an account. A mail server's refusal is
   * therefore only logged.
   */
  request(email: string): PasswordResetRequest {
    // Without mail a link could only go to the log — a working key to the account for whoever reads it, not the
    // member — and it would void the link an admin just gave them. The page sends the member to their admin.
    if (!this.mailsLinks) return { mailed: false };
    this.sending.start(() => this.sendLinks(normaliseEmail(email)));
    return { mailed: true };
  }

  /**
   * An admin's link for an active member of their workspace. With mail configured it goes to the member alone and
   * the admin gets no url: an admin holding it could take over the member's account — an approver's among them —
   * and sign in their name. Without mail the admin passes it on.
   */
  async createLink(actor: AuthMember, memberId: string): Promise<PasswordResetLink> {
    const link = await this.issue(actor.workspaceId, memberId, actor.id);
    return {
      member: toMember(link.member),
      resetUrl: this.mailer.sendsMail ? null : link.resetUrl,
      expiresAt: link.expiresAt,
    };
  }

  /** Resolves once every link asked for so far has been sent (or has failed): at shutdown, and in tests. */
  idle(): Promise<void> {
    return this.sending.idle();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.idle();
  }

  private async sendLinks(email: string): Promise<void> {
    try {
      const candidates = await this.tenantDb.run({ loginEmail: email }, (manager) =>
        this.members.findSignInCandidates(manager, email),
      );
      for (const member of candidates.filter((candidate) => candidate.status === 'ACTIVE')) {
        // One membership failing (deactivated meanwhile, a mail server's refusal) still leaves the others theirs.
        await this.issue(member.workspaceId, member.id, null).catch((error: unknown) =>
          this.logger.warn({ err: error, memberId: member.id }, 'Could not send a password reset link'),
        );
      }
    } catch (error) {
      this.logger.error({ err: error }, 'Could not look up the members of a password reset request');
    }
  }

  /**
   * Voids the member's unused reset links, makes a new one and sends it (or logs it without SMTP). The member's row
   * is locked meanwhile, so that two requests at once leave one link working, not two.
   */
  private async issue(
    workspaceId: string,
    memberId: string,
    createdById: string | null,
  ): Promise<IssuedLink> {
    const { token, tokenHash } = newInvitationToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    const { member, workspaceName } = await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      const locked = await this.members.lockById(manager, memberId);
      if (!locked) throw AppError.notFound('No such member in this workspace.');
      if (locked.status === 'INVITED')
        throw AppError.conflict(
          `${locked.email} has not accepted their invitation yet: invite them again to send a new link.`,
        );
      if (locked.status === 'DEACTIVATED')
        throw AppError.conflict(`${locked.email} is deactivated: a deactivated member cannot sign in.`);
      await this.invitations.revokeOpen(manager, memberId, now, ['PASSWORD_RESET']);
      await this.invitations.insert(manager, {
        workspaceId,
        id: randomUUID(),
        memberId,
        purpose: 'PASSWORD_RESET',
        tokenHash,
        expiresAt,
        mailed: this.mailer.sendsMail,
        createdById,
        createdAt: now,
      });
      const [member, workspace] = await Promise.all([
        this.members.findById(manager, memberId),
        this.workspaces.findById(manager, workspaceId),
      ]);
      if (!member) throw new Error(`member ${memberId} vanished while locked`);
      return { member, workspaceName: workspace?.name ?? '' };
    });
    const resetUrl = `${this.config.publicUrl}/reset-password?token=${token}`;
    await this.mailer.send({ to: member.email, workspaceName, resetUrl, expiresAt });
    return { member, resetUrl, expiresAt };
  }
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

import {
  type InvitationEntity,
  InvitationsRepository,
  MembersRepository,
  WorkspacesRepository,
} from '@accord/api/members/data-access';
import { type AuthMember, PasswordHasher, TokenService } from '@accord/api/shared/auth';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';
import { normaliseEmail, passwordProblem } from '@accord/domain/workspace';

import {
  AcceptInvitationInput,
  ChangePasswordInput,
  LoginInput,
  ResetPasswordInput,
  SignUpInput,
} from './dto/auth.inputs';
import { EmailVerificationService } from './email-verification.service';
import { hashInvitationToken } from './invitation-token';
import { AuthPayload } from './models/auth.model';
import { toMember } from './models/member.model';
import { toWorkspace } from './models/workspace.model';
import { BAD_LINK } from './one-time-links.service';

const WRONG_CREDENTIALS = 'E-mail or password is incorrect.';
const BAD_INVITATION = BAD_LINK.INVITATION;
const BAD_RESET_LINK = BAD_LINK.PASSWORD_RESET;

const PASSWORD_MESSAGES = {
  TOO_SHORT: 'is too short',
  TOO_LONG: 'is too long',
  SAME_AS_EMAIL: 'must not be your e-mail address',
} as const;

function checkPassword(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    const message = PASSWORD_MESSAGES[problem];
    throw AppError.badInput(`${field}: ${message}`, [{ field, message }]);
  }
}

/**
 * When using the link confirms its member's address: a link e-mailed to that address alone shows it is theirs; one an
 * admin was given to pass on (no SMTP) shows nothing.
 */
function confirmedBy(link: Pick<InvitationEntity, 'mailed'>, now: Date): Date | null {
  return link.mailed ? now : null;
}

/** Signing up, signing in, accepting invitations and resetting passwords: the ways to obtain an access token. */
@Injectable()
export class SessionService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly workspaces: WorkspacesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  /**
   * Creates the workspace and its first admin and signs them in; the link that confirms their address is sent
   * after the answer.
   */
  async signUp(input: SignUpInput): Promise<AuthPayload> {
    const email = normaliseEmail(input.email);
    checkPassword(input.password, email);
    const passwordHash = await this.hasher.hash(input.password);
    const workspaceId = randomUUID();
    const memberId = randomUUID();
    await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      await this.workspaces.insert(manager, {
        id: workspaceId,
        name: input.workspaceName.trim(),
        timeZone: 'UTC',
      });
      await this.members.insert(manager, {
        workspaceId,
        id: memberId,
        email,
        name: input.name.trim(),
        roles: ['ADMIN'],
        approver: false,
        status: 'ACTIVE',
        passwordHash,
      });
    });
    this.emailVerification.sendAfterSignUp(workspaceId, memberId, email);
    return this.startSession(workspaceId, memberId);
  }

  /** The same answer, after the same work, whether the e-mail is unknown or the password wrong. */
  async login(input: LoginInput): Promise<AuthPayload> {
    const email = normaliseEmail(input.email);
    const candidates = await this.tenantDb.run({ loginEmail: email }, (manager) =>
      this.members.findSignInCandidates(manager, email),
    );
    const eligible = candidates.filter(
      (member) =>
        member.status === 'ACTIVE' && (!input.workspaceId || member.workspaceId === input.workspaceId),
    );
    if (eligible.length === 0) {
      await this.hasher.verify(null, input.password);
      throw AppError.unauthenticated(WRONG_CREDENTIALS);
    }
    for (const member of eligible) {
      if (await this.hasher.verify(member.passwordHash, input.password)) {
        return this.startSession(member.workspaceId, member.id);
      }
    }
    throw AppError.unauthenticated(WRONG_CREDENTIALS);
  }

  async acceptInvitation(input: AcceptInvitationInput): Promise<AuthPayload> {
    const tokenHash = hashInvitationToken(input.token);
    const invitation = await this.tenantDb.run({ invitationTokenHash: tokenHash }, (manager) =>
      this.invitations.findByTokenHash(manager, tokenHash, 'INVITATION'),
    );
    const now = this.clock.now();
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now)
      throw AppError.badInput(BAD_INVITATION);
    const passwordHash = await this.hasher.hash(input.password);
    await this.tenantDb.inWorkspace(invitation.workspaceId, async (manager) => {
      const member = await this.members.findById(manager, invitation.memberId);
      if (!member) throw AppError.badInput(BAD_INVITATION);
      checkPassword(input.password, member.email);
      // Both updates are conditional, so two tabs accepting the same link at once cannot both succeed.
      if (!(await this.invitations.consume(manager, invitation.id, now)))
        throw AppError.badInput(BAD_INVITATION);
      if (!(await this.members.activate(manager, member.id, passwordHash, confirmedBy(invitation, now))))
        throw AppError.badInput(BAD_INVITATION);
    });
    return this.startSession(invitation.workspaceId, invitation.memberId);
  }

  /**
   * Sets an active member's new password with their one-time reset link, and ends every session they have, as
   * changePassword does: whoever had the old password is signed out too. Answers a session for this device.
   */
  async resetPassword(input: ResetPasswordInput): Promise<AuthPayload> {
    const tokenHash = hashInvitationToken(input.token);
    const link = await this.tenantDb.run({ invitationTokenHash: tokenHash }, (manager) =>
      this.invitations.findByTokenHash(manager, tokenHash, 'PASSWORD_RESET'),
    );
    const now = this.clock.now();
    if (!link || link.acceptedAt || link.expiresAt <= now) throw AppError.badInput(BAD_RESET_LINK);
    const member = await this.tenantDb.inWorkspace(link.workspaceId, (manager) =>
      this.members.findById(manager, link.memberId),
    );
    if (member?.status !== 'ACTIVE') throw AppError.badInput(BAD_RESET_LINK);
    checkPassword(input.password, member.email);
    const passwordHash = await this.hasher.hash(input.password);
    await this.tenantDb.inWorkspace(link.workspaceId, async (manager) => {
      // Both updates are conditional, so two tabs using the same link at once cannot both succeed, and a member
      // deactivated meanwhile gets no password.
      if (!(await this.invitations.consume(manager, link.id, now))) throw AppError.badInput(BAD_RESET_LINK);
      if (!(await this.members.resetPassword(manager, member.id, passwordHash, confirmedBy(link, now))))
        throw AppError.badInput(BAD_RESET_LINK);
    });
    return this.startSession(link.workspaceId, link.memberId);
  }

  /**
   * Changes the signed-in member's password once they give the current one, and ends every session they have:
   * every token issued before is refused (a leaked password's thief is signed out too). Answers a new session for
   * the device that changed it.
   */
  async changePassword(actor: AuthMember, input: ChangePasswordInput): Promise<AuthPayload> {
    const member = await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.members.findById(manager, actor.id),
    );
    if (!member || !(await this.hasher.verify(member.passwordHash, input.currentPassword))) {
      const message = 'does not match your current password';
      throw AppError.badInput(`currentPassword: ${message}`, [{ field: 'currentPassword', message }]);
    }
    checkPassword(input.newPassword, member.email, 'newPassword');
    const passwordHash = await this.hasher.hash(input.newPassword);
    await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.members.revokeSessions(manager, actor.id, passwordHash),
    );
    return this.startSession(actor.workspaceId, actor.id);
  }

  /** Ends every session of the signed-in member, this one included (a lost laptop, a shared computer). */
  async signOutEverywhere(actor: AuthMember): Promise<boolean> {
    await this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.members.revokeSessions(manager, actor.id),
    );
    return true;
  }

  private async startSession(workspaceId: string, memberId: string): Promise<AuthPayload> {
    const now = this.clock.now();
    const { member, workspace } = await this.tenantDb.inWorkspace(workspaceId, async (manager) => {
      await this.members.recordSignIn(manager, memberId, now);
      return {
        member: await this.members.findById(manager, memberId),
        workspace: await this.workspaces.findById(manager, workspaceId),
      };
    });
    if (!member || !workspace) throw new Error(`member ${memberId} vanished while signing in`);
    const token = await this.tokens.issue(member, now);
    return { ...token, member: toMember(member), workspace: toWorkspace(workspace) };
  }
}

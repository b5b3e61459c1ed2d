import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

import { HandoversRepository } from '@accord/api/handovers/data-access';
import {
  InvitationsRepository,
  LINK_PURPOSES,
  type MemberPlace,
  MembersRepository,
  WorkspacesRepository,
} from '@accord/api/members/data-access';
import { type AuthMember, waitText } from '@accord/api/shared/auth';
import { AppConfig, Clock } from '@accord/api/shared/config';
import { TenantDb, isUniqueViolation } from '@accord/api/shared/database';
import { AppError, decodeCursor, encodeCursor } from '@accord/api/shared/graphql';
import {
  MemberChangeError,
  canUse,
  checkMemberChange,
  normaliseEmail,
  normaliseRoles,
} from '@accord/domain/workspace';

import { InviteMemberInput, MembersArgs, UpdateMemberInput } from './dto/member.inputs';
import { CONFIRM_BEFORE_INVITING, mustVerifyEmail } from './email-verification.service';
import { InvitationMailer } from './invitation-mailer';
import { newInvitationToken } from './invitation-token';
import { Viewer } from './models/auth.model';
import { InvitationPayload, MemberConnection } from './models/member-connection.model';
import { Colleague, Member, toMember } from './models/member.model';
import { toWorkspace } from './models/workspace.model';

const CHANGE_REFUSALS: Record<MemberChangeError, string> = {
  LAST_ADMIN: 'A workspace needs at least one active admin: make someone else an admin first.',
  NO_ROLES: 'A member needs at least one role.',
  SELF_DEACTIVATION: 'You cannot deactivate yourself; ask another admin.',
};

/**
 * The most invitations a workspace sends in any 24 hours (re-sent ones included): enough to bring in a team in a
 * day, too few to make Accord's mail server a relay for anyone's mailing.
 */
export const MAX_INVITATIONS_PER_DAY = 50;
const INVITATION_WINDOW_MS = 24 * 3600_000;

/** Admins manage who is in a workspace and what each member may do. */
@Injectable()
export class MembersService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly workspaces: WorkspacesRepository,
    private readonly members: MembersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly handovers: HandoversRepository,
    private readonly mailer: InvitationMailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  viewer(actor: AuthMember): Promise<Viewer> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const [member, workspace] = await Promise.all([
        this.members.findById(manager, actor.id),
        this.workspaces.findById(manager, actor.workspaceId),
      ]);
      if (!member || !workspace) throw AppError.unauthenticated();
      return {
        member: toMember(member),
        workspace: toWorkspace(workspace),
        mustVerifyEmail: mustVerifyEmail(member, this.mailer.sendsMail),
      };
    });
  }

  colleagues(actor: AuthMember): Promise<Colleague[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, (manager) => this.members.colleagues(manager));
  }

  list(actor: AuthMember, args: MembersArgs): Promise<MemberConnection> {
    const after = args.after ? decodeCursor(args.after, ['instant', 'uuid']) : null;
    const cursor = after ? { createdAt: new Date(after[0]), id: after[1] } : null;
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const page = await this.members.page(manager, args.first, cursor);
      const edges = page.members.map((member) => ({
        cursor: encodeCursor([member.createdAt.toISOString(), member.id]),
        node: toMember(member),
      }));
      return {
        edges,
        pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: page.hasNextPage },
        totalCount: page.totalCount,
      };
    });
  }

  async invite(actor: AuthMember, input: InviteMemberInput): Promise<InvitationPayload> {
    const email = normaliseEmail(input.email);
    const { token, tokenHash } = newInvitationToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.INVITATION_TTL_HOURS * 3600_000);
    const { member, workspaceName } = await this.tenantDb
      .inWorkspace(actor.workspaceId, async (manager) => {
        await this.invitations.lockSending(manager);
        const inviter = await this.members.findById(manager, actor.id);
        if (!inviter) throw AppError.unauthenticated();
        if (mustVerifyEmail(inviter, this.mailer.sendsMail))
          throw AppError.forbidden(CONFIRM_BEFORE_INVITING);
        const existing = await this.members.findByEmail(manager, email);
        if (existing && existing.status !== 'INVITED') {
          throw AppError.conflict(
            `${email} is already a member of this workspace (${existing.status.toLowerCase()}).`,
          );
        }
        await this.checkInvitationBudget(manager, now);
        const memberId = existing?.id ?? randomUUID();
        if (existing) {
          // Inviting again re-sends: the earlier link stops working, the new name and roles apply.
          await this.invitations.revokeOpen(manager, memberId, now, ['INVITATION']);
          await this.members.updateAccess(manager, memberId, normaliseRoles(input.roles), input.approver, {
            name: input.name.trim(),
          });
        } else {
          await this.members.insert(manager, {
            workspaceId: actor.workspaceId,
            id: memberId,
            email,
            name: input.name.trim(),
            roles: normaliseRoles(input.roles),
            approver: input.approver,
            status: 'INVITED',
            passwordHash: null,
          });
        }
        await this.invitations.insert(manager, {
          workspaceId: actor.workspaceId,
          id: randomUUID(),
          memberId,
          purpose: 'INVITATION',
          tokenHash,
          expiresAt,
          mailed: this.mailer.sendsMail,
          createdById: actor.id,
          createdAt: now,
        });
        const workspace = await this.workspaces.findById(manager, actor.workspaceId);
        return { member: await this.requireMember(manager, memberId), workspaceName: workspace?.name ?? '' };
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw AppError.conflict(`${email} was invited at the same moment by someone else.`);
        throw error;
      });
    const inviteUrl = `${this.config.publicUrl}/accept-invitation?token=${token}`;
    await this.mailer.send({ to: email, name: member.name, workspaceName, inviteUrl, expiresAt });
    // With mail configured the link goes to the invitee alone: an admin holding it could accept it themself and
    // make up members, approvers among them, that no one else vouches for. Without mail the admin passes it on.
    return { member, inviteUrl: this.mailer.sendsMail ? null : inviteUrl, expiresAt };
  }

  /**
   * Changes a member's roles, approver flag and place in the team. One left without a role that sees the handover
   * queue (SALES, ADMIN) would not see their open handovers either: those go to the team's unassigned queue, due as
   * before, as when a member is deactivated.
   */
  update(actor: AuthMember, input: UpdateMemberInput): Promise<Member> {
    const roles = normaliseRoles(input.roles);
    const leavesSales = !canUse(roles, 'HANDOVERS');
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const now = this.clock.now();
      // In deactivate's order: the routing's turn, then the members' rows.
      if (leavesSales) await this.handovers.lockRouting(manager, actor.workspaceId, now);
      const target = await this.members.findById(manager, input.memberId);
      if (!target) throw AppError.notFound('No such member in this workspace.');
      await this.checkChange(manager, actor, target.id, { nextRoles: roles, deactivate: false });
      const place = await this.placeInTeam(manager, target.id, input);
      const updated = await this.members.updateAccess(manager, target.id, roles, input.approver, place);
      if (!updated) throw AppError.notFound('No such member in this workspace.');
      if (leavesSales)
        await this.handovers.unassignOpen(manager, actor.workspaceId, target.id, {
          actorId: actor.id,
          detail: `unassigned: ${target.name} no longer works in sales; the due time stays`,
          at: now,
        });
      return toMember(updated);
    });
  }

  /** How many open handovers the member owns: deactivating them sends these to the unassigned queue. */
  openHandovers(actor: AuthMember, memberId: string): Promise<number> {
    return this.tenantDb.inWorkspace(actor.workspaceId, (manager) =>
      this.handovers.openOwnedBy(manager, memberId),
    );
  }

  /**
   * Deactivates a member: their tokens and links stop working, and their open handovers go to the team's
   * unassigned queue for a manager to reassign, due as before, all in one transaction. Their leads keep them as
   * owner (the history of who worked them) until a handover gives a lead another.
   */
  deactivate(actor: AuthMember, memberId: string): Promise<Member> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      const now = this.clock.now();
      // The routing turns first: a handover routed to the member before this commits is among those unassigned
      // below, and one routed after finds them inactive.
      await this.handovers.lockRouting(manager, actor.workspaceId, now);
      const target = await this.members.findById(manager, memberId);
      if (!target) throw AppError.notFound('No such member in this workspace.');
      if (target.status === 'DEACTIVATED') throw AppError.conflict(`${target.email} is already deactivated.`);
      await this.checkChange(manager, actor, target.id, { nextRoles: target.roles, deactivate: true });
      // Their row is locked from here: a reassignment to them waits for this to commit, then finds them inactive.
      const updated = await this.members.deactivate(manager, target.id, now);
      if (!updated) throw AppError.conflict(`${target.email} is already deactivated.`);
      // Every link of theirs stops working: an invitation, a password reset, a confirmation.
      await this.invitations.revokeOpen(manager, target.id, now, LINK_PURPOSES);
      // Their open handovers would otherwise wait, unseen, until they expire: the managers' unassigned queue gets
      // them, and the SLA clock keeps running (reassigning keeps the clock). Recorded as reassignments by the admin.
      await this.handovers.unassignOpen(manager, actor.workspaceId, target.id, {
        actorId: actor.id,
        detail: `unassigned: ${target.name} was deactivated; the due time stays`,
        at: now,
      });
      return toMember(updated);
    });
  }

  /**
   * Brings a deactivated member back with the roles, team and manager they had: they sign in again with their
   * password, or — deactivated before they joined — are invited again and need a new invitation. Handovers taken
   * from them when they left stay with whoever has them now; routing finds them again from the next one.
   */
  reactivate(actor: AuthMember, memberId: string): Promise<Member> {
    return this.tenantDb.inWorkspace(actor.workspaceId, async (manager) => {
      // In deactivate's order: the routing's turn, then the member's row.
      await this.handovers.lockRouting(manager, actor.workspaceId, this.clock.now());
      const target = await this.members.findById(manager, memberId);
      if (!target) throw AppError.notFound('No such member in this workspace.');
      const updated = await this.members.reactivate(manager, target.id);
      if (!updated) throw AppError.conflict(`${target.email} is not deactivated.`);
      return toMember(updated);
    });
  }

  /**
   * The team, manager and quota an update gives (only those it names), checked: a manager of this workspace, no
   * loop.
   */
  private async placeInTeam(
    manager: EntityManager,
    memberId: string,
    input: UpdateMemberInput,
  ): Promise<MemberPlace> {
    const place: MemberPlace = {};
    if (input.team !== undefined) place.team = input.team?.trim() || null;
    if (input.monthlyQuota !== undefined) place.monthlyQuota = input.monthlyQuota;
    if (input.managerId === undefined) return place;
    place.managerId = input.managerId;
    if (input.managerId === null) return place;
    if (input.managerId === memberId)
      throw AppError.badInput('No one can be their own manager.', [
        { field: 'managerId', message: 'is the member themself' },
      ]);
    if (!(await this.members.findById(manager, input.managerId)))
      throw AppError.badInput('The manager is not a member of this workspace.', [
        { field: 'managerId', message: 'is no member of this workspace' },
      ]);
    if (await this.members.managesThroughChain(manager, input.managerId, memberId))
      throw AppError.conflict(
        'That manager reports to this member, directly or through others: it would make a loop.',
      );
    return place;
  }

  /**
   * Refuses an invitation past the workspace's budget of MAX_INVITATIONS_PER_DAY in the last 24 hours, saying when
   * the earliest of them leaves the window. The caller holds the invitation lock, so the count stays true.
   */
  private async checkInvitationBudget(manager: EntityManager, now: Date): Promise<void> {
    const { count, earliest } = await this.invitations.sentSince(
      manager,
      new Date(now.getTime() - INVITATION_WINDOW_MS),
    );
    if (count < MAX_INVITATIONS_PER_DAY) return;
    const freedAt = (earliest ?? now).getTime() + INVITATION_WINDOW_MS;
    const seconds = Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000));
    throw AppError.rateLimited(
      `This workspace has sent ${MAX_INVITATIONS_PER_DAY} invitations in the last 24 hours, the most it may; ` +
        `invite again ${waitText(seconds)}.`,
      seconds,
    );
  }

  private async checkChange(
    manager: EntityManager,
    actor: AuthMember,
    targetId: string,
    change: { nextRoles: readonly Member['roles'][number][]; deactivate: boolean },
  ): Promise<void> {
    const admins = await this.members.lockActiveAdmins(manager);
    const refusal = checkMemberChange({
      actorId: actor.id,
      targetId,
      targetIsActiveAdmin: admins.includes(targetId),
      activeAdminCount: admins.length,
      ...change,
    });
    if (refusal) throw AppError.conflict(CHANGE_REFUSALS[refusal]);
  }

  private async requireMember(manager: EntityManager, id: string): Promise<Member> {
    const member = await this.members.findById(manager, id);
    if (!member) throw new Error(`member ${id} missing right after it was written`);
    return toMember(member);
  }
}

import { Injectable } from '@nestjs/common';

import {
  InvitationsRepository,
  type LinkPurpose,
  MembersRepository,
  WorkspacesRepository,
} from '@accord/api/members/data-access';
import { Clock } from '@accord/api/shared/config';
import { TenantDb } from '@accord/api/shared/database';
import { AppError } from '@accord/api/shared/graphql';

import { hashInvitationToken } from './invitation-token';
import { OneTimeLinkPreview } from './models/one-time-link.model';

/** Why a link cannot be used, in the words the pages show: the same whether it never existed or is spent. */
export const BAD_LINK: Readonly<Record<LinkPurpose, string>> = {
  INVITATION: 'This invitation link is not valid: it was already used, has expired, or was revoked.',
  PASSWORD_RESET:
    'This password reset link is not valid: it was already used, has expired, or a newer one was sent. Ask for a new one.',
  VERIFY_EMAIL:
    'This confirmation link is not valid: it was already used, has expired, or a newer one was sent. Sign in to send a new one.',
};

/**
 * The member status a link of each purpose is for: an invitation sets a first password, a reset a new one, a
 * confirmation confirms an active member's address.
 */
const MEMBER_STATUS: Readonly<Record<LinkPurpose, string>> = {
  INVITATION: 'INVITED',
  PASSWORD_RESET: 'ACTIVE',
  VERIFY_EMAIL: 'ACTIVE',
};

/** Reading a one-time link before it is used: what the invitation and reset pages tell its holder. */
@Injectable()
export class OneTimeLinksService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly invitations: InvitationsRepository,
    private readonly members: MembersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * The workspace, account and sender of a link that could be used now; BAD_INPUT, worded as using it would be,
   * for one that could not (unknown, used, expired, voided, of the other purpose, or its member no longer in the
   * state it was made for) — so the page says so before anyone chooses a password.
   */
  async preview(token: string, purpose: LinkPurpose): Promise<OneTimeLinkPreview> {
    const tokenHash = hashInvitationToken(token);
    const link = await this.tenantDb.run({ invitationTokenHash: tokenHash }, (manager) =>
      this.invitations.findByTokenHash(manager, tokenHash, purpose),
    );
    if (!link || link.acceptedAt || link.expiresAt <= this.clock.now())
      throw AppError.badInput(BAD_LINK[purpose]);
    const found = await this.tenantDb.inWorkspace(link.workspaceId, async (manager) => ({
      member: await this.members.findById(manager, link.memberId),
      sender: link.createdById ? await this.members.findById(manager, link.createdById) : null,
      workspace: await this.workspaces.findById(manager, link.workspaceId),
    }));
    const { member, sender, workspace } = found;
    if (!member || !workspace || member.status !== MEMBER_STATUS[purpose])
      throw AppError.badInput(BAD_LINK[purpose]);
    return {
      purpose,
      workspaceName: workspace.name,
      email: member.email,
      name: member.name,
      roles: member.roles,
      // A reset the member asked for has no sender; one an admin made names them, unless they have left.
      sentBy: sender?.status === 'ACTIVE' && sender.id !== member.id ? sender.name : null,
      expiresAt: link.expiresAt,
    };
  }
}

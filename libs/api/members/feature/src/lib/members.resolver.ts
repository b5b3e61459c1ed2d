import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AnyMember, AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';

import { InviteMemberInput, MembersArgs, UpdateMemberInput } from './dto/member.inputs';
import { UpdateWorkspaceInput } from './dto/workspace.inputs';
import { MembersService } from './members.service';
import { Viewer } from './models/auth.model';
import { InvitationPayload, MemberConnection } from './models/member-connection.model';
import { Colleague, Member } from './models/member.model';
import { PasswordResetLink } from './models/password-reset.model';
import { Workspace } from './models/workspace.model';
import { PasswordResetService } from './password-reset.service';
import { WorkspaceSettingsService } from './workspace-settings.service';

/** Any signed-in member reads who they are and who their colleagues are; only admins manage members. */
@AnyMember()
@Resolver()
export class ViewerResolver {
  constructor(private readonly service: MembersService) {}

  @Query(() => Viewer, { description: 'The signed-in member and workspace.' })
  viewer(@CurrentMember() actor: AuthMember): Promise<Viewer> {
    return this.service.viewer(actor);
  }

  @Query(() => [Colleague], {
    description:
      "The workspace's members by name, as every member may see them: to name owners and to choose whom to reassign to.",
  })
  colleagues(@CurrentMember() actor: AuthMember): Promise<Colleague[]> {
    return this.service.colleagues(actor);
  }
}

@Roles('ADMIN')
@Resolver(() => Member)
export class MembersResolver {
  constructor(
    private readonly service: MembersService,
    private readonly passwordResets: PasswordResetService,
  ) {}

  @Query(() => MemberConnection, { description: "The workspace's members, oldest first." })
  members(@CurrentMember() actor: AuthMember, @Args() args: MembersArgs): Promise<MemberConnection> {
    return this.service.list(actor, args);
  }

  @Query(() => Int, {
    description:
      'How many open handovers the member owns: deactivating them sends these to the unassigned queue, due as before.',
  })
  memberOpenHandovers(
    @CurrentMember() actor: AuthMember,
    @Args('memberId', { type: () => ID }, new ParseUUIDPipe()) memberId: string,
  ): Promise<number> {
    return this.service.openHandovers(actor, memberId);
  }

  @Mutation(() => InvitationPayload, { description: 'Invites a member (or re-sends a pending invitation).' })
  inviteMember(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: InviteMemberInput,
  ): Promise<InvitationPayload> {
    return this.service.invite(actor, input);
  }

  @Mutation(() => Member, { description: "Changes a member's roles and approver flag." })
  updateMember(@CurrentMember() actor: AuthMember, @Args('input') input: UpdateMemberInput): Promise<Member> {
    return this.service.update(actor, input);
  }

  @Mutation(() => Member, {
    description:
      'Deactivates a member: their tokens stop working at once, and their open handovers go to the unassigned queue.',
  })
  deactivateMember(
    @CurrentMember() actor: AuthMember,
    @Args('memberId', { type: () => ID }, new ParseUUIDPipe()) memberId: string,
  ): Promise<Member> {
    return this.service.deactivate(actor, memberId);
  }

  @Mutation(() => Member, {
    description:
      'Brings a deactivated member back with the roles they had: ACTIVE, signing in with their password, or INVITED when they never set one (invite them again).',
  })
  reactivateMember(
    @CurrentMember() actor: AuthMember,
    @Args('memberId', { type: () => ID }, new ParseUUIDPipe()) memberId: string,
  ): Promise<Member> {
    return this.service.reactivate(actor, memberId);
  }

  @Mutation(() => PasswordResetLink, {
    description:
      'Makes a one-time link for an active member to set a new password (earlier unused ones stop working): e-mailed to them when SMTP is configured, else answered for the admin to pass on.',
  })
  createPasswordResetLink(
    @CurrentMember() actor: AuthMember,
    @Args('memberId', { type: () => ID }, new ParseUUIDPipe()) memberId: string,
  ): Promise<PasswordResetLink> {
    return this.passwordResets.createLink(actor, memberId);
  }
}

@Roles('ADMIN')
@Resolver(() => Workspace)
export class WorkspaceResolver {
  constructor(private readonly settings: WorkspaceSettingsService) {}

  @Mutation(() => Workspace, {
    description:
      "Changes the workspace's name, time zone or reporting currency; the currency only while no amount is in another.",
  })
  updateWorkspace(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: UpdateWorkspaceInput,
  ): Promise<Workspace> {
    return this.settings.update(actor, input);
  }
}

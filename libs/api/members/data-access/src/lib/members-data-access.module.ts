import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { InvitationEntity } from './invitation.entity';
import { InvitationsRepository } from './invitations.repository';
import { MemberEntity } from './member.entity';
import { MembersRepository } from './members.repository';
import { WorkspaceEntity } from './workspace.entity';
import { WorkspacesRepository } from './workspaces.repository';

@Module({
  imports: [TypeOrmModule.forFeature([WorkspaceEntity, MemberEntity, InvitationEntity])],
  providers: [WorkspacesRepository, MembersRepository, InvitationsRepository],
  exports: [WorkspacesRepository, MembersRepository, InvitationsRepository],
})
export class MembersDataAccessModule {}

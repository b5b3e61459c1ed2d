export * from './lib/workspace.entity';
export * from './lib/member.entity';
export * from './lib/invitation.entity';
export * from './lib/workspaces.repository';
export * from './lib/members.repository';
export * from './lib/invitations.repository';
export * from './lib/members-data-access.module';

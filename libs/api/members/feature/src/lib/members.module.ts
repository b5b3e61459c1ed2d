import { Module } from '@nestjs/common';

import { HandoversDataAccessModule } from '@accord/api/handovers/data-access';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { SharedAuthModule } from '@accord/api/shared/auth';
import { MailModule } from '@accord/api/shared/mail';
import { MailOutboxModule } from '@accord/api/shared/mail-outbox';

import { AccountResolver } from './account.resolver';
import { DemoWorkspaceSeeder } from './demo-workspace.seeder';
import { EmailVerificationMailer } from './email-verification-mailer';
import { EmailVerificationService } from './email-verification.service';
import { InvitationMailer } from './invitation-mailer';
import { MembersResolver, ViewerResolver, WorkspaceResolver } from './members.resolver';
import { MembersService } from './members.service';
import { OneTimeLinksService } from './one-time-links.service';
import { OutboxEmailsResolver } from './outbox-emails.resolver';
import { PasswordResetMailer } from './password-reset-mailer';
import { PasswordResetService } from './password-reset.service';
import { SessionResolver } from './session.resolver';
import { SessionService } from './session.service';
import { WorkspaceSettingsService } from './workspace-settings.service';

/**
 * Workspaces and their members: sign-up, sign-in, invitations, password resets, confirmed e-mail addresses, roles,
 * the workspace's settings.
 */
@Module({
  // Handovers' data access: deactivating a member sends their open handovers to the unassigned queue.
  imports: [
    HandoversDataAccessModule,
    MailModule,
    MailOutboxModule,
    MembersDataAccessModule,
    SharedAuthModule,
  ],
  providers: [
    SessionService,
    MembersService,
    PasswordResetService,
    OneTimeLinksService,
    InvitationMailer,
    PasswordResetMailer,
    EmailVerificationService,
    EmailVerificationMailer,
    DemoWorkspaceSeeder,
    SessionResolver,
    AccountResolver,
    ViewerResolver,
    MembersResolver,
    WorkspaceSettingsService,
    WorkspaceResolver,
    OutboxEmailsResolver,
  ],
  exports: [DemoWorkspaceSeeder],
})
export class MembersModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const MEMBERS_RESOLVERS = [
  SessionResolver,
  AccountResolver,
  ViewerResolver,
  MembersResolver,
  WorkspaceResolver,
  OutboxEmailsResolver,
];

import { Args, Query, Resolver } from '@nestjs/graphql';

import { AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';
import { TenantDb } from '@accord/api/shared/database';
import { MailOutboxRepository } from '@accord/api/shared/mail-outbox';

import { OutboxEmail, OutboxEmailsArgs } from './models/outbox-email.model';

/** What admins read of the e-mail Accord sends on its own: who was told what, and whether it went. */
@Roles('ADMIN')
@Resolver(() => OutboxEmail)
export class OutboxEmailsResolver {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly outbox: MailOutboxRepository,
  ) {}

  @Query(() => [OutboxEmail], {
    description: "The workspace's latest e-mails from the outbox, newest first.",
  })
  outboxEmails(@CurrentMember() actor: AuthMember, @Args() args: OutboxEmailsArgs): Promise<OutboxEmail[]> {
    return this.tenantDb.inWorkspace(actor.workspaceId, (manager) => this.outbox.list(manager, args.first));
  }
}

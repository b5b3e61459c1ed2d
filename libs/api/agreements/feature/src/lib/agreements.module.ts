import { Module } from '@nestjs/common';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { LeadsDataAccessModule } from '@accord/api/leads/data-access';
import { MailOutboxModule } from '@accord/api/shared/mail-outbox';
import { WebhooksDataAccessModule } from '@accord/api/webhooks/data-access';

import { AgreementDemoSeeder } from './agreement-demo.seeder';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';
import { ProposalMailer } from './proposal-mailer';

/** The lead agreement: versions, their co-signed lifecycle, diffs and audit trail. */
@Module({
  imports: [AgreementsDataAccessModule, LeadsDataAccessModule, MailOutboxModule, WebhooksDataAccessModule],
  providers: [AgreementsService, AgreementsResolver, AgreementDemoSeeder, ProposalMailer],
  exports: [AgreementsService, AgreementDemoSeeder],
})
export class AgreementsModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const AGREEMENTS_RESOLVERS = [AgreementsResolver];

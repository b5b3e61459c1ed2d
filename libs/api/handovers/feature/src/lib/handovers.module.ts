import { Module } from '@nestjs/common';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { HandoversDataAccessModule } from '@accord/api/handovers/data-access';
import { LeadsDataAccessModule } from '@accord/api/leads/data-access';
import { VerifiedResultsModule } from '@accord/api/shared/graphql';
import { MailOutboxModule } from '@accord/api/shared/mail-outbox';
import { WebhooksDataAccessModule } from '@accord/api/webhooks/data-access';

import { EscalationMailer } from './escalation-mail';
import { HandoverEvents } from './handover-events';
import { HandoverExpirer } from './handover-expirer';
import { HandoverOpener } from './handover-opener';
import { HandoverQueueCountsResolver, HandoversResolver } from './handovers.resolver';
import { HandoversService } from './handovers.service';
import { QualificationService } from './qualification.service';

/** The handover: opened on MQL, routed, decided once within the SLA or expired, then qualified to SQL. */
@Module({
  imports: [
    HandoversDataAccessModule,
    LeadsDataAccessModule,
    AgreementsDataAccessModule,
    WebhooksDataAccessModule,
    MailOutboxModule,
    VerifiedResultsModule,
  ],
  providers: [
    EscalationMailer,
    HandoverEvents,
    HandoverOpener,
    HandoverExpirer,
    HandoversService,
    QualificationService,
    HandoversResolver,
    HandoverQueueCountsResolver,
  ],
  exports: [HandoverOpener, HandoverExpirer, HandoversService, QualificationService],
})
export class HandoversModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const HANDOVERS_RESOLVERS = [HandoversResolver, HandoverQueueCountsResolver];

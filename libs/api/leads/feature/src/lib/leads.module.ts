import { Module } from '@nestjs/common';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { LeadsDataAccessModule } from '@accord/api/leads/data-access';
import { SharedAuthModule } from '@accord/api/shared/auth';

import { ApiKeysService } from './api-keys.service';
import { IdempotentRequests } from './idempotent-requests';
import { IngestionController } from './ingestion.controller';
import { KeyedSignalStore } from './keyed-signal-store';
import { LeadScorer } from './lead-scorer';
import { LeadUpsertService } from './lead-upsert.service';
import { LeadValuesResolver } from './lead-values.resolver';
import { LeadValuesService } from './lead-values.service';
import { LeadsDemoSeeder } from './leads-demo.seeder';
import { LeadsIngestionController } from './leads-ingestion.controller';
import { ApiKeysResolver, LeadsResolver } from './leads.resolver';
import { LeadsService } from './leads.service';
import { RecycleSweep } from './recycle-sweep';
import { RescoreRunner } from './rescore.runner';
import { RescoreWorker } from './rescore.worker';
import { SignalApplier } from './signal-applier';
import { SignalIngestionService } from './signal-ingestion.service';

/** Leads, signals and scoring: CRUD, ingestion of signals and leads (GraphQL and HTTP with API keys) and rescoring on publish. */
@Module({
  imports: [LeadsDataAccessModule, AgreementsDataAccessModule, SharedAuthModule],
  controllers: [IngestionController, LeadsIngestionController],
  providers: [
    LeadScorer,
    LeadsService,
    SignalIngestionService,
    SignalApplier,
    KeyedSignalStore,
    ApiKeysService,
    LeadUpsertService,
    IdempotentRequests,
    RescoreRunner,
    RescoreWorker,
    RecycleSweep,
    LeadsResolver,
    ApiKeysResolver,
    LeadValuesService,
    LeadValuesResolver,
    LeadsDemoSeeder,
  ],
  exports: [
    LeadsService,
    LeadScorer,
    SignalIngestionService,
    SignalApplier,
    RescoreWorker,
    RecycleSweep,
    LeadsDemoSeeder,
  ],
})
export class LeadsModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const LEADS_RESOLVERS = [LeadsResolver, ApiKeysResolver, LeadValuesResolver];

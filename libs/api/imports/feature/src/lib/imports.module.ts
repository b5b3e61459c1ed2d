import { Module } from '@nestjs/common';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { ImportsDataAccessModule } from '@accord/api/imports/data-access';
import { LeadsDataAccessModule } from '@accord/api/leads/data-access';
// Imported leads are scored, and imported activities ingested, by the leads feature's own scorer and ingestion
// (not a copy of them), so an import's result is the product's: a deliberate feature → feature use.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LeadsModule } from '@accord/api/leads/feature';
import { MembersDataAccessModule } from '@accord/api/members/data-access';

import { AccountsImportHandler } from './accounts.handler';
import { ImportHistoryService } from './import-history.service';
import { ImportMappingsService } from './import-mappings.service';
import { ImportPreviewService } from './import-preview.service';
import { ImportsController } from './imports.controller';
import { ImportsResolver } from './imports.resolver';
import { DEFAULT_IMPORT_LIMITS, IMPORT_LIMITS, ImportsService } from './imports.service';
import { LeadsImportHandler } from './leads.handler';
import { OpportunitiesImportHandler } from './opportunities.handler';
import { SalesRepsImportHandler } from './sales-reps.handler';
import { SignalsImportHandler } from './signals.handler';

/** CSV imports: the streaming upload, per-kind handlers on the product's own scoring and ingestion, reports. */
@Module({
  imports: [
    AgreementsDataAccessModule,
    ImportsDataAccessModule,
    LeadsDataAccessModule,
    MembersDataAccessModule,
    LeadsModule,
  ],
  controllers: [ImportsController],
  providers: [
    { provide: IMPORT_LIMITS, useValue: DEFAULT_IMPORT_LIMITS },
    ImportsService,
    ImportPreviewService,
    ImportMappingsService,
    ImportHistoryService,
    ImportsResolver,
    LeadsImportHandler,
    AccountsImportHandler,
    OpportunitiesImportHandler,
    SignalsImportHandler,
    SalesRepsImportHandler,
  ],
  exports: [ImportsService, ImportPreviewService, ImportHistoryService],
})
export class ImportsModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const IMPORTS_RESOLVERS = [ImportsResolver];

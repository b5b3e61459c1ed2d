import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AgreementEventEntity } from './agreement-event.entity';
import { AgreementSignatureEntity } from './agreement-signature.entity';
import { AgreementVersionEntity } from './agreement-version.entity';
import { AgreementsRepository } from './agreements.repository';
import { PublishedDocuments } from './published-documents';

@Module({
  imports: [
    TypeOrmModule.forFeature([AgreementVersionEntity, AgreementSignatureEntity, AgreementEventEntity]),
  ],
  providers: [AgreementsRepository, PublishedDocuments],
  exports: [AgreementsRepository, PublishedDocuments],
})
export class AgreementsDataAccessModule {}

/** Every entity of this library, for data sources that list entities explicitly. */
export const AGREEMENT_ENTITIES = [AgreementVersionEntity, AgreementSignatureEntity, AgreementEventEntity];

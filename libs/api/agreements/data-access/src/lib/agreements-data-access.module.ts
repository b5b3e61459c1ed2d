import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AgreementEventEntity } from './agreement-event.entity';
import { AgreementSignatureEntity } from './agreement-signature.entity';
import { AgreementVersionEntity } from './agreement-version.entity';
import { AgreementsRepository } from './agreements.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([AgreementVersionEntity, AgreementSignatureEntity, AgreementEventEntity]),
  ],
  providers: [AgreementsRepository],
  exports: [AgreementsRepository],
})
export class AgreementsDataAccessModule {}

/** Every entity of this library, for data sources that list entities explicitly. */
export const AGREEMENT_ENTITIES = [AgreementVersionEntity, AgreementSignatureEntity, AgreementEventEntity];

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { HANDOVER_ENTITIES } from './handovers-entities';
import { HandoversRepository } from './handovers.repository';

@Module({
  imports: [TypeOrmModule.forFeature(HANDOVER_ENTITIES)],
  providers: [HandoversRepository],
  exports: [HandoversRepository],
})
export class HandoversDataAccessModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { MeetingsRepository } from './meetings.repository';
import { OpportunitiesRepository } from './opportunities.repository';
import { PIPELINE_ENTITIES } from './pipeline-entities';

@Module({
  imports: [TypeOrmModule.forFeature(PIPELINE_ENTITIES)],
  providers: [MeetingsRepository, OpportunitiesRepository],
  exports: [MeetingsRepository, OpportunitiesRepository],
})
export class PipelineDataAccessModule {}

import { Module } from '@nestjs/common';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { LeadsDataAccessModule } from '@accord/api/leads/data-access';
import { MembersDataAccessModule } from '@accord/api/members/data-access';
import { PipelineDataAccessModule } from '@accord/api/pipeline/data-access';
import { WebhooksDataAccessModule } from '@accord/api/webhooks/data-access';

import { LeadTimelineService } from './lead-timeline.service';
import { MeetingsService } from './meetings.service';
import { OpportunitiesService } from './opportunities.service';
import { PipelineSupport } from './pipeline-support';
import { PipelineResolver } from './pipeline.resolver';

/** After the handover: meetings with leads, opportunities and their stages, and each lead's timeline. */
@Module({
  imports: [
    PipelineDataAccessModule,
    LeadsDataAccessModule,
    MembersDataAccessModule,
    AgreementsDataAccessModule,
    WebhooksDataAccessModule,
  ],
  providers: [PipelineSupport, MeetingsService, OpportunitiesService, LeadTimelineService, PipelineResolver],
  exports: [MeetingsService, OpportunitiesService, LeadTimelineService],
})
export class PipelineModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const PIPELINE_RESOLVERS = [PipelineResolver];

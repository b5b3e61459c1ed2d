import { MeetingEntity } from './meeting.entity';
import { OpportunityTransitionEntity } from './opportunity-transition.entity';
import { OpportunityEntity } from './opportunity.entity';

/** Every entity of this library, for data sources that list entities explicitly. */
export const PIPELINE_ENTITIES = [MeetingEntity, OpportunityEntity, OpportunityTransitionEntity];

import { HandoverEventEntity } from './handover-event.entity';
import { HandoverEntity } from './handover.entity';
import { LeadQualificationEntity } from './qualification.entity';
import { HandoverRoutingEntity } from './routing-state.entity';

/** Every entity of this library, for data sources that list entities explicitly. */
export const HANDOVER_ENTITIES = [
  HandoverEntity,
  HandoverEventEntity,
  HandoverRoutingEntity,
  LeadQualificationEntity,
];

import { ApiKeyEntity } from './api-key.entity';
import { IngestRequestEntity } from './ingest-request.entity';
import { LeadEvaluationEntity } from './lead-evaluation.entity';
import { LeadTransitionEntity } from './lead-transition.entity';
import { LeadEntity } from './lead.entity';
import { RescoreRunEntity, WorkspaceScoringEntity } from './scoring-state.entity';
import { SignalInboxEntity } from './signal-inbox.entity';
import { SignalEntity } from './signal.entity';

/** Every entity of this library, for data sources that list entities explicitly. */
export const LEAD_ENTITIES = [
  LeadEntity,
  LeadEvaluationEntity,
  LeadTransitionEntity,
  SignalEntity,
  SignalInboxEntity,
  WorkspaceScoringEntity,
  RescoreRunEntity,
  ApiKeyEntity,
  IngestRequestEntity,
];

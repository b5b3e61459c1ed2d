import { AGREEMENT_ENTITIES } from '@accord/api/agreements/data-access';
import { BACKTEST_ENTITIES } from '@accord/api/backtest/data-access';
import { HANDOVER_ENTITIES } from '@accord/api/handovers/data-access';
import { LEAD_ENTITIES } from '@accord/api/leads/data-access';
import { InvitationEntity, MemberEntity, WorkspaceEntity } from '@accord/api/members/data-access';
import { PIPELINE_ENTITIES } from '@accord/api/pipeline/data-access';
import { WEBHOOK_ENTITIES } from '@accord/api/webhooks/data-access';

/** Every entity of the product, for the migration tooling; the app itself loads them per feature module. */
export const ENTITIES = [
  WorkspaceEntity,
  MemberEntity,
  InvitationEntity,
  ...AGREEMENT_ENTITIES,
  ...LEAD_ENTITIES,
  ...HANDOVER_ENTITIES,
  ...PIPELINE_ENTITIES,
  ...WEBHOOK_ENTITIES,
  ...BACKTEST_ENTITIES,
];

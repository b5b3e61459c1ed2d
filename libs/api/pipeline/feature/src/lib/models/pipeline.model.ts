import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import { enumOf } from '@accord/api/shared/graphql';
import {
  MEETING_STATUSES,
  type MeetingStatus,
  OPPORTUNITY_STAGES,
  type OpportunityStage,
} from '@accord/domain/pipeline';

export const MeetingStatusEnum = enumOf(MEETING_STATUSES);
export const OpportunityStageEnum = enumOf(OPPORTUNITY_STAGES);
export const TIMELINE_KINDS = ['LEAD_STAGE', 'MEETING_BOOKED', 'MEETING_MARKED', 'OPPORTUNITY'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TimelineKindEnum = enumOf(TIMELINE_KINDS);

registerEnumType(MeetingStatusEnum, {
  name: 'MeetingStatus',
  description: 'BOOKED, then HELD, NO_SHOW or CANCELLED (final).',
});
registerEnumType(OpportunityStageEnum, {
  name: 'OpportunityStage',
  description:
    'DISCOVERY → DEMO → PROOF_OF_CONCEPT → NEGOTIATION → WON | LOST; forward only, WON and LOST final.',
});
registerEnumType(TimelineKindEnum, { name: 'LeadTimelineKind' });

@ObjectType({ description: 'A meeting with a lead.' })
export class Meeting {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  leadId!: string;

  @Field(() => ID)
  ownerId!: string;

  @Field(() => String, { nullable: true })
  ownerName!: string | null;

  @Field(() => GraphQLISODateTime)
  scheduledAt!: Date;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => MeetingStatusEnum)
  status!: MeetingStatus;

  @Field({
    description:
      'Held with a lead sales had accepted (moved to SAL) by the meeting’s time: a qualified meeting held.',
  })
  qualified!: boolean;

  @Field(() => GraphQLISODateTime)
  bookedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  markedAt!: Date | null;
}

@ObjectType({
  description: 'One change of an opportunity: opening (no from stage), a stage move, or an amount change.',
})
export class OpportunityTransition {
  @Field(() => OpportunityStageEnum, { nullable: true })
  fromStage!: OpportunityStage | null;

  @Field(() => OpportunityStageEnum)
  toStage!: OpportunityStage;

  @Field(() => Float, { description: 'The amount after the change.' })
  amount!: number;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => Int, { nullable: true, description: 'The agreement version in force at the change.' })
  versionNumber!: number | null;

  @Field(() => GraphQLISODateTime)
  at!: Date;
}

@ObjectType({ description: 'A deal on an accepted lead; its amount is pipeline sourced.' })
export class Opportunity {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  leadId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => ID)
  ownerId!: string;

  @Field(() => String, { nullable: true })
  ownerName!: string | null;

  @Field(() => OpportunityStageEnum)
  stage!: OpportunityStage;

  @Field(() => Float)
  amount!: number;

  @Field({ description: 'ISO 4217, e.g. USD.' })
  currency!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The day it closed (YYYY-MM-DD), in the workspace’s calendar.',
  })
  closeDate!: string | null;

  @Field(() => String, { nullable: true })
  lostReason!: string | null;

  @Field(() => Int, { description: 'Bumped by every change.' })
  revision!: number;

  @Field(() => GraphQLISODateTime)
  openedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  closedAt!: Date | null;

  @Field(() => [OpportunityTransition], { description: 'Oldest first.' })
  transitions!: OpportunityTransition[];
}

@ObjectType({
  description: 'One event in a lead’s life: a stage change, a meeting, or an opportunity change.',
})
export class LeadTimelineEntry {
  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => TimelineKindEnum)
  kind!: TimelineKind;

  @Field({ description: 'One line, e.g. "Opportunity Demo → Won (25,000 USD)".' })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A lifecycle stage (LEAD_STAGE) or an opportunity stage (OPPORTUNITY).',
  })
  fromStage!: string | null;

  @Field(() => String, { nullable: true })
  toStage!: string | null;

  @Field(() => Float, { nullable: true })
  amount!: number | null;

  @Field(() => ID, { nullable: true, description: 'The meeting or opportunity the entry is about.' })
  subjectId!: string | null;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => Int, { nullable: true })
  versionNumber!: number | null;
}

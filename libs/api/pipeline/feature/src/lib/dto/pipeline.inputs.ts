import { Field, Float, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsIn, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

import { PlainText } from '@accord/api/shared/graphql';
import {
  MAX_LOST_REASON_LENGTH,
  MAX_MEETING_NOTES_LENGTH,
  MAX_MEETING_TITLE_LENGTH,
  MEETING_STATUSES,
  type MeetingStatus,
  OPPORTUNITY_STAGES,
  type OpportunityStage,
} from '@accord/domain/pipeline';

import { MeetingStatusEnum, OpportunityStageEnum } from '../models/pipeline.model';

// Bounds here keep requests small; the rules themselves (amounts, dates, moves) are the domain's, which name
// each refusal.

@InputType()
export class BookMeetingInput {
  @Field(() => ID)
  @IsUUID()
  leadId!: string;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  scheduledAt!: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MEETING_TITLE_LENGTH)
  @PlainText({ lines: false })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_MEETING_NOTES_LENGTH)
  @PlainText({ lines: true })
  notes?: string | null;

  @Field(() => ID, { nullable: true, description: 'Defaults to you.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;
}

@InputType()
export class MarkMeetingInput {
  @Field(() => ID)
  @IsUUID()
  meetingId!: string;

  @Field(() => MeetingStatusEnum, { description: 'HELD, NO_SHOW or CANCELLED.' })
  @IsIn(MEETING_STATUSES)
  status!: MeetingStatus;
}

@InputType()
export class OpenOpportunityInput {
  @Field(() => ID)
  @IsUUID()
  leadId!: string;

  @Field(() => Float, {
    description: 'Pipeline sourced: at least 0, at most 100,000,000,000, in cents at most.',
  })
  @IsNumber({ allowNaN: true, allowInfinity: true })
  amount!: number;

  @Field(() => String, {
    nullable: true,
    description: "ISO 4217: the workspace's reporting currency (the default); another is refused.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  currency?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @PlainText({ lines: false })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Defaults to you.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;
}

@InputType()
export class MoveOpportunityInput {
  @Field(() => ID)
  @IsUUID()
  opportunityId!: string;

  @Field(() => OpportunityStageEnum)
  @IsIn(OPPORTUNITY_STAGES)
  stage!: OpportunityStage;

  @Field(() => Float, {
    nullable: true,
    description: 'A new amount with the move (the closed amount when closing).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: true, allowInfinity: true })
  amount?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD; required for WON and LOST, between the day it opened and today.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'closeDate must be a date written YYYY-MM-DD' })
  closeDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for LOST.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_LOST_REASON_LENGTH)
  // It goes out as it is in the opportunity.closed webhook, to receivers that may print it.
  @PlainText({ lines: true })
  lostReason?: string | null;
}

@InputType()
export class UpdateOpportunityAmountInput {
  @Field(() => ID)
  @IsUUID()
  opportunityId!: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: true, allowInfinity: true })
  amount!: number;
}

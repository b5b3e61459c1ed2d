import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { IsInstant, PlainText, enumOf } from '@accord/api/shared/graphql';
import { LIMITS } from '@accord/domain/agreement';
import { NOTE_MAX_LENGTH } from '@accord/domain/handover';

export const HandoverScopeEnum = enumOf(['MINE', 'TEAM', 'UNASSIGNED'] as const);
export const HandoverViewEnum = enumOf(['UNDECIDED', 'EXPIRED', 'DECIDED'] as const);
export const FeedbackGroupingEnum = enumOf(['SOURCE', 'CAMPAIGN'] as const);
export type HandoverScope = keyof typeof HandoverScopeEnum;
export type HandoverView = keyof typeof HandoverViewEnum;

registerEnumType(HandoverScopeEnum, {
  name: 'HandoverScope',
  description: "MINE: assigned to me. TEAM and UNASSIGNED: everyone's, and nobody's (sales managers).",
});
registerEnumType(HandoverViewEnum, {
  name: 'HandoverView',
  description: 'UNDECIDED by due time, then hotter, then better fit; EXPIRED only; DECIDED newest first.',
});
registerEnumType(FeedbackGroupingEnum, { name: 'FeedbackGrouping' });

const ITEM_KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;

@ArgsType()
export class HandoverQueueArgs {
  @Field(() => HandoverScopeEnum, { defaultValue: 'MINE' })
  @IsIn(Object.keys(HandoverScopeEnum))
  scope: HandoverScope = 'MINE';

  @Field(() => HandoverViewEnum, { defaultValue: 'UNDECIDED' })
  @IsIn(Object.keys(HandoverViewEnum))
  view: HandoverView = 'UNDECIDED';

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first = 50;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ArgsType()
export class RejectHandoverArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  // Only bounded here: the decision's check answers any key its version lacks with the keys it has.
  @Field({ description: "A reason key from the handover's version." })
  @IsString()
  @MaxLength(200)
  reasonKey!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  @PlainText({ lines: true })
  note?: string | null;
}

@ArgsType()
export class ReassignHandoverArgs {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => ID)
  @IsUUID()
  ownerId!: string;
}

@InputType()
export class QualificationAnswerInput {
  @Field({ description: 'A checklist item key.' })
  @Matches(ITEM_KEY, { message: 'key must be a checklist item key' })
  key!: string;

  @Field()
  @IsBoolean()
  met!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.text)
  @PlainText({ lines: true })
  note?: string | null;
}

@ArgsType()
export class AnswerQualificationArgs {
  @Field(() => ID)
  @IsUUID()
  leadId!: string;

  @Field(() => [QualificationAnswerInput])
  @ValidateNested({ each: true })
  @Type(() => QualificationAnswerInput)
  @ArrayMaxSize(LIMITS.checklist)
  // Two answers to one item would be one row updated twice in the same statement.
  @ArrayUnique((answer: QualificationAnswerInput) => answer.key, { message: 'answer each item once' })
  answers!: QualificationAnswerInput[];
}

@ArgsType()
export class RejectionFeedbackArgs {
  @Field(() => FeedbackGroupingEnum, { defaultValue: 'SOURCE' })
  @IsIn(Object.keys(FeedbackGroupingEnum))
  groupBy: keyof typeof FeedbackGroupingEnum = 'SOURCE';

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only decisions from this time on.' })
  @IsOptional()
  @IsInstant()
  since?: Date | null;
}

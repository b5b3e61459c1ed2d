import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { IsInstant, enumOf } from '@accord/api/shared/graphql';
import {
  DASHBOARD_GRANULARITIES,
  DashboardGranularity,
  MAX_SEGMENT_LENGTH,
  MAX_TEAM_LENGTH,
} from '@accord/domain/dashboard';

export const DashboardGranularityEnum = enumOf(DASHBOARD_GRANULARITIES);
registerEnumType(DashboardGranularityEnum, {
  name: 'DashboardGranularity',
  description:
    'The trend buckets, in the workspace time zone; coarsened when a series would exceed 26 points.',
});

@InputType({
  description:
    'The period [from, to), the trend granularity and the optional segment, owner, team and agreement version. ' +
    'The period may span at most 3 years.',
})
export class DashboardFilter {
  @Field(() => GraphQLISODateTime)
  @IsInstant()
  from!: Date;

  @Field(() => GraphQLISODateTime, { description: 'Exclusive.' })
  @IsInstant()
  to!: Date;

  @Field(() => DashboardGranularityEnum)
  @IsIn(DASHBOARD_GRANULARITIES)
  granularity!: DashboardGranularity;

  @Field(() => ID, {
    nullable: true,
    description: 'Only facts recorded under (or in force during) this version.',
  })
  @IsOptional()
  @IsUUID()
  versionId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SEGMENT_LENGTH)
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'One of 1–49, 50–199, 200–999, 1000+.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  employeeBand?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SEGMENT_LENGTH)
  country?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SEGMENT_LENGTH)
  source?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SEGMENT_LENGTH)
  campaign?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The member credited with the facts: the handover’s, meeting’s or opportunity’s owner, the lead’s for ' +
      'stage transitions and activity.',
  })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A team (a member’s team, as `colleagues` lists it): the facts credited to its members.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEAM_LENGTH)
  team?: string | null;
}

@ArgsType()
export class DashboardArgs {
  @Field(() => DashboardFilter)
  @ValidateNested()
  @Type(() => DashboardFilter)
  filter!: DashboardFilter;
}

@ArgsType()
export class DashboardRowsArgs {
  @Field(() => String, { description: 'A metric key, or funnel-<STAGE> for a funnel step.' })
  @IsString()
  @MaxLength(100)
  metricKey!: string;

  @Field(() => DashboardFilter)
  @ValidateNested()
  @Type(() => DashboardFilter)
  filter!: DashboardFilter;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first = 50;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

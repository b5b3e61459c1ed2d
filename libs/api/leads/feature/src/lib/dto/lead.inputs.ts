import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  GradeEnum,
  LifecycleStageEnum,
  SeniorityEnum,
  TemperatureEnum,
  ValidatedByDomain,
} from '@accord/api/shared/graphql';
import type { Grade, Temperature } from '@accord/domain/agreement';
import type { LifecycleStage } from '@accord/domain/leads';

import { LeadSortEnum } from '../models/lead.model';

// Values are validated by the domain's lead rules (parseLeadFields), which name each bad field; the decorators
// here only declare the fields, so that the validation pipe refuses unknown ones.
const Optional = (type: () => unknown, description?: string) =>
  applyDecorators(Field(type as never, { nullable: true, description }), IsOptional());

@InputType({
  description: "A lead's fields; on update, the fields given replace the stored ones (null clears).",
})
@ValidatedByDomain()
export class LeadInput {
  @Optional(() => String, 'Required when creating.')
  email?: string | null;

  @Optional(() => String)
  firstName?: string | null;

  @Optional(() => String)
  lastName?: string | null;

  @Optional(() => String)
  title?: string | null;

  @Optional(() => SeniorityEnum)
  seniority?: string | null;

  @Optional(() => String)
  department?: string | null;

  @Optional(() => Boolean)
  budgetAuthority?: boolean | null;

  @Optional(() => String)
  companyName?: string | null;

  @Optional(() => String, "Defaults to the e-mail's domain unless it is a personal mailbox.")
  companyDomain?: string | null;

  @Optional(() => Int)
  employeeCount?: number | null;

  @Optional(() => Float)
  annualRevenue?: number | null;

  @Optional(() => String)
  industry?: string | null;

  @Optional(() => String, 'ISO 3166 alpha-2.')
  country?: string | null;

  @Optional(() => [String])
  technologies?: string[] | null;

  @Optional(() => String)
  source?: string | null;

  @Optional(() => String)
  campaign?: string | null;

  @Optional(() => ID, 'A member of the workspace.')
  ownerId?: string | null;
}

@InputType()
export class LeadsFilter {
  @Field(() => GradeEnum, { nullable: true })
  @IsOptional()
  grade?: Grade | null;

  @Field(() => TemperatureEnum, { nullable: true })
  @IsOptional()
  temperature?: Temperature | null;

  @Field(() => LifecycleStageEnum, { nullable: true })
  @IsOptional()
  stage?: LifecycleStage | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only the leads no one owns (not together with ownerId).',
  })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the e-mail, the company's name or the person's name (first, last or both).",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class LeadsArgs {
  @Field(() => LeadsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LeadsFilter)
  filter?: LeadsFilter | null;

  @Field(() => LeadSortEnum, { defaultValue: 'FIT' })
  @IsIn(['FIT', 'INTENT', 'NEWEST'])
  sort!: 'FIT' | 'INTENT' | 'NEWEST';

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@InputType({ description: 'A signal recorded by hand or by the web app.' })
export class RecordSignalInput {
  @Field(() => ID)
  @IsUUID()
  leadId!: string;

  @Field()
  @IsString()
  type!: string;

  @Field(() => GraphQLISODateTime)
  @IsDate()
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Your id for the event; a repeat is stored once.' })
  @IsOptional()
  @IsString()
  externalId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  source?: string | null;
}

import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsString } from 'class-validator';

import { enumOf } from '@accord/api/shared/graphql';

export const LeadValueFieldEnum = enumOf(['INDUSTRY', 'SOURCE', 'CAMPAIGN'] as const);
export type LeadValueField = keyof typeof LeadValueFieldEnum;

registerEnumType(LeadValueFieldEnum, {
  name: 'LeadValueField',
  description: 'A lead field whose values have one spelling per workspace, whatever their case.',
});

@ObjectType({ description: 'A value of a lead field as the workspace spells it.' })
export class LeadValue {
  @Field()
  spelling!: string;

  @Field(() => Int, { description: 'How many leads hold the value now.' })
  leads!: number;
}

@ObjectType()
export class LeadValues {
  @Field(() => LeadValueFieldEnum)
  field!: LeadValueField;

  @Field(() => [LeadValue], {
    description: 'Those with the most leads first, then alphabetically; at most 1,000.',
  })
  values!: LeadValue[];

  @Field(() => Int, { description: 'How many values the workspace knows for the field, listed or not.' })
  total!: number;
}

@InputType()
export class CorrectLeadValueInput {
  @Field(() => LeadValueFieldEnum)
  @IsIn(Object.keys(LeadValueFieldEnum))
  field!: LeadValueField;

  @Field({
    description: 'The value as it should read: the same value in another case ("LinkedIn" for "linkedin").',
  })
  @IsString()
  spelling!: string;
}

@ObjectType()
export class CorrectedLeadValue {
  @Field(() => LeadValueFieldEnum)
  field!: LeadValueField;

  @Field({ description: 'The spelling the value has now.' })
  spelling!: string;

  @Field({ description: 'The spelling it had.' })
  previous!: string;

  @Field(() => Int, { description: 'How many leads now read the new spelling.' })
  leads!: number;
}

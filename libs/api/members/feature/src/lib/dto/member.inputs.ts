import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { MAX_MONTHLY_QUOTA, type Role } from '@accord/domain/workspace';

import { EmailField, PersonNameField, RolesField } from './fields';

@InputType()
export class InviteMemberInput {
  @EmailField()
  email!: string;

  @PersonNameField()
  name!: string;

  @RolesField()
  roles!: Role[];

  @Field({ defaultValue: false })
  @IsBoolean()
  approver!: boolean;
}

@InputType()
export class UpdateMemberInput {
  @Field(() => ID)
  @IsUUID()
  memberId!: string;

  @RolesField()
  roles!: Role[];

  @Field()
  @IsBoolean()
  approver!: boolean;

  /** The team or region the member sells in; omitted: as it is; null or blank: none. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  team?: string | null;

  /** The member they report to, of the same workspace; omitted: as it is; null: nobody. */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  managerId?: string | null;

  /** Revenue expected per month, in the workspace's currency; omitted: as it is; null: none. */
  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(MAX_MONTHLY_QUOTA)
  monthlyQuota?: number | null;
}

@ArgsType()
export class MembersArgs {
  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

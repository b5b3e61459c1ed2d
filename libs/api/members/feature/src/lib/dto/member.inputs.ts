import { ROLES, Role } from '@accord/domain/workspace';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { RoleEnum } from '../models/member.model';

@InputType()
export class InviteMemberInput {
  @Field()
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field(() => [RoleEnum])
  @ArrayMinSize(1, { message: 'give at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
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

  @Field(() => [RoleEnum])
  @ArrayMinSize(1, { message: 'give at least one role' })
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @Field()
  @IsBoolean()
  approver!: boolean;
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

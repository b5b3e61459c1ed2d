import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

import { LINK_PURPOSES, type LinkPurpose } from '@accord/api/members/data-access';
import { PASSWORD_MAX_LENGTH } from '@accord/domain/workspace';

import { LinkPurposeEnum } from '../models/one-time-link.model';
import { EmailField, NameField, NewPasswordField, PersonNameField } from './fields';

@InputType()
export class LoginInput {
  @EmailField()
  email!: string;

  // No minimum here: a too-short password is simply wrong, and must fail like any wrong password.
  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Which workspace to enter when the e-mail belongs to several.',
  })
  @IsOptional()
  @IsUUID()
  workspaceId?: string;
}

@InputType()
export class SignUpInput {
  @NameField()
  workspaceName!: string;

  @PersonNameField()
  name!: string;

  @EmailField()
  email!: string;

  @NewPasswordField()
  password!: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  @IsString()
  @Length(20, 100)
  token!: string;

  @NewPasswordField()
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  // No minimum: a wrong current password fails like any wrong password.
  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @NewPasswordField()
  newPassword!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @EmailField()
  email!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field()
  @IsString()
  @Length(20, 100)
  token!: string;

  @NewPasswordField()
  password!: string;
}

@InputType()
export class OneTimeLinkInput {
  @Field()
  @IsString()
  @Length(20, 100)
  token!: string;

  @Field(() => LinkPurposeEnum, { description: 'What the page that opened the link uses it for.' })
  @IsIn(LINK_PURPOSES)
  purpose!: LinkPurpose;
}

@InputType()
export class VerifyEmailInput {
  @Field({ description: 'The token of the confirmation link.' })
  @IsString()
  @Length(20, 100)
  token!: string;
}

import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';

import { IsInstant, PlainText, ValidatedByDomain } from '@accord/api/shared/graphql';
import type { ApproverSide } from '@accord/domain/workspace';

import { ApproverSideEnum } from '../models/agreement.model';

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

const CommentText = (required: boolean) =>
  applyDecorators(
    trim,
    IsString(),
    required
      ? Length(1, 2000, { message: 'say what should change, in 1 to 2,000 characters' })
      : MaxLength(2000),
    // Line breaks and tabs are fine in a comment.
    PlainText({ lines: true }),
  );

const OptionalComment = () =>
  applyDecorators(
    Field(() => String, { nullable: true, description: 'Why; kept in the audit trail.' }),
    IsOptional(),
    CommentText(false),
  );

const VersionId = () =>
  applyDecorators(
    Field(() => ID),
    IsUUID(undefined, { message: 'must be a version id' }),
  );

const Revision = (description: string) =>
  applyDecorators(
    Field(() => Int, { description }),
    IsInt(),
    Min(1),
    Max(2_147_483_647),
  );

@InputType()
export class CreateAgreementDraftInput {
  @OptionalComment()
  comment?: string | null;
}

@InputType()
@ValidatedByDomain()
export class SaveAgreementDraftInput {
  @VersionId()
  versionId!: string;

  @Revision('The revision the edit started from; a save over a newer revision is refused with CONFLICT.')
  baseRevision!: number;

  @Field(() => GraphQLJSONObject, {
    description: 'The whole document; validated and normalised by the domain rules.',
  })
  @IsObject({ message: 'must be an agreement document' })
  document!: Record<string, unknown>;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Take effect at this time once signed; null: at once.',
  })
  @IsOptional()
  @IsDate()
  requestedEffectiveAt?: Date | null;

  @OptionalComment()
  comment?: string | null;
}

@InputType()
export class ProposeAgreementInput {
  @VersionId()
  versionId!: string;

  @Revision('The revision being proposed.')
  revision!: number;

  @OptionalComment()
  comment?: string | null;
}

@InputType()
export class SignAgreementInput {
  @VersionId()
  versionId!: string;

  @Revision('The exact revision the approver read and signs.')
  revision!: number;

  @Field(() => ApproverSideEnum)
  @IsIn(['MARKETING', 'SALES'])
  side!: ApproverSide;

  @OptionalComment()
  comment?: string | null;
}

@InputType()
export class SendBackAgreementInput {
  @VersionId()
  versionId!: string;

  @Revision('The revision being sent back.')
  revision!: number;

  @Field({ description: 'What should change; required, so the author knows.' })
  @CommentText(true)
  comment!: string;
}

@ArgsType()
export class AgreementInForceArgs {
  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsInstant()
  at?: Date | null;
}

@ArgsType()
export class AgreementEventsArgs {
  @Field(() => ID, { nullable: true, description: "Only this version's events; all versions when absent." })
  @IsOptional()
  @IsUUID()
  versionId?: string | null;

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

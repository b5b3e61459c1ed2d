import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** An admin's change of the workspace's settings; an omitted field stays as it is. */
@InputType()
export class UpdateWorkspaceInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  name?: string;

  /** IANA time zone (e.g. Europe/Paris): where the dashboard's days, weeks and months begin. */
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @Field({ nullable: true, description: 'ISO 4217 code, e.g. EUR.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be three capital letters (ISO 4217), e.g. EUR' })
  currency?: string;
}

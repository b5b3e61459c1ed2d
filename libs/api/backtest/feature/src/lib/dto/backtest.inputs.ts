import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** The longest history a backtest reads. */
export const MAX_BACKTEST_MONTHS = 36;

@InputType()
export class StartBacktestInput {
  @Field(() => ID, { description: 'A draft, a proposal or a published version.' })
  @IsUUID(undefined, { message: 'must be a version id' })
  versionId!: string;

  @Field(() => Int, { nullable: true, description: 'Months of history up to now (default 12).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_BACKTEST_MONTHS)
  months?: number | null;
}

import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

import { enumOf } from '@accord/api/shared/graphql';

export const BacktestStatusEnum = enumOf(['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const);
registerEnumType(BacktestStatusEnum, { name: 'BacktestStatus' });

@ObjectType({
  description:
    'A backtest of one agreement version (a draft revision, a proposal or a published version) against the version in force, over past leads, point in time.',
})
export class BacktestRun {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The version backtested.' })
  versionId!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field(() => Int, { description: 'The revision of the version that was backtested.' })
  revision!: number;

  @Field(() => ID, { description: 'The version in force it is compared with.' })
  baselineVersionId!: string;

  @Field(() => Int)
  baselineVersionNumber!: number;

  @Field(() => BacktestStatusEnum)
  status!: keyof typeof BacktestStatusEnum;

  @Field(() => Int, { description: 'Leads read so far.' })
  processed!: number;

  @Field(() => Int, { description: 'Leads to read (created before the window ends).' })
  total!: number;

  @Field(() => Float, { description: 'processed ÷ total, 0–1 (1 when done).' })
  progress!: number;

  @Field({
    description:
      'The version has been edited since (another revision), or another version is in force now: run it again.',
  })
  stale!: boolean;

  @Field(() => GraphQLISODateTime)
  windowFrom!: Date;

  @Field(() => GraphQLISODateTime)
  windowTo!: Date;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'When DONE: the BacktestResult of @accord/domain/backtest (see docs/backtest.md).',
  })
  result!: Record<string, unknown> | null;
}

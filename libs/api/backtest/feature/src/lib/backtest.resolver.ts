import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AnyMember, AuthMember, CurrentMember, Roles } from '@accord/api/shared/auth';

import { BacktestService } from './backtest.service';
import { StartBacktestInput } from './dto/backtest.inputs';
import { BacktestRun } from './models/backtest.model';

/** Everyone reads backtests (approvers sign with them in front of them); the teams that write the agreement run them. */
@AnyMember()
@Resolver(() => BacktestRun)
export class BacktestResolver {
  constructor(private readonly service: BacktestService) {}

  @Roles('ADMIN', 'MARKETING', 'SALES')
  @Mutation(() => BacktestRun, {
    description:
      'Backtests a version (draft, proposal or published) against the version in force, in the background.',
  })
  startBacktest(
    @CurrentMember() actor: AuthMember,
    @Args('input') input: StartBacktestInput,
  ): Promise<BacktestRun> {
    return this.service.start(actor, input);
  }

  @Query(() => BacktestRun)
  backtestRun(
    @CurrentMember() actor: AuthMember,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<BacktestRun> {
    return this.service.get(actor, id);
  }

  @Query(() => BacktestRun, { nullable: true, description: 'The newest backtest of a version, if any.' })
  latestBacktest(
    @CurrentMember() actor: AuthMember,
    @Args('versionId', { type: () => ID }, new ParseUUIDPipe()) versionId: string,
  ): Promise<BacktestRun | null> {
    return this.service.latest(actor, versionId);
  }

  @Query(() => BacktestRun, {
    nullable: true,
    description:
      'Definition quality of the version in force: its newest finished backtest against itself (calibration, signal value, suggestions).',
  })
  definitionQuality(@CurrentMember() actor: AuthMember): Promise<BacktestRun | null> {
    return this.service.definitionQuality(actor);
  }
}

import { Module } from '@nestjs/common';

import { AgreementsDataAccessModule } from '@accord/api/agreements/data-access';
import { BacktestDataAccessModule } from '@accord/api/backtest/data-access';

import { BacktestResolver } from './backtest.resolver';
import { BacktestRunner } from './backtest.runner';
import { BacktestService } from './backtest.service';
import { BacktestWorker } from './backtest.worker';

/** Backtests of agreement versions over the workspace's history, and the version in force's definition quality. */
@Module({
  imports: [BacktestDataAccessModule, AgreementsDataAccessModule],
  providers: [BacktestRunner, BacktestWorker, BacktestService, BacktestResolver],
  exports: [BacktestService, BacktestWorker, BacktestRunner],
})
export class BacktestModule {}

/** Every resolver of this module, for printing the schema without booting the app. */
export const BACKTEST_RESOLVERS = [BacktestResolver];
